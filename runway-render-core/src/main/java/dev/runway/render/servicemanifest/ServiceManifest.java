package dev.runway.render.servicemanifest;

import dev.runway.render.values.SourcePosition;
import dev.runway.render.values.ValueTrees;
import dev.runway.render.values.ValuesDocument;
import dev.runway.render.values.ValuesPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked Runway service manifest ({@code .runway/runway.yml}) and its mapping onto runway-eks values, as the
 * table in {@link ManifestField} and the README say. Read one with {@link ServiceManifestReader}.
 *
 * @param file     the name the file has in messages ({@code .runway/runway.yml})
 * @param document the manifest as read: its values and where each one is in the file
 * @param ignored  fields the service listed in {@code ignoredManifestFields} that the manifest has (skipped)
 */
public record ServiceManifest(String file, ValuesDocument document, Set<String> ignored) {

    /** The GitLab infrastructure-standards label each metadata field becomes. */
    static final Map<String, String> LABELS = Map.of(
            "owner_email_handle", "gl_owner_email_handle",
            "department", "gl_dept",
            "department_group", "gl_dept_group",
            "product_category", "gl_product_category");

    private static final List<String> LABEL_ORDER =
            List.of("owner_email_handle", "department", "department_group", "product_category");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Map<String, String> PROBE_FIELDS = new LinkedHashMap<>();

    static {
        PROBE_FIELDS.put("path", "path");
        PROBE_FIELDS.put("initial_delay_seconds", "initialDelaySeconds");
        PROBE_FIELDS.put("period_seconds", "periodSeconds");
        PROBE_FIELDS.put("timeout_seconds", "timeoutSeconds");
        PROBE_FIELDS.put("failure_threshold", "failureThreshold");
    }

    public ServiceManifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(document, "document");
        ignored = Set.copyOf(ignored);
    }

    /** {@code metadata.name}: the service id the manifest names. */
    public String serviceId() {
        return string("metadata", "name").orElse("");
    }

    /** Where {@code metadata.name} is written, for messages. */
    public SourcePosition serviceIdPosition() {
        return document.positionOf(ValuesPath.of("metadata", "name")).orElse(new SourcePosition(file, 1, 1));
    }

    public String apiVersion() {
        return string("apiVersion").orElse("runway/v1");
    }

    /**
     * The runway-eks values this manifest means, positioned in the manifest so a schema error names its line. The
     * environment fills {@code externalSecrets.environment} (the Vault path's {@code <environment>}) when it is a
     * Runway environment name; values files set it otherwise.
     */
    public ValuesDocument toValues(String environment) {
        Mapping out = new Mapping();
        out.copy("metadata.name", "serviceId");
        for (String field : LABEL_ORDER) {
            out.copy("metadata." + field, "labels." + LABELS.get(field));
        }
        string("spec", "image").ifPresent(image -> {
            ImageReference reference = ImageReference.parse(image);
            SourcePosition at = position("spec.image");
            out.put("image.repository", reference.repository(), at);
            if (!reference.tag().isEmpty()) {
                out.put("image.tag", reference.tag(), at);
            }
        });
        out.copy("spec.container_port", "port");
        value("spec.resources.limits.cpu")
                .ifPresent(cpu -> out.put("resources.requests.cpu", cpu, position("spec.resources.limits.cpu")));
        value("spec.resources.limits.memory").ifPresent(memory -> {
            SourcePosition at = position("spec.resources.limits.memory");
            out.put("resources.requests.memory", memory, at);
            out.put("resources.limits.memory", memory, at);
        });
        Optional<Object> min = value("spec.scalability.min_instances");
        Optional<Object> max = value("spec.scalability.max_instances");
        if (max.isPresent()) {
            SourcePosition at = position("spec.scalability.max_instances");
            out.put("autoscaling.enabled", true, at);
            out.put("autoscaling.maxReplicas", max.get(), at);
            out.put(
                    "autoscaling.minReplicas",
                    min.orElse(1.0),
                    min.isPresent() ? position("spec.scalability.min_instances") : at);
        } else {
            min.ifPresent(replicas -> out.put("replicas", replicas, position("spec.scalability.min_instances")));
        }
        for (String probe : List.of("startup", "liveness", "readiness")) {
            String section = "spec." + probe + "_probe";
            boolean present = value(section).isPresent();
            out.put("probes." + probe + ".enabled", present, present ? position(section) : null);
            PROBE_FIELDS.forEach((field, key) -> out.copy(section + "." + field, "probes." + probe + "." + key));
        }
        if (environment != null
                && !environment.equals("default")
                && ENVIRONMENT.matcher(environment).matches()) {
            out.put("externalSecrets.environment", environment, null);
        }
        return new ValuesDocument(file, out.values, out.positions, out.positions);
    }

    private Optional<String> string(Object... path) {
        return ValueTrees.at(document.values(), ValuesPath.of(path))
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    private Optional<Object> value(String dotted) {
        return ValueTrees.at(document.values(), path(dotted)).filter(v -> v != null && v != ValueTrees.NULL);
    }

    private SourcePosition position(String dotted) {
        return document.positionOf(path(dotted)).orElse(new SourcePosition(file, 1, 1));
    }

    private static ValuesPath path(String dotted) {
        return ValuesPath.of((Object[]) dotted.split("\\."));
    }

    /** Values being built, with the manifest position of each. */
    private final class Mapping {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<ValuesPath, SourcePosition> positions = new LinkedHashMap<>();

        void copy(String from, String to) {
            value(from).ifPresent(v -> put(to, v, position(from)));
        }

        @SuppressWarnings("unchecked")
        void put(String dotted, Object value, SourcePosition at) {
            String[] keys = dotted.split("\\.", -1);
            Map<String, Object> map = values;
            ValuesPath path = ValuesPath.ROOT;
            for (int i = 0; i < keys.length - 1; i++) {
                path = path.child(keys[i]);
                map = (Map<String, Object>) map.computeIfAbsent(keys[i], k -> new LinkedHashMap<String, Object>());
                if (at != null) {
                    positions.putIfAbsent(path, at);
                }
            }
            map.put(keys[keys.length - 1], value);
            if (at != null) {
                positions.put(path.child(keys[keys.length - 1]), at);
            }
        }
    }
}
