package dev.runway.render.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which built-in API versions a Kubernetes release serves, beyond what the client models (one release) know: the
 * group/versions removed since 1.16 (Kubernetes "Deprecated API Migration Guide" and the release notes of each
 * removal) and the GA versions added in recent releases. A manifest for an older target must not use a version
 * that release does not serve yet; any target refuses a removed one.
 */
final class KubeApiVersions {

    /** A removed group/version (of some kinds, or all kinds when {@code kinds} is empty) and its replacement. */
    record Removal(String apiVersion, List<String> kinds, int removedIn, String replacement) {
        boolean covers(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    static final List<Removal> REMOVED = List.of(
            new Removal("extensions/v1beta1", List.of("Deployment", "DaemonSet", "ReplicaSet"), 16, "apps/v1"),
            new Removal("extensions/v1beta1", List.of("NetworkPolicy"), 16, "networking.k8s.io/v1"),
            new Removal("extensions/v1beta1", List.of("PodSecurityPolicy"), 16, "(none: use Pod Security Admission)"),
            new Removal("extensions/v1beta1", List.of("Ingress"), 22, "networking.k8s.io/v1"),
            new Removal("apps/v1beta1", List.of(), 16, "apps/v1"),
            new Removal("apps/v1beta2", List.of(), 16, "apps/v1"),
            new Removal("networking.k8s.io/v1beta1", List.of("Ingress", "IngressClass"), 22, "networking.k8s.io/v1"),
            new Removal("rbac.authorization.k8s.io/v1beta1", List.of(), 22, "rbac.authorization.k8s.io/v1"),
            new Removal("rbac.authorization.k8s.io/v1alpha1", List.of(), 22, "rbac.authorization.k8s.io/v1"),
            new Removal(
                    "admissionregistration.k8s.io/v1beta1",
                    List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"),
                    22,
                    "admissionregistration.k8s.io/v1"),
            new Removal("apiextensions.k8s.io/v1beta1", List.of(), 22, "apiextensions.k8s.io/v1"),
            new Removal("apiregistration.k8s.io/v1beta1", List.of(), 22, "apiregistration.k8s.io/v1"),
            new Removal("certificates.k8s.io/v1beta1", List.of(), 22, "certificates.k8s.io/v1"),
            new Removal("coordination.k8s.io/v1beta1", List.of(), 22, "coordination.k8s.io/v1"),
            new Removal("scheduling.k8s.io/v1beta1", List.of(), 22, "scheduling.k8s.io/v1"),
            new Removal(
                    "storage.k8s.io/v1beta1",
                    List.of("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"),
                    22,
                    "storage.k8s.io/v1"),
            new Removal("storage.k8s.io/v1beta1", List.of("CSIStorageCapacity"), 27, "storage.k8s.io/v1"),
            new Removal("batch/v1beta1", List.of("CronJob"), 25, "batch/v1"),
            new Removal("batch/v2alpha1", List.of(), 21, "batch/v1"),
            new Removal("policy/v1beta1", List.of("PodDisruptionBudget"), 25, "policy/v1"),
            new Removal("policy/v1beta1", List.of("PodSecurityPolicy"), 25, "(none: use Pod Security Admission)"),
            new Removal("autoscaling/v2beta1", List.of(), 25, "autoscaling/v2"),
            new Removal("autoscaling/v2beta2", List.of(), 26, "autoscaling/v2"),
            new Removal("discovery.k8s.io/v1beta1", List.of(), 25, "discovery.k8s.io/v1"),
            new Removal("events.k8s.io/v1beta1", List.of(), 25, "events.k8s.io/v1"),
            new Removal("node.k8s.io/v1beta1", List.of(), 25, "node.k8s.io/v1"),
            new Removal("flowcontrol.apiserver.k8s.io/v1beta1", List.of(), 26, "flowcontrol.apiserver.k8s.io/v1"),
            new Removal("flowcontrol.apiserver.k8s.io/v1beta2", List.of(), 29, "flowcontrol.apiserver.k8s.io/v1"),
            new Removal("flowcontrol.apiserver.k8s.io/v1beta3", List.of(), 32, "flowcontrol.apiserver.k8s.io/v1"));

    /** GA group/versions and the release that first serves them by default (older targets do not). */
    static final Map<String, Integer> INTRODUCED = Map.of(
            "resource.k8s.io/v1", 34,
            "flowcontrol.apiserver.k8s.io/v1", 29,
            "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy", 30,
            "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding", 30);

    private KubeApiVersions() {}

    /** {@code v1.33.0}, {@code 1.33}, {@code 1.33.2} to {@code 1.33}; empty to the client models' release. */
    static String minorVersion(String version) {
        String v = version.strip();
        if (v.isEmpty()) {
            return KubeSchema.KUBERNETES_VERSION;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v?([0-9]+)\\.([0-9]+)(\\.[0-9]+)?([-+].*)?")
                .matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + version + "' is not a Kubernetes version such as 1.33 or v1.33.0");
        }
        return Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2));
    }

    static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    /** The removal that applies to this kind in this group/version, if any. */
    static Optional<Removal> removal(String apiVersion, String kind) {
        return REMOVED.stream()
                .filter(r -> r.apiVersion().equals(apiVersion) && r.covers(kind))
                .findFirst();
    }

    /** The release that first serves {@code apiVersion} {@code kind}, when it is newer than 1.28; else empty. */
    static Optional<Integer> introducedIn(String apiVersion, String kind) {
        Integer byKind = INTRODUCED.get(apiVersion + "/" + kind);
        return Optional.ofNullable(byKind != null ? byKind : INTRODUCED.get(apiVersion));
    }
}
