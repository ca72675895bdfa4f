package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A Runway service repository with nothing but {@code .runway/runway.yml} (and Runway's staging manifest): real
 * Maven runs of runway:render, runway:verify and runway:identity on it.
 */
class RunwayServiceIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"))
            .resolve("../..")
            .normalize();
    /** The reduced ExternalSecret CRD written for the core tests. */
    static final Path TEST_CRDS = REPOSITORY.resolve("runway-render-core/src/test/resources/crds");

    static Path service(String name) {
        return MavenRun.copy(MavenRun.project("runway-service"), name);
    }

    @Test
    void aRepositoryWithOnlyTheManifestRendersAndVerifies() throws IOException {
        Path project = service("manifest-only");
        MavenRun.run(project, "-o", "runway:render", "runway:verify")
                .assertSuccess()
                .assertLogContains(
                        "[staging] 4 resources (1 ConfigMap, 1 Deployment, 1 Service, 1 ServiceAccount)",
                        "[production] 5 resources (1 ConfigMap, 1 Deployment, 1 HorizontalPodAutoscaler, 1 Service, "
                                + "1 ServiceAccount)",
                        "[staging] 0 errors, 0 warnings",
                        "[production] 0 errors, 0 warnings");
        String staging = Files.readString(project.resolve("target/runway/staging/manifests.yaml"));
        String production = Files.readString(project.resolve("target/runway/production/manifests.yaml"));
        for (String output : new String[] {staging, production}) {
            assertTrue(
                    output.contains("    gl_dept: eng-infra\n") && output.contains("    gl_owner_email_handle: jdoe\n"),
                    "the owner and department labels: " + output);
            assertTrue(output.contains("image: \"registry.example.com/runway/ledger:2.3.0\""), output);
            assertTrue(output.contains("containerPort: 8082"), output);
            assertTrue(output.contains("namespace: \"ledger\""), output);
        }
        assertTrue(
                staging.contains("cpu: 250m") && !staging.contains("startupProbe"), "staging reads runway-staging.yml");
        assertTrue(
                production.contains("cpu: 500m")
                        && production.contains("startupProbe:")
                        && production.contains("maxReplicas: 8"),
                production);
    }

    @Test
    void aManifestWithFieldsThatMeanNothingOnEksIsRefusedWithFileLineAndColumn() throws IOException {
        Path project = service("manifest-bad");
        Path manifest = project.resolve(".runway/runway.yml");
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replace("  container_port: 8082\n", "  contaner_port: 8082\n  regions:\n    - us-east1\n"));
        MavenRun.run(project, "-o", "runway:render", "-Drunway.environment=production")
                .assertFailure()
                .assertLogContains(
                        "runway:render failed for environment 'production': .runway/runway.yml is not a "
                                + "Runway service manifest runway-render can use (2 problems):",
                        ".runway/runway.yml:12:3: spec.contaner_port: unknown field: spec has the fields image, "
                                + "container_port,",
                        ".runway/runway.yml:13:3: spec.regions: has no meaning on EKS: Cloud Run regions;");
        assertFalse(Files.exists(project.resolve("target/runway")), "nothing is written");
        Files.writeString(manifest, Files.readString(manifest).replace("contaner_port", "container_port"));
        MavenRun.run(
                        project,
                        "-o",
                        "runway:render",
                        "-Drunway.environment=production",
                        "-Drunway.ignoredManifestFields=spec.regions")
                .assertSuccess()
                .assertLogContains(
                        "[production] .runway/runway.yml: skipped spec.regions (runway.ignoredManifestFields)");
    }

    @Test
    void theServiceIdMustAgreeEverywhere() {
        Path project = service("manifest-id");
        MavenRun.run(project, "-o", "runway:render", "-Drunway.serviceId=payments")
                .assertFailure()
                .assertLogContains("environment staging: the service id is given differently: \"payments\" from "
                        + "runway.serviceId, \"ledger\" from .runway/runway-staging.yml:5:9 (metadata.name)");
        MavenRun.run(project, "-o", "runway:render", "-Drunway.serviceId=ledger")
                .assertSuccess();
    }

    @Test
    void vaultSecretsComeThroughAnExternalSecretThatVerifyChecksAgainstTheCrd() throws IOException {
        Path project = service("manifest-vault");
        String vault = "-Drunway.set=externalSecrets.enabled=true";
        MavenRun.run(project, "-o", "runway:verify", vault)
                .assertSuccess()
                .assertLogContains("[staging] INFO ExternalSecret/ledger/ledger: external-secrets.io/v1 ExternalSecret "
                        + "is not a built-in kind");

        Path crds = Files.createDirectories(project.resolve(".runway/crds"));
        Files.copy(TEST_CRDS.resolve("externalsecret-crd.yaml"), crds.resolve("externalsecret-crd.yaml"));
        MavenRun.Result checked = MavenRun.run(project, "-o", "runway:render", "runway:verify", vault)
                .assertSuccess()
                .assertLogContains(
                        "custom resources checked against 1 CRDs from .runway/crds "
                                + "[external-secrets.io/ExternalSecret]",
                        "[staging] 0 errors, 0 warnings");
        checked.assertLogLacks("not a built-in kind");
        String staging = Files.readString(project.resolve("target/runway/staging/manifests.yaml"));
        assertTrue(staging.contains("key: \"runway/env/staging/service/ledger\""), staging);
        assertTrue(
                staging.contains("envFrom:\n            - secretRef:\n                name: \"ledger-secrets\""),
                staging);
        assertTrue(Files.readString(project.resolve("target/runway/production/manifests.yaml"))
                .contains("key: \"runway/env/production/service/ledger\""));

        // A cluster whose external-secrets accepts only namespaced stores: the render's ClusterSecretStore is refused.
        Path crd = crds.resolve("externalsecret-crd.yaml");
        Files.writeString(
                crd, Files.readString(crd).replace("enum: [SecretStore, ClusterSecretStore]", "enum: [SecretStore]"));
        MavenRun.run(project, "-o", "runway:verify", vault, "-Drunway.environment=staging")
                .assertFailure()
                .assertLogContains(
                        "[staging] ERROR ExternalSecret/ledger/ledger spec.secretStoreRef.kind: unsupported "
                                + "value \"ClusterSecretStore\"; fix: use one of [SecretStore] [crd.unsupported-value] (template runway-eks/templates/externalsecret.yaml)",
                        "[crd.unsupported-value]");
    }

    @Test
    void identityWritesTheProvisionersHalfAndVerifyFailsWhenTheHalvesDisagree() throws IOException {
        Path project = service("manifest-identity");
        Files.writeString(project.resolve("cluster-vars.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flux-cluster-vars
                data:
                  aws_account_id: "123456789012"
                  gcp_project_number: "987654321098"
                """);
        MavenRun.run(
                        project,
                        "-o",
                        "runway:identity",
                        "-Drunway.identity.outputDirectory=identity",
                        "-Drunway.oidcProvider=oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE",
                        "-Drunway.identity.clusterVars=cluster-vars.yaml")
                .assertSuccess()
                .assertLogContains(
                        "[staging] AWS role arn:aws:iam::123456789012:role/EKS-GCP-Role-ledger, trusted for "
                                + "sts:AssumeRoleWithWebIdentity by system:serviceaccount:ledger:ledger on "
                                + "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE",
                        "[staging] roles/iam.workloadIdentityUser on projects/${gcp_project_id}/serviceAccounts/"
                                + "eks-ledger@${gcp_project_id}.iam.gserviceaccount.com for principal://iam.googleapis.com/"
                                + "projects/987654321098/locations/global/workloadIdentityPools/${gcp_wip_id}/subject/"
                                + "arn:aws:iam::123456789012:role/EKS-GCP-Role-ledger",
                        "[production] written: identity/production/identity.json, identity/production/identity.tf.json "
                                + "(placeholders left: gcp_project_id, gcp_wip_id)");
        String json = Files.readString(project.resolve("identity/staging/identity.json"));
        assertTrue(
                json.contains("\"oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE:sub\" : "
                        + "\"system:serviceaccount:ledger:ledger\""),
                json);
        assertTrue(Files.readString(project.resolve("identity/staging/identity.tf.json"))
                .contains("\"runway_identity_ledger_staging\""));

        MavenRun.run(project, "-o", "runway:verify", "-Drunway.identityDirectory=identity")
                .assertSuccess()
                .assertLogContains("[staging] 0 errors, 0 warnings", "[production] 0 errors, 0 warnings");

        Path staging = project.resolve("identity/staging/identity.json");
        Files.writeString(
                staging,
                Files.readString(staging)
                        .replace("system:serviceaccount:ledger:ledger", "system:serviceaccount:ledger:ledger-api"));
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.identityDirectory=identity")
                .assertFailure()
                .assertLogContains(
                        "[staging] ERROR ServiceAccount/ledger/ledger metadata: the trust policy of "
                                + "EKS-GCP-Role-ledger (identity/staging/identity.json) allows "
                                + "system:serviceaccount:ledger:ledger-api, but the render's ServiceAccount is "
                                + "system:serviceaccount:ledger:ledger; fix: render the ServiceAccount ledger-api in namespace "
                                + "ledger, or give the provisioner the trust policy of `mvn runway:identity`",
                        "[handshake.trust-subject]",
                        "runway:verify failed:",
                        "staging: 1 error,");
        MavenRun.run(
                        project,
                        "-o",
                        "runway:verify",
                        "-Drunway.identityDirectory=missing",
                        "-Drunway.environment=production")
                .assertFailure()
                .assertLogContains("no committed handshake missing/production/identity.json");
    }

    @Test
    void gkeRuntimeHasNoCredentialsFileAndItsOwnHandshake() throws IOException {
        Path project = service("manifest-gke");
        String gke = "-Drunway.set=runtime=gke";
        MavenRun.run(project, "-o", "runway:render", "runway:verify", "runway:identity", gke)
                .assertSuccess()
                .assertLogContains(
                        "[staging] 3 resources (1 Deployment, 1 Service, 1 ServiceAccount)",
                        "[staging] 0 errors, 0 warnings",
                        "[staging] roles/iam.workloadIdentityUser on projects/${gcp_project_id}/serviceAccounts/"
                                + "ledger@${gcp_project_id}.iam.gserviceaccount.com for "
                                + "serviceAccount:${gcp_project_id}.svc.id.goog[ledger/ledger]");
        String staging = Files.readString(project.resolve("target/runway/staging/manifests.yaml"));
        assertTrue(
                staging.contains(
                        "iam.gke.io/gcp-service-account: \"ledger@${gcp_project_id}.iam.gserviceaccount.com\""),
                staging);
        assertFalse(staging.contains("GOOGLE_APPLICATION_CREDENTIALS") || staging.contains("role-arn"), staging);
        assertTrue(Files.readString(project.resolve("target/runway-identity/staging/identity.json"))
                .contains("\"runtime\" : \"gke\""));
    }
}
