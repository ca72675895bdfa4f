package dev.runway.render.servicemanifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One field of the Runway service manifest that runway-render knows: its path ({@code spec.container_port}), the
 * type its value must have, and what it becomes on EKS, or why it has no meaning there. The list is the mapping
 * README documents; a test keeps the two in step.
 *
 * @param path    the field's path in {@code runway.yml}, dot-separated
 * @param type    the value's type
 * @param meaning whether it maps onto runway-eks values
 * @param target  the runway-eks values it sets (for {@link Meaning#MAPPED}), in words
 * @param note    how it maps, or why it has no EKS meaning
 */
public record ManifestField(String path, Type type, Meaning meaning, String target, String note) {

    /** What a value must be. */
    public enum Type {
        OBJECT("a mapping"),
        STRING("a string"),
        INTEGER("a whole number"),
        QUANTITY("a quantity such as 500m or 1Gi"),
        BOOLEAN("true or false"),
        ANY("any value");

        private final String words;

        Type(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Whether the field means anything on EKS. */
    public enum Meaning {
        /** Becomes runway-eks values. */
        MAPPED,
        /** A grouping of other fields. */
        GROUP,
        /** Cloud Run only (or Runway's own pipeline): refused with {@link #note()} unless the service ignores it. */
        NO_EKS_MEANING,
        /** Has a meaning on EKS that runway-eks cannot express yet: refused with {@link #note()}. */
        NOT_SUPPORTED
    }

    public ManifestField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(meaning, "meaning");
        target = Objects.requireNonNullElse(target, "");
        note = Objects.requireNonNullElse(note, "");
    }

    private static final String PROBE_NOTE = " (absent: no such probe, as on Cloud Run)";
    private static final List<ManifestField> ALL = flatten(
            mapped("apiVersion", Type.STRING, "", "runway/v1 (the default) or runway/v1+dev"),
            mapped("kind", Type.STRING, "", "RunwayService, the only kind runway-render renders"),
            group("metadata"),
            mapped(
                    "metadata.name",
                    Type.STRING,
                    "serviceId",
                    "the service id: names the namespace, the ServiceAccount, "
                            + "the Deployment and the cloud identities; must agree with runway.serviceId and the values' serviceId"),
            mapped(
                    "metadata.owner_email_handle",
                    Type.STRING,
                    "labels.gl_owner_email_handle",
                    "GitLab infrastructure-standards label on every resource"),
            mapped(
                    "metadata.department",
                    Type.STRING,
                    "labels.gl_dept",
                    "GitLab infrastructure-standards label on every resource"),
            mapped(
                    "metadata.department_group",
                    Type.STRING,
                    "labels.gl_dept_group",
                    "GitLab infrastructure-standards label on every resource"),
            mapped(
                    "metadata.product_category",
                    Type.STRING,
                    "labels.gl_product_category",
                    "GitLab infrastructure-standards label on every resource"),
            group("spec"),
            mapped(
                    "spec.image",
                    Type.STRING,
                    "image.repository, image.tag",
                    "deprecated in Runway (the CI input image replaces it): prefer runway.image"),
            mapped("spec.container_port", Type.INTEGER, "port", "the container's http port (1 to 65535)"),
            noEks(
                    "spec.regions",
                    "Cloud Run regions; on EKS the cluster Flux applies the manifests to decides "
                            + "where the pods run"),
            noEks(
                    "spec.request_timeout",
                    "Cloud Run's per-request timeout; a Kubernetes Service has none (set it "
                            + "on the ingress or load balancer in front of the service)"),
            group("spec.resources"),
            group("spec.resources.limits"),
            mapped(
                    "spec.resources.limits.cpu",
                    Type.QUANTITY,
                    "resources.requests.cpu",
                    "what Cloud Run gives an instance is what the scheduler reserves on EKS; no CPU limit (it would "
                            + "throttle)"),
            mapped(
                    "spec.resources.limits.memory",
                    Type.QUANTITY,
                    "resources.requests.memory, resources.limits.memory",
                    "reserved and capped"),
            noEks(
                    "spec.resources.startup_cpu_boost",
                    "Cloud Run's startup CPU boost; Kubernetes has no such setting "
                            + "(a startup probe with a longer failureThreshold gives a slow start time instead)"),
            group("spec.scalability"),
            mapped(
                    "spec.scalability.min_instances",
                    Type.INTEGER,
                    "replicas, autoscaling.minReplicas",
                    "replicas without max_instances, else the autoscaler's minimum; at least 1 (a Deployment does not scale to zero)"),
            mapped(
                    "spec.scalability.max_instances",
                    Type.INTEGER,
                    "autoscaling.enabled, autoscaling.maxReplicas",
                    "turns the HorizontalPodAutoscaler on; minReplicas is min_instances (default 1)"),
            noEks(
                    "spec.scalability.max_instance_concurrent_requests",
                    "Cloud Run's per-instance request " + "concurrency; the HorizontalPodAutoscaler scales on CPU"),
            noEks(
                    "spec.scalability.max_instance_request_concurrency",
                    "Cloud Run's per-instance request " + "concurrency; the HorizontalPodAutoscaler scales on CPU"),
            probe("startup", true),
            probe("liveness", true),
            probe("readiness", false),
            new ManifestField(
                    "spec.readiness_probe.success_threshold",
                    Type.INTEGER,
                    Meaning.MAPPED,
                    "",
                    "only 1, Kubernetes' default: runway-eks has no value for another threshold yet"),
            noEks(
                    "spec.load_balancing",
                    "Cloud Run's external and internal load balancers; on EKS the Service "
                            + "and the cluster's ingress carry the traffic"),
            noEks(
                    "spec.deployment",
                    "Cloud Run's traffic-splitting rollout; on EKS the Deployment rolls out "
                            + "pod by pod when Flux applies it"),
            noEks(
                    "spec.network_policies",
                    "Cloud Run's ingress restrictions; on EKS use the cluster's network " + "policies"),
            noEks("spec.request_based_billing", "Cloud Run's billing mode; EKS bills the nodes"));

    private static final Map<String, ManifestField> BY_PATH =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ManifestField::path, Function.identity()));

    /** Every field runway-render knows, in the order of the README's table. */
    public static List<ManifestField> all() {
        return ALL;
    }

    /** The field at {@code path}, if known. */
    public static Optional<ManifestField> at(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** The known fields directly under {@code parent} ({@code ""} for the top level). */
    public static List<String> childrenOf(String parent) {
        String prefix = parent.isEmpty() ? "" : parent + ".";
        return ALL.stream()
                .map(ManifestField::path)
                .filter(p -> p.startsWith(prefix) && p.indexOf('.', prefix.length()) < 0 && !p.equals(parent))
                .toList();
    }

    private static ManifestField mapped(String path, Type type, String target, String note) {
        return new ManifestField(path, type, Meaning.MAPPED, target, note);
    }

    private static ManifestField group(String path) {
        return new ManifestField(path, Type.OBJECT, Meaning.GROUP, "", "");
    }

    private static ManifestField noEks(String path, String why) {
        return new ManifestField(path, Type.ANY, Meaning.NO_EKS_MEANING, "", why);
    }

    /** A probe section and its fields ({@code initial_delay_seconds}: Cloud Run has none for readiness probes). */
    private static List<ManifestField> probe(String probe, boolean initialDelay) {
        String section = "spec." + probe + "_probe";
        java.util.List<ManifestField> fields = new java.util.ArrayList<>();
        fields.add(new ManifestField(
                section,
                Type.OBJECT,
                Meaning.GROUP,
                "probes." + probe + ".enabled",
                "present: the probe is on, an HTTP GET on the http port" + PROBE_NOTE));
        fields.add(probeField(probe, "path", Type.STRING, "path"));
        if (initialDelay) {
            fields.add(probeField(probe, "initial_delay_seconds", Type.INTEGER, "initialDelaySeconds"));
        }
        fields.add(probeField(probe, "period_seconds", Type.INTEGER, "periodSeconds"));
        fields.add(probeField(probe, "timeout_seconds", Type.INTEGER, "timeoutSeconds"));
        fields.add(probeField(probe, "failure_threshold", Type.INTEGER, "failureThreshold"));
        return fields;
    }

    /** Single fields and lists of them, in order. */
    private static List<ManifestField> flatten(Object... entries) {
        java.util.List<ManifestField> all = new java.util.ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof ManifestField field) {
                all.add(field);
            } else {
                for (Object field : (List<?>) entry) {
                    all.add((ManifestField) field);
                }
            }
        }
        return List.copyOf(all);
    }

    private static ManifestField probeField(String probe, String field, Type type, String value) {
        return new ManifestField(
                "spec." + probe + "_probe." + field, type, Meaning.MAPPED, "probes." + probe + "." + value, "");
    }
}
