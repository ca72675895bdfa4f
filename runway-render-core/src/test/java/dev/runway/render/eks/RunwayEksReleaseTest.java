package dev.runway.render.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-back view on releases rendered by real Helm (until the pure-Java engine renders them). */
class RunwayEksReleaseTest {
    static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    static RenderedChart renderWithHelm(Path valuesFile, String namespace) {
        HelmOracle.Result result = HelmOracle.template(HelmOracle.Request.of(CHART, "release", namespace, valuesFile));
        assertFalse(result.failed(), () -> "Helm failed: " + result.error());
        return parse(result.output());
    }

    /** Splits {@code helm template} output into manifests (test-only; the engine's manifest package does this for real). */
    static RenderedChart parse(String output) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<RenderedManifest> manifests = new ArrayList<>();
        for (String part : output.split("(?m)^---\\n", -1)) {
            if (!part.startsWith("# Source: ")) {
                continue;
            }
            int newline = part.indexOf('\n');
            String source = part.substring("# Source: ".length(), newline);
            String text = part.substring(newline + 1);
            try {
                JsonNode node = yaml.readTree(text);
                manifests.add(new RenderedManifest(
                        source,
                        node.path("apiVersion").asText(),
                        node.path("kind").asText(),
                        node.path("metadata").path("name").asText(),
                        node.path("metadata").path("namespace").asText(),
                        text));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return new RenderedChart(manifests, output);
    }

    @Test
    void defaultReleaseReadsBackTypedValues() {
        RunwayEksRelease release =
                RunwayEksRelease.of(renderWithHelm(CHART.resolve("ci/default-values.yaml"), "payments"));

        RunwayEksRelease.Identity identity = release.identity();
        assertEquals("payments", identity.serviceAccountName());
        assertEquals("payments", identity.namespace());
        assertEquals("arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments", identity.roleArn());

        RunwayEksRelease.Credentials credentials = identity.credentials();
        assertEquals("payments-gcp-credentials", credentials.configMapName());
        assertEquals("external_account", credentials.type());
        assertEquals(
                "//iam.googleapis.com/projects/${gcp_project_number}/locations/global/workloadIdentityPools/"
                        + "${gcp_wip_id}/providers/EKS-Provider",
                credentials.audience());
        assertEquals("urn:ietf:params:aws:token-type:aws4_request", credentials.subjectTokenType());
        assertEquals("https://sts.googleapis.com/v1/token", credentials.tokenUrl());
        assertEquals("aws1", credentials.environmentId().orElseThrow());
        assertTrue(credentials.credentialSourceFile().isEmpty());

        RunwayEksRelease.Workload deployment = release.deployment();
        assertEquals(2, deployment.replicas().orElseThrow());
        assertEquals("registry.example.com/runway/payments:1.4.2", deployment.image());
        assertEquals(RunwayEksRelease.CREDENTIALS_PATH, deployment.env().get("GOOGLE_APPLICATION_CREDENTIALS"));
        assertEquals(
                "/etc/gcp-service-account",
                deployment.volumeMount("gcp-service-account").orElseThrow().mountPath());
        assertEquals(
                "payments-gcp-credentials",
                deployment
                        .volume("gcp-service-account")
                        .orElseThrow()
                        .path("configMap")
                        .path("name")
                        .asText());
        assertTrue(deployment.volume("gcp-token").isEmpty());

        RunwayEksRelease.ServiceView service = release.service();
        assertEquals(80, service.port());
        assertEquals("http", service.targetPort());
        assertEquals(
                Map.of("app.kubernetes.io/name", "payments", "app.kubernetes.io/instance", "release"),
                service.selector());
        assertTrue(release.horizontalPodAutoscaler().isEmpty());
    }

    @Test
    void oidcReleaseMountsTheProjectedToken() {
        RunwayEksRelease release =
                RunwayEksRelease.of(renderWithHelm(CHART.resolve("ci/oidc-values.yaml"), "payments"));
        assertEquals(
                "/var/run/secrets/gcp-token/token",
                release.credentials().credentialSourceFile().orElseThrow());
        assertEquals(
                "urn:ietf:params:oauth:token-type:jwt", release.credentials().subjectTokenType());
        RunwayEksRelease.Workload deployment = release.deployment();
        assertEquals(
                "/var/run/secrets/gcp-token",
                deployment.volumeMount("gcp-token").orElseThrow().mountPath());
        assertEquals(
                3600,
                deployment
                        .volume("gcp-token")
                        .orElseThrow()
                        .path("projected")
                        .path("sources")
                        .path(0)
                        .path("serviceAccountToken")
                        .path("expirationSeconds")
                        .asInt());
    }

    @Test
    void modelRenderedByHelmReadsBackWhatWasAsked(@TempDir Path dir) throws IOException {
        RunwayEksValues values = RunwayEksValues.builder("ai-gateway", "registry.example.com/runway/ai-gateway")
                .imageTag("2.0.0")
                .port(5052)
                .autoscaling(3, 9)
                .profiling(true)
                .env("LOG_LEVEL", "debug")
                .podDisruptionBudget(IntOrPercent.percent(50))
                .build();
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, values.toYaml());
        RunwayEksRelease release = RunwayEksRelease.of(renderWithHelm(file, "ai-gateway"));
        RunwayEksRelease.Workload deployment = release.deployment();
        assertTrue(deployment.replicas().isEmpty(), "the HPA owns the replica count");
        assertEquals(5052, deployment.containerPort());
        assertEquals("debug", deployment.env().get("LOG_LEVEL"));
        assertTrue(deployment.env().get("GITLAB_CONTINUOUS_PROFILING").startsWith("stackdriver?service=ai-gateway"));
        assertEquals(
                9,
                release.horizontalPodAutoscaler()
                        .orElseThrow()
                        .path("spec")
                        .path("maxReplicas")
                        .asInt());
        assertEquals(
                "50%",
                release.podDisruptionBudget()
                        .orElseThrow()
                        .path("spec")
                        .path("minAvailable")
                        .asText());
        assertEquals(
                "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-ai-gateway",
                release.identity().roleArn());
    }
}
