package dev.runway.render.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's releaseutil.InstallOrder and its comparison (lessByKind): known kinds by their place in the list,
 * unknown kinds after them in alphabetical order; equal ranks keep their order (the sort is stable).
 */
public final class KindOrder {
    public static final List<String> INSTALL_ORDER = List.of(
            "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
            "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
            "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
            "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
            "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService");

    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < INSTALL_ORDER.size(); i++) {
            RANK.put(INSTALL_ORDER.get(i), i);
        }
    }

    private KindOrder() {
    }

    /** Negative when a installs before b, 0 when Helm keeps their order. */
    public static int compare(String kindA, String kindB) {
        Integer a = RANK.get(kindA);
        Integer b = RANK.get(kindB);
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
