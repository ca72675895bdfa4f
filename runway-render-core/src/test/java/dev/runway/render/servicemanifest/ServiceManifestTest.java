package dev.runway.render.servicemanifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.service.ChartSource;
import dev.runway.render.service.ManifestRenderer;
import dev.runway.render.service.RenderRequest;
import dev.runway.render.values.ValuesPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceManifestTest {

    static final String FULL = """
            apiVersion: runway/v1
            kind: RunwayService
            metadata:
              name: payments
              owner_email_handle: jdoe
              department: eng-infra
              department_group: eng-infra-platform
              product_category: runway
            spec:
              image: registry.example.com:5000/runway/payments:1.4.2
              container_port: 5052
              resources:
                limits:
                  cpu: 1000m
                  memory: 1Gi
              scalability:
                min_instances: 3
                max_instances: 12
              startup_probe:
                path: /-/started
                failure_threshold: 60
              liveness_probe:
                path: /-/liveness
                initial_delay_seconds: 20
                period_seconds: 15
                timeout_seconds: 2
              readiness_probe:
                path: /-/readiness
                success_threshold: 1
            """;

    @TempDir
    Path dir;

    private static ServiceManifest read(String yaml, String... ignored) {
        return ServiceManifestReader.standard().read(yaml, ".runway/runway.yml", List.of(ignored));
    }

    @Test
    void mapsEveryKnownFieldOntoRunwayEksValues() {
        ServiceManifest manifest = read(FULL);
        assertEquals("payments", manifest.serviceId());
        assertEquals(".runway/runway.yml:4:9", manifest.serviceIdPosition().toString());
        Map<String, Object> values = manifest.toValues("staging").values();
        assertEquals(
                Map.of(
                        "serviceId", "payments",
                        "labels",
                                Map.of(
                                        "gl_owner_email_handle",
                                        "jdoe",
                                        "gl_dept",
                                        "eng-infra",
                                        "gl_dept_group",
                                        "eng-infra-platform",
                                        "gl_product_category",
                                        "runway"),
                        "image", Map.of("repository", "registry.example.com:5000/runway/payments", "tag", "1.4.2"),
                        "port", 5052.0,
                        "resources",
                                Map.of(
                                        "requests",
                                        Map.of("cpu", "1000m", "memory", "1Gi"),
                                        "limits",
                                        Map.of("memory", "1Gi")),
                        "autoscaling", Map.of("enabled", true, "maxReplicas", 12.0, "minReplicas", 3.0),
                        "probes",
                                Map.of(
                                        "startup",
                                                Map.of("enabled", true, "path", "/-/started", "failureThreshold", 60.0),
                                        "liveness",
                                                Map.of(
                                                        "enabled",
                                                        true,
                                                        "path",
                                                        "/-/liveness",
                                                        "initialDelaySeconds",
                                                        20.0,
                                                        "periodSeconds",
                                                        15.0,
                                                        "timeoutSeconds",
                                                        2.0),
                                        "readiness", Map.of("enabled", true, "path", "/-/readiness")),
                        "externalSecrets", Map.of("environment", "staging")),
                values);
        assertEquals(
                ".runway/runway.yml:11:19",
                manifest.toValues("staging")
                        .positionOf(ValuesPath.of("port"))
                        .orElseThrow()
                        .toString(),
                "a value's position is its manifest field's");
    }

    @Test
    void minInstancesAloneIsAFixedReplicaCountAndAbsentProbesAreOff() {
        Map<String, Object> values = read("""
                kind: RunwayService
                metadata:
                  name: ledger
                spec:
                  scalability:
                    min_instances: 4
                """).toValues("default").values();
        assertEquals(4.0, values.get("replicas"));
        assertFalse(values.containsKey("autoscaling"));
        assertFalse(values.containsKey("externalSecrets"), "the default environment is no Runway environment");
        assertEquals(
                Map.of(
                        "startup",
                        Map.of("enabled", false),
                        "liveness",
                        Map.of("enabled", false),
                        "readiness",
                        Map.of("enabled", false)),
                values.get("probes"));
    }

    @Test
    void everyProblemAtOnceWithFileLineAndColumn() {
        ServiceManifestException e = assertThrows(ServiceManifestException.class, () -> read("""
                apiVersion: runway/v2
                kind: RunwayService
                metadata:
                  name: payments
                  department: "Platform & Infra"
                spec:
                  contaner_port: 8080
                  container_port: "8080"
                  regions:
                    - us-east1
                  scalability:
                    min_instances: 0
                  load_balancing:
                    external_load_balancer:
                      enabled: true
                """));
        List<String> problems =
                e.problems().stream().map(ManifestProblem::toString).toList();
        assertEquals(
                List.of(
                        ".runway/runway.yml:7:3: spec.contaner_port: unknown field: spec has the fields image, container_port, "
                                + "regions, request_timeout, resources, scalability, startup_probe, liveness_probe, "
                                + "readiness_probe, load_balancing, deployment, network_policies, request_based_billing (the "
                                + "ones runway-render knows; a Runway field it does not know can be skipped with "
                                + "runway.ignoredManifestFields)",
                        ".runway/runway.yml:8:19: spec.container_port: expected a whole number, found the string \"8080\"",
                        ".runway/runway.yml:9:3: spec.regions: has no meaning on EKS: Cloud Run regions; on EKS the cluster "
                                + "Flux applies the manifests to decides where the pods run. Remove it from the manifest "
                                + "runway-render reads, or list spec.regions in runway.ignoredManifestFields to skip it knowingly",
                        ".runway/runway.yml:13:3: spec.load_balancing: has no meaning on EKS: Cloud Run's external and "
                                + "internal load balancers; on EKS the Service and the cluster's ingress carry the traffic. "
                                + "Remove it from the manifest runway-render reads, or list spec.load_balancing in "
                                + "runway.ignoredManifestFields to skip it knowingly",
                        ".runway/runway.yml:1:13: apiVersion: apiVersion \"runway/v2\" is not one runway-render knows: use "
                                + "runway/v1 (or runway/v1+dev)",
                        ".runway/runway.yml:5:15: metadata.department: \"Platform & Infra\" cannot be the Kubernetes label "
                                + "gl_dept: label values have at most 63 characters, letters, digits, '-', '_' and '.', "
                                + "starting and ending with a letter or digit",
                        ".runway/runway.yml:12:20: spec.scalability.min_instances: min_instances 0 asks Cloud Run to scale to "
                                + "zero, which has no meaning on EKS (a Deployment keeps its pods; the "
                                + "HorizontalPodAutoscaler's minimum is 1): use 1 or more"),
                problems);
        assertTrue(
                e.getMessage()
                        .startsWith(".runway/runway.yml is not a Runway service manifest runway-render can "
                                + "use (7 problems):\n  .runway/runway.yml:7:3: "),
                e.getMessage());
    }

    @Test
    void ignoredFieldsAreSkippedKnowingly() {
        ServiceManifest manifest = read("""
                kind: RunwayService
                metadata:
                  name: payments
                spec:
                  regions: [us-east1]
                  observability:
                    scrape_targets: ["localhost:8082"]
                """, "spec.regions", "spec.observability", "spec.deployment");
        assertEquals(
                Set.of("spec.regions", "spec.observability"),
                manifest.ignored(),
                "only the ignored fields the manifest has");
    }

    /**
     * A manifest with 100,000 unknown keys made a message of some 20 MB that ran a 96 MB heap out (20,000 here): the first
     * {@link ServiceManifestReader#MAX_LISTED_PROBLEMS} problems are listed, in file order, and the rest counted.
     */
    @Test
    void manyProblemsAreCountedAndTheFirstHundredListed() {
        StringBuilder yaml = new StringBuilder(FULL).append("  ");
        for (int i = 0; i < 20_000; i++) {
            yaml.append("x").append(i).append(": 1\n  ");
        }
        ServiceManifestException e = assertThrows(
                ServiceManifestException.class, () -> read(yaml.toString().stripTrailing()));
        assertEquals(ServiceManifestReader.MAX_LISTED_PROBLEMS, e.problems().size());
        assertEquals("spec.x0", e.problems().get(0).field());
        assertEquals("spec.x99", e.problems().get(99).field());
        assertTrue(
                e.getMessage()
                        .startsWith(".runway/runway.yml is not a Runway service manifest runway-render can use"
                                + " (20000 problems; the first 100 follow):"),
                e.getMessage().substring(0, 200));
        assertTrue(e.getMessage().endsWith("\n  ... and 19900 more; fix these and read the manifest again"));
        assertTrue(
                e.getMessage().length() < 100_000,
                "message of " + e.getMessage().length() + " characters");
    }

    @Test
    void kindAndNameAreRequiredAndQuotedNumbersAreSuggested() {
        ServiceManifestException e = assertThrows(ServiceManifestException.class, () -> read("""
                metadata:
                  owner_email_handle: 42
                """));
        assertEquals(
                List.of(
                        ".runway/runway.yml:2:23: metadata.owner_email_handle: expected a string, found the number 42; quote it: \"42\"",
                        ".runway/runway.yml:1:1: kind: kind is missing: a Runway service manifest starts with kind: RunwayService",
                        ".runway/runway.yml:1:1: metadata.name: metadata.name is missing: it is the service id (Runway's "
                                + "runway_service_id)"),
                e.problems().stream().map(ManifestProblem::toString).toList());
    }

    @Test
    void badYamlKeepsTheReadersPosition() {
        ServiceManifestException e = assertThrows(
                ServiceManifestException.class, () -> read("kind: RunwayService\nmetadata:\n  name: [payments\n"));
        assertTrue(e.getMessage().contains(".runway/runway.yml:4:1: YAML syntax error"), e.getMessage());
    }

    /** Renders runway-eks for {@code manifest}'s staging environment, the release and namespace both {@code name}. */
    private RenderedChart render(List<Path> valuesFiles, String name, ServiceManifest manifest) {
        return ManifestRenderer.engine()
                .render(new RenderRequest(
                        ChartSource.RUNWAY_EKS,
                        valuesFiles,
                        List.of(),
                        List.of(),
                        List.of(),
                        name,
                        name,
                        "",
                        dir,
                        manifest.toValues("staging"),
                        null,
                        null));
    }

    @Test
    void aRepositoryWithOnlyTheManifestRendersWithItsLabelsAndProbes() throws IOException {
        ServiceManifest manifest = read(FULL);
        RenderedChart chart = render(List.of(), "payments", manifest);
        String output = chart.output();
        assertTrue(output.contains("    gl_dept: eng-infra\n"), output);
        assertTrue(output.contains("image: \"registry.example.com:5000/runway/payments:1.4.2\""), output);
        assertTrue(output.contains("containerPort: 5052"), output);
        assertTrue(output.contains("kind: HorizontalPodAutoscaler"), output);
        assertTrue(output.contains("startupProbe:\n            httpGet:\n              path: \"/-/started\""), output);
        assertTrue(output.contains("cpu: 1000m"), output);
    }

    @Test
    void valuesFilesOverrideTheManifestAndSchemaErrorsPointIntoIt() throws IOException {
        ServiceManifest manifest = read("""
                kind: RunwayService
                metadata:
                  name: payments
                spec:
                  image: r.example/p:1
                  scalability:
                    min_instances: 3
                """);
        Path values = Files.writeString(dir.resolve("values.yaml"), "replicas: 5\n");
        String output = render(List.of(values), "payments", manifest).output();
        assertTrue(output.contains("  replicas: 5\n"), "the values file wins over the manifest: " + output);

        ServiceManifest longName = read(FULL.replace("name: payments", "name: payments-api-eu-west-fraud-x"));
        RenderException schema =
                assertThrows(RenderException.class, () -> render(List.of(), "payments-api-eu-west-fraud-x", longName));
        assertTrue(
                schema.getMessage().contains("serviceId: expected at most 26 characters")
                        && schema.getMessage().contains("(.runway/runway.yml:4:9)"),
                schema.getMessage());
    }

    @Test
    void serviceIdRuleAgreesOrNamesEveryPlace() {
        ServiceManifest manifest = read(FULL);
        assertEquals(
                "payments",
                ServiceIdRule.resolve(List.of(
                        ServiceIdRule.fromBuild(""),
                        ServiceIdRule.fromManifest(manifest),
                        new ServiceIdRule.Claim("payments", "values.yaml:1:12"))));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServiceIdRule.resolve(
                        List.of(ServiceIdRule.fromBuild("ledger"), ServiceIdRule.fromManifest(manifest))));
        assertEquals(
                "the service id is given differently: \"ledger\" from runway.serviceId, \"payments\" from "
                        + ".runway/runway.yml:4:9 (metadata.name). It names the namespace, the ServiceAccount and the cloud "
                        + "identities, so every place must give the same id: change the ones that are wrong (the manifest's "
                        + "metadata.name is Runway's service id)",
                e.getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServiceIdRule.resolve(List.of(ServiceIdRule.fromBuild(" "))))
                .getMessage()
                .startsWith("no service id: set metadata.name in " + ".runway/runway.yml"));
    }

    @Test
    void imageReferencesSplitAtTheTagNotThePort() {
        assertEquals(new ImageReference("registry:5000/a/b", "1.2"), ImageReference.parse("registry:5000/a/b:1.2"));
        assertEquals(new ImageReference("registry:5000/a/b", ""), ImageReference.parse("registry:5000/a/b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("a/b@sha256:00"))
                .getMessage()
                .contains("names a digest"));
    }

    @Test
    void anEnvironmentsOwnManifestIsReadInsteadOfTheDefault() throws IOException {
        Path runway = Files.createDirectories(dir.resolve(".runway"));
        Path base = runway.resolve("runway.yml");
        assertEquals(java.util.Optional.empty(), ServiceManifests.locate(base, "staging"));
        Files.writeString(base, FULL);
        Files.writeString(runway.resolve("runway-staging.yml"), FULL);
        assertEquals(
                runway.resolve("runway-staging.yml"),
                ServiceManifests.locate(base, "staging").orElseThrow());
        assertEquals(base, ServiceManifests.locate(base, "production").orElseThrow());
    }
}
