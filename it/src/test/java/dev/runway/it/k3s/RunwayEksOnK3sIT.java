package dev.runway.it.k3s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.eks.CredentialSource;
import dev.runway.render.eks.RunwayEksValues;
import dev.runway.render.flux.ClusterVars;
import dev.runway.render.flux.FluxSubstitution;
import dev.runway.render.flux.PostBuild;
import dev.runway.render.flux.SubstitutedManifest;
import dev.runway.render.flux.SubstitutionResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders runway-eks with the pure-Java engine for each credential source, substitutes the Flux variables as
 * kustomize-controller would from a test {@code flux-cluster-vars}, applies the result to a real k3s API server
 * with server-side apply and strict field validation, and checks what the server stored and what a pod sees.
 */
@ExtendWith(K3sCluster.class)
class RunwayEksOnK3sIT {

    /** A small public image that can read a file; pinned. */
    private static final String READER_IMAGE = "busybox:1.37.0";

    private static final String CREDENTIALS = "/etc/gcp-service-account/credentials.json";

    @ParameterizedTest
    @EnumSource(CredentialSource.class)
    void theServerStoresTheIdentityWiringAndThePodSeesTheCredentials(CredentialSource source, KubeApi api)
            throws Exception {
        String id = source == CredentialSource.AWS_IMDS ? "k3s-imds" : "k3s-oidc";
        RunwayEksValues values = RunwayEksValues.builder(id, "registry.example.com/runway/" + id)
                .imageTag("1.0.0")
                .credentialSource(source)
                .profiling(true)
                .build();
        RenderedChart rendered = HelmRenderer.render(
                Chart.loadClasspath(RunwayEksValues.CHART_RESOURCE), values.toValues(), RenderOptions.of(id, id));
        ClusterVars clusterVars = ClusterVars.read(resource("k3s/flux-cluster-vars.yaml"));
        SubstitutionResult substituted = FluxSubstitution.apply(rendered, PostBuild.from(clusterVars, true));
        assertFalse(substituted.failed(), () -> String.join("\n", substituted.errors()));

        api.createNamespace(id);
        for (SubstitutedManifest manifest : substituted.manifests()) {
            String document =
                    "Deployment".equals(manifest.manifest().kind()) ? asReaderPod(manifest.text()) : manifest.text();
            KubeApi.ApplyResult result = api.apply(document, false);
            assertTrue(result.accepted(), () -> manifest.manifest().id() + " refused: " + result.message());
        }

        JsonNode serviceAccount = api.get("v1", "ServiceAccount", id, id);
        assertEquals(
                "arn:aws:iam::123456789012:role/EKS-GCP-Role-" + id,
                serviceAccount
                        .path("metadata")
                        .path("annotations")
                        .path("eks.amazonaws.com/role-arn")
                        .asText());

        JsonNode configMap = api.get("v1", "ConfigMap", id, id + "-gcp-credentials");
        String credentialsJson = configMap.path("data").path("credentials.json").asText();
        JsonNode credentials = new ObjectMapper().readTree(credentialsJson);
        assertEquals(
                "//iam.googleapis.com/projects/987654321098/locations/global/workloadIdentityPools/"
                        + "runway-eks-pool/providers/EKS-Provider",
                credentials.path("audience").asText());
        assertTrue(credentials
                .path("service_account_impersonation_url")
                .asText()
                .contains("/projects/runway-prod-1234/serviceAccounts/eks-" + id + "@runway-prod-1234."));
        assertFalse(credentialsJson.contains("${"), "every Flux variable is filled in");

        JsonNode podSpec = api.get("apps/v1", "Deployment", id, id)
                .path("spec")
                .path("template")
                .path("spec");
        assertEquals(id, podSpec.path("serviceAccountName").asText());
        JsonNode volume = byName(podSpec.path("volumes"), "gcp-service-account");
        assertEquals(
                id + "-gcp-credentials", volume.path("configMap").path("name").asText());
        JsonNode container = podSpec.path("containers").get(0);
        JsonNode mount = byName(container.path("volumeMounts"), "gcp-service-account");
        assertEquals("/etc/gcp-service-account", mount.path("mountPath").asText());
        assertTrue(mount.path("readOnly").asBoolean(), "the credentials mount is read-only");
        assertEquals(
                CREDENTIALS,
                byName(container.path("env"), "GOOGLE_APPLICATION_CREDENTIALS")
                        .path("value")
                        .asText());
        assertEquals(
                "stackdriver?service=" + id + "&service_version=1.0.0&project_id=runway-prod-1234",
                byName(container.path("env"), "GITLAB_CONTINUOUS_PROFILING")
                        .path("value")
                        .asText());

        // From inside the pod: the file exists with the stored content and the variable points at it.
        String log = KubeApi.await(Duration.ofMinutes(3), () -> podLog(api, id), text -> text.contains("END-OF-CHECK"));
        assertTrue(log.contains("GOOGLE_APPLICATION_CREDENTIALS=" + CREDENTIALS), log);
        assertTrue(log.contains(credentialsJson.strip()), "the pod reads the stored credentials.json:\n" + log);
    }

    /**
     * The rendered Deployment, with its image swapped for one that prints what the service would read, running
     * as an unprivileged user so the chart's restricted security context stays as rendered.
     */
    @SuppressWarnings("unchecked")
    private static String asReaderPod(String deploymentYaml) {
        Map<String, Object> deployment =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(deploymentYaml);
        Map<String, Object> podSpec = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec");
        ((Map<String, Object>) podSpec.get("securityContext")).put("runAsUser", 65534);
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        container.put("image", READER_IMAGE);
        container.put(
                "command",
                List.of(
                        "sh",
                        "-c",
                        "echo GOOGLE_APPLICATION_CREDENTIALS=$GOOGLE_APPLICATION_CREDENTIALS;"
                                + " cat \"$GOOGLE_APPLICATION_CREDENTIALS\"; echo; echo END-OF-CHECK; sleep 3600"));
        container.remove("livenessProbe");
        container.remove("readinessProbe");
        ((Map<String, Object>) deployment.get("spec")).put("replicas", 1);
        return new Dump(DumpSettings.builder().build()).dumpToString(deployment);
    }

    private static String podLog(KubeApi api, String namespace) {
        for (JsonNode pod :
                api.pods(namespace, "app.kubernetes.io/name%3D" + namespace).path("items")) {
            String log = api.podLog(namespace, pod.path("metadata").path("name").asText());
            if (log != null) {
                return log;
            }
        }
        return "";
    }

    private static JsonNode byName(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item named " + name + " in " + items);
    }

    static Path resource(String name) throws URISyntaxException {
        var url = RunwayEksOnK3sIT.class.getClassLoader().getResource(name);
        assertNotNull(url, name);
        return Path.of(url.toURI());
    }
}
