package dev.runway.render.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.eks.ClusterRuntime;
import dev.runway.render.eks.CredentialSource;
import dev.runway.render.eks.RunwayEksValues;
import dev.runway.render.verify.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static final Chart CHART = Chart.loadClasspath(RunwayEksValues.CHART_RESOURCE);

    private static RunwayEksValues.Builder payments() {
        return RunwayEksValues.builder("payments", "registry.example.com/runway/payments")
                .imageTag("1.4.2");
    }

    private static RenderedChart render(RunwayEksValues values) {
        return HelmRenderer.render(CHART, values.toValues(), RenderOptions.of(values.serviceId(), values.serviceId()));
    }

    private static List<String> disagreements(RunwayEksValues rendered, Handshake handshake) {
        return HandshakeCheck.check(render(rendered), handshake, "identity/staging/identity.json").stream()
                .map(Finding::toLine)
                .toList();
    }

    @Test
    void eksHandshakeHasTheRoleTrustPolicyAccountAndBindings() {
        Handshake handshake = Handshake.of(payments().profiling(true).build(), "payments", "staging", null);
        assertEquals("""
                {
                  "serviceId" : "payments",
                  "environment" : "staging",
                  "runtime" : "eks",
                  "kubernetes" : {
                    "namespace" : "payments",
                    "serviceAccount" : "payments",
                    "subject" : "system:serviceaccount:payments:payments"
                  },
                  "aws" : {
                    "accountId" : "${aws_account_id}",
                    "roleName" : "EKS-GCP-Role-payments",
                    "roleArn" : "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments",
                    "oidcProvider" : "${eks_oidc_provider}",
                    "trustPolicy" : {
                      "Version" : "2012-10-17",
                      "Statement" : [ {
                        "Effect" : "Allow",
                        "Principal" : {
                          "Federated" : "arn:aws:iam::${aws_account_id}:oidc-provider/${eks_oidc_provider}"
                        },
                        "Action" : "sts:AssumeRoleWithWebIdentity",
                        "Condition" : {
                          "StringEquals" : {
                            "${eks_oidc_provider}:sub" : "system:serviceaccount:payments:payments",
                            "${eks_oidc_provider}:aud" : "sts.amazonaws.com"
                          }
                        }
                      } ]
                    }
                  },
                  "google" : {
                    "projectId" : "${gcp_project_id}",
                    "projectNumber" : "${gcp_project_number}",
                    "workloadIdentityPoolId" : "${gcp_wip_id}",
                    "serviceAccountId" : "eks-payments",
                    "serviceAccountEmail" : "eks-payments@${gcp_project_id}.iam.gserviceaccount.com",
                    "bindings" : [ {
                      "role" : "roles/iam.workloadIdentityUser",
                      "resource" : "projects/${gcp_project_id}/serviceAccounts/eks-payments@${gcp_project_id}.iam.gserviceaccount.com",
                      "member" : "principal://iam.googleapis.com/projects/${gcp_project_number}/locations/global/workloadIdentityPools/${gcp_wip_id}/subject/arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments"
                    }, {
                      "role" : "roles/cloudprofiler.agent",
                      "resource" : "projects/${gcp_project_id}",
                      "member" : "serviceAccount:eks-payments@${gcp_project_id}.iam.gserviceaccount.com"
                    } ]
                  }
                }
                """, handshake.toJson());
        assertEquals(
                List.of("aws_account_id", "eks_oidc_provider", "gcp_project_id", "gcp_project_number", "gcp_wip_id"),
                handshake.placeholders());
        assertEquals(handshake, Handshake.fromJson(handshake.toJson()), "reads back what it writes");
        assertEquals(
                "system:serviceaccount:payments:payments",
                handshake.trustedSubject().orElseThrow());
        String objectSubject = handshake
                .toJson()
                .replace(
                        ":sub\" : \"system:serviceaccount:payments:payments\"", ":sub\" : { \"not\" : \"a subject\" }");
        assertEquals(
                "",
                Handshake.fromJson(objectSubject).trustedSubject().orElseThrow(),
                "a hand-written file whose :sub condition is an object names no subject");
    }

    @Test
    void filledFromClusterVarsAndWrittenForTerraformWithEscapedPlaceholders() {
        Handshake handshake = Handshake.of(
                payments().build(), "payments", "production", "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123");
        Handshake filled = handshake.fill(Map.of(
                "aws_account_id",
                "123456789012",
                "gcp_project_id",
                "runway-prod-1234",
                "gcp_project_number",
                "987654321098"));
        assertEquals(List.of("gcp_wip_id"), filled.placeholders(), "only variables the file lacks stay");
        assertEquals(
                "arn:aws:iam::123456789012:role/EKS-GCP-Role-payments",
                filled.aws().roleArn());
        assertEquals(
                "system:serviceaccount:payments:payments",
                filled.trustedSubject().orElseThrow());
        assertEquals(
                "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC123",
                ((Map<?, ?>) ((Map<?, ?>) ((List<?>) filled.aws().trustPolicy().get("Statement")).get(0))
                                .get("Principal"))
                        .get("Federated"));
        assertTrue(filled.binding(Handshake.PROFILER_AGENT).isEmpty(), "no profiler binding without profiling");

        String terraform = filled.toTerraformJson();
        assertTrue(terraform.contains("\"runway_identity_payments_production\" : {"), terraform);
        assertTrue(terraform.contains("\"aws_role_name\" : \"EKS-GCP-Role-payments\""), terraform);
        assertTrue(
                terraform.contains("workloadIdentityPools/$${gcp_wip_id}/subject/arn:aws:iam::123456789012:role/"),
                "Terraform's escape keeps a placeholder as text: " + terraform);
        assertTrue(terraform.contains("\"aws_trust_policy\" : \"{\\\"Version\\\":\\\"2012-10-17\\\""), terraform);
        assertFalse(terraform.contains("\"resource\" : {"), "plain values, no resources");
    }

    @Test
    void gkeHandshakeBindsTheKubernetesServiceAccountAsAWorkloadIdentityMember() {
        Handshake handshake = Handshake.of(
                payments().runtime(ClusterRuntime.GKE).profiling(true).build(), "payments", "staging", null);
        assertEquals(null, handshake.aws());
        assertEquals(
                "payments@${gcp_project_id}.iam.gserviceaccount.com",
                handshake.google().serviceAccountEmail());
        assertEquals(
                "serviceAccount:${gcp_project_id}.svc.id.goog[payments/payments]",
                handshake
                        .binding(Handshake.WORKLOAD_IDENTITY_USER)
                        .orElseThrow()
                        .member());
        assertEquals(
                "serviceAccount:payments@${gcp_project_id}.iam.gserviceaccount.com",
                handshake.binding(Handshake.PROFILER_AGENT).orElseThrow().member());
        assertEquals(
                List.of(),
                disagreements(
                        payments().runtime(ClusterRuntime.GKE).profiling(true).build(), handshake));
    }

    @Test
    void theRenderAndItsOwnHandshakeAgreeInEveryMode() {
        for (CredentialSource source : CredentialSource.values()) {
            for (boolean profiling : List.of(false, true)) {
                RunwayEksValues values =
                        payments().credentialSource(source).profiling(profiling).build();
                assertEquals(
                        List.of(),
                        disagreements(values, Handshake.of(values, "payments", "staging", null)),
                        source + " profiling=" + profiling);
            }
        }
    }

    @Test
    void disagreementsSayWhatToChange() {
        Handshake ledger = Handshake.of(
                RunwayEksValues.builder("ledger", "r.example/ledger").build(), "ledger", "staging", null);
        assertEquals(
                List.of(
                        "error ServiceAccount/payments/payments metadata: the trust policy of EKS-GCP-Role-ledger "
                                + "(identity/staging/identity.json) allows system:serviceaccount:ledger:ledger, but the render's "
                                + "ServiceAccount is system:serviceaccount:payments:payments [handshake.trust-subject] fix: render "
                                + "the ServiceAccount ledger in namespace ledger, or give the provisioner the trust policy of `mvn "
                                + "runway:identity` (subject system:serviceaccount:payments:payments)",
                        "error ServiceAccount/payments/payments metadata.annotations[\"eks.amazonaws.com/role-arn\"]: the render "
                                + "assumes the role EKS-GCP-Role-payments, but the provisioner creates EKS-GCP-Role-ledger "
                                + "(identity/staging/identity.json) [handshake.role] fix: render the service id that names "
                                + "EKS-GCP-Role-ledger, or have the provisioner create EKS-GCP-Role-payments",
                        "error ConfigMap/payments/payments-gcp-credentials data[\"credentials.json\"]#/"
                                + "service_account_impersonation_url: the credentials file impersonates "
                                + "eks-payments@${gcp_project_id}.iam.gserviceaccount.com, but the provisioner creates "
                                + "eks-ledger@${gcp_project_id}.iam.gserviceaccount.com (identity/staging/identity.json) "
                                + "[handshake.google-account] fix: render for the service id of eks-ledger, or have the "
                                + "provisioner create eks-payments@${gcp_project_id}.iam.gserviceaccount.com"),
                disagreements(payments().build(), ledger));

        Handshake withoutProfiler = Handshake.of(payments().build(), "payments", "staging", null);
        assertEquals(
                List.of("error Deployment/payments/payments spec.template.spec.containers[0].env: the pods profile "
                        + "to Cloud Profiler (GITLAB_CONTINUOUS_PROFILING), but the handshake "
                        + "(identity/staging/identity.json) grants eks-payments@${gcp_project_id}.iam.gserviceaccount.com "
                        + "no roles/cloudprofiler.agent [handshake.profiler] fix: have the provisioner grant "
                        + "roles/cloudprofiler.agent (run `mvn runway:identity` with profiling.enabled), or set "
                        + "profiling.enabled: false"),
                disagreements(payments().profiling(true).build(), withoutProfiler));

        Handshake realAccount = withoutProfiler.fill(Map.of("aws_account_id", "123456789012"));
        assertEquals(List.of(), disagreements(payments().build(), realAccount), "a placeholder matches a filled value");
        assertTrue(disagreements(
                        payments().aws(new RunwayEksValues.Aws("210987654321")).build(), realAccount)
                .get(0)
                .contains("the role ARN names AWS account 210987654321, but the role is in account 123456789012"));

        assertEquals(
                List.of(
                        "error ServiceAccount/payments/payments metadata.annotations: the render is for runtime gke "
                                + "but the handshake (identity/staging/identity.json) is for eks [handshake.runtime] fix: set "
                                + "runtime: eks in the values, or run `mvn runway:identity` and hand the provisioner the gke handshake"),
                disagreements(payments().runtime(ClusterRuntime.GKE).build(), withoutProfiler));
    }

    @Test
    void aGkeMemberForAnotherServiceAccountIsNamed() {
        Handshake other = Handshake.of(
                RunwayEksValues.builder("ledger", "r.example/ledger")
                        .runtime(ClusterRuntime.GKE)
                        .build(),
                "ledger",
                "staging",
                null);
        List<String> found =
                disagreements(payments().runtime(ClusterRuntime.GKE).build(), other);
        assertEquals(2, found.size(), found.toString());
        assertTrue(
                found.get(0)
                        .contains("the ServiceAccount acts as payments@${gcp_project_id}.iam.gserviceaccount.com, "
                                + "but the provisioner creates ledger@${gcp_project_id}.iam.gserviceaccount.com"),
                found.get(0));
        assertTrue(
                found.get(1)
                        .contains("the Workload Identity member serviceAccount:${gcp_project_id}.svc.id.goog"
                                + "[ledger/ledger] (identity/staging/identity.json) is for ledger/ledger, but the render's ServiceAccount "
                                + "is payments/payments"),
                found.get(1));
    }

    @Test
    void badHandshakeJsonIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Handshake.fromJson("{\"serviceId\": \"x\"}"))
                .getMessage()
                .startsWith("not a runway identity handshake"));
    }
}
