package dev.runway.it.k3s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the cluster tests need from the API server, as kubectl does it: discovery of a kind's resource path,
 * server-side apply with strict field validation (optionally as a dry run), and reads. Uses the official client's
 * authenticated HTTP client, so it works for any built-in kind without a typed API per kind.
 */
public final class KubeApi {

    private static final MediaType APPLY_YAML = MediaType.get("application/apply-patch+yaml");
    private static final String FIELD_MANAGER = "runway-it";

    private final ApiClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ResourceType> discovered = new HashMap<>();

    KubeApi(ApiClient client) {
        this.client = client;
    }

    /** What the server answered to an apply: success, or the status code and the server's message. */
    public record ApplyResult(int status, String message, JsonNode stored) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** Where a kind lives in the API: its URL prefix, plural name, and whether it is namespaced. */
    record ResourceType(String prefix, String plural, boolean namespaced) {}

    /** Server-side apply of one YAML document, strict field validation; {@code dryRun} asks the server to persist nothing. */
    public ApplyResult apply(String yamlDocument, boolean dryRun) {
        Map<?, ?> object = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yamlDocument);
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
        String name = metadata == null ? "" : String.valueOf(metadata.get("name"));
        String namespace = metadata == null || metadata.get("namespace") == null
                ? "default"
                : String.valueOf(metadata.get("namespace"));
        ResourceType type = resourceType(apiVersion, kind);
        if (type == null) {
            return new ApplyResult(404, "the server has no kind " + kind + " in " + apiVersion, null);
        }
        String url = path(type, namespace, name) + "?fieldManager=" + FIELD_MANAGER
                + "&fieldValidation=Strict&force=true" + (dryRun ? "&dryRun=All" : "");
        Request request = new Request.Builder()
                .url(client.getBasePath() + url)
                .patch(RequestBody.create(yamlDocument, APPLY_YAML))
                .build();
        try (Response response = client.getHttpClient().newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode parsed = body.isEmpty() ? null : json.readTree(body);
            String message = parsed != null && parsed.has("message")
                    ? parsed.get("message").asText()
                    : body;
            return new ApplyResult(response.code(), message, response.isSuccessful() ? parsed : null);
        } catch (IOException e) {
            throw new UncheckedIOException("apply of " + kind + "/" + name + " failed", e);
        }
    }

    /** Reads an object as the server stores it, or null when it does not exist. */
    public JsonNode get(String apiVersion, String kind, String namespace, String name) {
        ResourceType type = resourceType(apiVersion, kind);
        if (type == null) {
            throw new IllegalArgumentException("unknown kind " + apiVersion + " " + kind);
        }
        return getJson(path(type, namespace, name));
    }

    /** Creates a namespace (server-side apply, so it is idempotent). */
    public void createNamespace(String name) {
        ApplyResult result = apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n", false);
        if (!result.accepted()) {
            throw new IllegalStateException("cannot create namespace " + name + ": " + result.message());
        }
    }

    /** The log of a pod's container, or null while it has none. */
    public String podLog(String namespace, String pod) {
        Request request = new Request.Builder()
                .url(client.getBasePath() + "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log")
                .get()
                .build();
        try (Response response = client.getHttpClient().newCall(request).execute()) {
            return response.isSuccessful() && response.body() != null
                    ? response.body().string()
                    : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists the pods of a namespace matching a label selector. */
    public JsonNode pods(String namespace, String labelSelector) {
        return getJson("/api/v1/namespaces/" + namespace + "/pods?labelSelector=" + labelSelector);
    }

    /** Polls until the condition holds or the timeout passes; returns the last value seen. */
    public static <T> T await(Duration timeout, java.util.function.Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }

    private String path(ResourceType type, String namespace, String name) {
        return type.prefix() + (type.namespaced() ? "/namespaces/" + namespace : "") + "/" + type.plural() + "/" + name;
    }

    private ResourceType resourceType(String apiVersion, String kind) {
        return discovered.computeIfAbsent(apiVersion + "/" + kind, key -> discover(apiVersion, kind));
    }

    private ResourceType discover(String apiVersion, String kind) {
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        JsonNode list = getJson(prefix);
        if (list == null) {
            return null;
        }
        for (JsonNode resource : list.path("resources")) {
            if (kind.equals(resource.path("kind").asText())
                    && !resource.path("name").asText().contains("/")) {
                return new ResourceType(
                        prefix,
                        resource.path("name").asText(),
                        resource.path("namespaced").asBoolean());
            }
        }
        return null;
    }

    private JsonNode getJson(String path) {
        Request request =
                new Request.Builder().url(client.getBasePath() + path).get().build();
        try (Response response = client.getHttpClient().newCall(request).execute()) {
            if (response.code() == 404) {
                return null;
            }
            if (!response.isSuccessful() || response.body() == null) {
                throw new IllegalStateException("GET " + path + " answered " + response.code());
            }
            return json.readTree(response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
