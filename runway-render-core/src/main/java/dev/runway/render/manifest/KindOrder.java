package dev.runway.render.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's InstallOrder and its comparison (lessByKind): known kinds by their place in the list, unknown kinds after
 * them in alphabetical order; equal ranks keep their order (the sort is stable). Helm 4 appended
 * MutatingWebhookConfiguration and ValidatingWebhookConfiguration to Helm 3's list (pkg/release/v1/util/kind_sorter.go
 * in v4, pkg/releaseutil/kind_sorter.go in v3), so webhooks install after the workloads that serve them.
 */
public final class KindOrder {
    /** Helm 3's install order (releaseutil.InstallOrder). */
    public static final List<String> INSTALL_ORDER = List.of(
            "PriorityClass",
            "Namespace",
            "NetworkPolicy",
            "ResourceQuota",
            "LimitRange",
            "PodSecurityPolicy",
            "PodDisruptionBudget",
            "ServiceAccount",
            "Secret",
            "SecretList",
            "ConfigMap",
            "StorageClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "CustomResourceDefinition",
            "ClusterRole",
            "ClusterRoleList",
            "ClusterRoleBinding",
            "ClusterRoleBindingList",
            "Role",
            "RoleList",
            "RoleBinding",
            "RoleBindingList",
            "Service",
            "DaemonSet",
            "Pod",
            "ReplicationController",
            "ReplicaSet",
            "Deployment",
            "HorizontalPodAutoscaler",
            "StatefulSet",
            "Job",
            "CronJob",
            "IngressClass",
            "Ingress",
            "APIService");

    /** Helm 4's install order: Helm 3's, then the webhook configurations. */
    public static final List<String> INSTALL_ORDER_HELM_4 = helm4();

    private static final KindOrder HELM_3 = new KindOrder(INSTALL_ORDER);
    private static final KindOrder HELM_4 = new KindOrder(INSTALL_ORDER_HELM_4);

    private final Map<String, Integer> rank = new HashMap<>();

    private KindOrder(List<String> order) {
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
    }

    private static List<String> helm4() {
        List<String> order = new java.util.ArrayList<>(INSTALL_ORDER);
        order.add("MutatingWebhookConfiguration");
        order.add("ValidatingWebhookConfiguration");
        return List.copyOf(order);
    }

    /** The install order of this Helm version. */
    public static KindOrder of(dev.runway.render.api.HelmVersion version) {
        return version.isHelm4() ? HELM_4 : HELM_3;
    }

    /** Negative when a installs before b, 0 when Helm keeps their order. */
    public int compareKinds(String kindA, String kindB) {
        Integer a = rank.get(kindA);
        Integer b = rank.get(kindB);
        if (a == null && b == null) {
            return compareBytes(kindA, kindB);
        }
        if (a == null) {
            return 1;
        }
        if (b == null) {
            return -1;
        }
        return Integer.compare(a, b);
    }

    /** Go compares strings by their UTF-8 bytes. */
    static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
