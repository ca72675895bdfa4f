package dev.runway.render.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The API versions {@code helm template} reports without a cluster (chartutil.DefaultVersionSet): each built-in
 * group/version, and group/version/Kind for the kinds charts ask about most.
 */
final class ApiVersions {
    private static final String[][] GROUPS = {
            {"v1", "ConfigMap", "Endpoints", "Event", "LimitRange", "Namespace", "Node", "PersistentVolume",
                    "PersistentVolumeClaim", "Pod", "PodTemplate", "ReplicationController", "ResourceQuota",
                    "Secret", "Service", "ServiceAccount"},
            {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
                    "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"},
            {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
            {"apiregistration.k8s.io/v1", "APIService"},
            {"apps/v1", "ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"},
            {"authentication.k8s.io/v1", "TokenReview", "SelfSubjectReview"},
            {"authorization.k8s.io/v1", "LocalSubjectAccessReview", "SelfSubjectAccessReview",
                    "SelfSubjectRulesReview", "SubjectAccessReview"},
            {"autoscaling/v1", "HorizontalPodAutoscaler"},
            {"autoscaling/v2", "HorizontalPodAutoscaler"},
            {"batch/v1", "CronJob", "Job"},
            {"certificates.k8s.io/v1", "CertificateSigningRequest"},
            {"coordination.k8s.io/v1", "Lease"},
            {"discovery.k8s.io/v1", "EndpointSlice"},
            {"events.k8s.io/v1", "Event"},
            {"flowcontrol.apiserver.k8s.io/v1", "FlowSchema", "PriorityLevelConfiguration"},
            {"networking.k8s.io/v1", "Ingress", "IngressClass", "NetworkPolicy"},
            {"node.k8s.io/v1", "RuntimeClass"},
            {"policy/v1", "PodDisruptionBudget"},
            {"rbac.authorization.k8s.io/v1", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"},
            {"scheduling.k8s.io/v1", "PriorityClass"},
            {"storage.k8s.io/v1", "CSIDriver", "CSINode", "CSIStorageCapacity", "StorageClass",
                    "VolumeAttachment"},
    };

    static final List<String> DEFAULT = build();

    private ApiVersions() {
    }

    private static List<String> build() {
        List<String> all = new ArrayList<>();
        for (String[] group : GROUPS) {
            all.add(group[0]);
        }
        return List.copyOf(all);
    }
}
