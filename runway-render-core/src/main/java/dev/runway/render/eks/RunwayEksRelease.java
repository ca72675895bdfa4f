package dev.runway.render.eks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed view of a rendered runway-eks release, so tools and tests read {@code release.identity().roleArn()}
 * instead of digging through YAML. Built from any {@link RenderedChart} of the chart.
 */
public final class RunwayEksRelease {
    private static final ObjectMapper YAML =
            new ObjectMapper(dev.runway.render.yaml.GuardedYaml.yamlFactory().build());
    private static final ObjectMapper JSON =
            dev.runway.render.yaml.GuardedYaml.jsonMapper().build();

    /** The credentials file's path inside the container, as the chart mounts it. */
    public static final String CREDENTIALS_PATH = "/etc/gcp-service-account/credentials.json";

    private final RenderedChart chart;
    private final Map<RenderedManifest, JsonNode> documents = new LinkedHashMap<>();

    private RunwayEksRelease(RenderedChart chart) {
        this.chart = chart;
        for (RenderedManifest manifest : chart.manifests()) {
            try {
                JsonNode node = YAML.readTree(manifest.text());
                documents.put(manifest, node == null ? YAML.createObjectNode() : node);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        manifest.source() + " (" + manifest.id() + ") is not valid YAML: " + e.getOriginalMessage(), e);
            }
        }
    }

    public static RunwayEksRelease of(RenderedChart chart) {
        return new RunwayEksRelease(Objects.requireNonNull(chart, "chart"));
    }

    public RenderedChart chart() {
        return chart;
    }

    /**
     * The ServiceAccount, the IAM role it assumes, and the Google credentials file ({@code roleArn} and
     * {@code credentials} are null on {@code runtime: gke}, which has neither).
     */
    public record Identity(
            String serviceAccountName,
            String namespace,
            String roleArn,
            Map<String, String> serviceAccountAnnotations,
            Credentials credentials) {}

    /** The {@code external_account} credentials file from the ConfigMap, parsed. */
    public record Credentials(
            String configMapName,
            String type,
            String audience,
            String subjectTokenType,
            String tokenUrl,
            String serviceAccountImpersonationUrl,
            JsonNode credentialSource,
            JsonNode json,
            String text) {
        /** The projected token file in {@code kubernetes-oidc} mode, empty in {@code aws-imds} mode. */
        public Optional<String> credentialSourceFile() {
            return Optional.ofNullable(credentialSource.path("file").textValue());
        }

        /** {@code aws1} in {@code aws-imds} mode. */
        public Optional<String> environmentId() {
            return Optional.ofNullable(credentialSource.path("environment_id").textValue());
        }
    }

    /** One container volume mount. */
    public record VolumeMount(String name, String mountPath, boolean readOnly) {}

    /** The Deployment and its one container. */
    public record Workload(
            String name,
            String namespace,
            Optional<Integer> replicas,
            String serviceAccountName,
            String image,
            String imagePullPolicy,
            int containerPort,
            Map<String, String> env,
            List<VolumeMount> volumeMounts,
            Map<String, JsonNode> volumes,
            Map<String, String> podLabels,
            Map<String, String> podAnnotations,
            JsonNode manifest) {
        public Optional<VolumeMount> volumeMount(String name) {
            return volumeMounts.stream().filter(m -> m.name().equals(name)).findFirst();
        }

        public Optional<JsonNode> volume(String name) {
            return Optional.ofNullable(volumes.get(name));
        }
    }

    /** The Service. */
    public record ServiceView(
            String name,
            String namespace,
            String type,
            int port,
            String targetPort,
            Map<String, String> selector,
            JsonNode manifest) {}

    public Identity identity() {
        JsonNode sa = only("ServiceAccount");
        Map<String, String> annotations = strings(sa.path("metadata").path("annotations"));
        return new Identity(
                text(sa, "metadata", "name"),
                text(sa, "metadata", "namespace"),
                annotations.get("eks.amazonaws.com/role-arn"),
                annotations,
                optional("ConfigMap").isPresent() ? credentials() : null);
    }

    public Credentials credentials() {
        JsonNode configMap = only("ConfigMap");
        String text = configMap.path("data").path("credentials.json").asText(null);
        if (text == null) {
            throw new IllegalStateException(
                    "the ConfigMap " + text(configMap, "metadata", "name") + " has no credentials.json");
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credentials.json is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new Credentials(
                text(configMap, "metadata", "name"),
                json.path("type").asText(null),
                json.path("audience").asText(null),
                json.path("subject_token_type").asText(null),
                json.path("token_url").asText(null),
                json.path("service_account_impersonation_url").asText(null),
                json.path("credential_source"),
                json,
                text);
    }

    public Workload deployment() {
        JsonNode deployment = only("Deployment");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").path(0);
        Map<String, String> env = new LinkedHashMap<>();
        container
                .path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        List<VolumeMount> mounts = new ArrayList<>();
        container
                .path("volumeMounts")
                .forEach(m -> mounts.add(new VolumeMount(
                        m.path("name").asText(),
                        m.path("mountPath").asText(),
                        m.path("readOnly").asBoolean(false))));
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        pod.path("spec").path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        JsonNode replicas = deployment.path("spec").path("replicas");
        return new Workload(
                text(deployment, "metadata", "name"),
                text(deployment, "metadata", "namespace"),
                replicas.isNumber() ? Optional.of(replicas.intValue()) : Optional.empty(),
                pod.path("spec").path("serviceAccountName").asText(null),
                container.path("image").asText(null),
                container.path("imagePullPolicy").asText(null),
                container.path("ports").path(0).path("containerPort").asInt(),
                java.util.Collections.unmodifiableMap(env),
                List.copyOf(mounts),
                java.util.Collections.unmodifiableMap(volumes),
                strings(pod.path("metadata").path("labels")),
                strings(pod.path("metadata").path("annotations")),
                deployment);
    }

    public ServiceView service() {
        JsonNode service = only("Service");
        JsonNode port = service.path("spec").path("ports").path(0);
        return new ServiceView(
                text(service, "metadata", "name"),
                text(service, "metadata", "namespace"),
                service.path("spec").path("type").asText(null),
                port.path("port").asInt(),
                port.path("targetPort").asText(null),
                strings(service.path("spec").path("selector")),
                service);
    }

    public Optional<JsonNode> horizontalPodAutoscaler() {
        return optional("HorizontalPodAutoscaler");
    }

    public Optional<JsonNode> podDisruptionBudget() {
        return optional("PodDisruptionBudget");
    }

    /** Every manifest of a kind, parsed. */
    public List<JsonNode> all(String kind) {
        List<JsonNode> out = new ArrayList<>();
        documents.forEach((manifest, node) -> {
            if (kind.equals(node.path("kind").asText())) {
                out.add(node);
            }
        });
        return out;
    }

    private Optional<JsonNode> optional(String kind) {
        List<JsonNode> found = all(kind);
        if (found.size() > 1) {
            throw new IllegalStateException(
                    "the release has " + found.size() + " " + kind + "s; runway-eks renders at most one");
        }
        return found.stream().findFirst();
    }

    private JsonNode only(String kind) {
        return optional(kind)
                .orElseThrow(() -> new IllegalStateException("the release has no " + kind + "; it has "
                        + documents.keySet().stream().map(RenderedManifest::id).toList()));
    }

    private static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String p : path) {
            current = current.path(p);
        }
        return current.asText(null);
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
