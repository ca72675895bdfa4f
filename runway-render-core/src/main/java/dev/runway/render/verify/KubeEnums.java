package dev.runway.render.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed sets of values the API server accepts for string fields, keyed by the client model class and field
 * ({@code V1Container.imagePullPolicy}; {@code []} after the field name for each item of a list of strings).
 *
 * <p>Source: the {@code enum} lists of the Kubernetes OpenAPI v3 documents (api/openapi-spec/v3, generated from the
 * {@code +enum} Go types in k8s.io/api; {@code kubectl explain} prints them as ENUM), for Kubernetes 1.33 to 1.36;
 * the values are the Go constants of those types (for example {@code PullPolicy}: PullAlways, PullIfNotPresent,
 * PullNever). The validation functions that reject other values are named per entry. No Maven Central artifact
 * carries those lists: client-java-api 27.0.0 (on the classpath) is generated with the enums and the "Possible enum
 * values" text stripped from its descriptions, and fabric8's kubernetes-model-core 8.0.0 ships no schema; so they
 * are written here, and {@code ApiServerRulesTest} checks each key against the client models.
 */
final class KubeEnums {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    /** Model.field to the supported values, in the API server's order of its "supported values" message. */
    static final Map<String, List<String>> VALUES = Map.ofEntries(
            // core/v1 (pkg/apis/core/validation/validation.go)
            Map.entry("V1Container.imagePullPolicy", List.of("Always", "IfNotPresent", "Never")), // validatePullPolicy
            Map.entry("V1EphemeralContainer.imagePullPolicy", List.of("Always", "IfNotPresent", "Never")),
            Map.entry("V1Container.terminationMessagePolicy", List.of("File", "FallbackToLogsOnError")),
            Map.entry("V1ContainerPort.protocol", PROTOCOLS), // validateContainerPorts
            Map.entry("V1ServicePort.protocol", PROTOCOLS), // validateServicePort
            Map.entry("V1NetworkPolicyPort.protocol", PROTOCOLS),
            Map.entry("V1PodSpec.restartPolicy", List.of("Always", "OnFailure", "Never")), // validateRestartPolicy
            Map.entry("V1PodSpec.dnsPolicy", List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None")),
            Map.entry("V1PodSpec.preemptionPolicy", List.of("Never", "PreemptLowerPriority")),
            Map.entry("V1ServiceSpec.type", List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort")),
            Map.entry("V1ServiceSpec.sessionAffinity", List.of("ClientIP", "None")),
            Map.entry("V1ServiceSpec.externalTrafficPolicy", List.of("Cluster", "Local")),
            Map.entry("V1ServiceSpec.internalTrafficPolicy", List.of("Cluster", "Local")),
            Map.entry("V1ServiceSpec.ipFamilyPolicy", List.of("PreferDualStack", "RequireDualStack", "SingleStack")),
            Map.entry("V1ServiceSpec.ipFamilies[]", List.of("IPv4", "IPv6")),
            Map.entry("V1Toleration.operator", List.of("Equal", "Exists")), // validateTolerations
            Map.entry("V1Toleration.effect", List.of("NoExecute", "NoSchedule", "PreferNoSchedule")),
            Map.entry(
                    "V1NodeSelectorRequirement.operator",
                    List.of("DoesNotExist", "Exists", "Gt", "In", "Lt", "NotIn")), // ValidateNodeSelectorRequirement
            Map.entry("V1TopologySpreadConstraint.whenUnsatisfiable", List.of("DoNotSchedule", "ScheduleAnyway")),
            Map.entry("V1TopologySpreadConstraint.nodeAffinityPolicy", List.of("Honor", "Ignore")),
            Map.entry("V1TopologySpreadConstraint.nodeTaintsPolicy", List.of("Honor", "Ignore")),
            Map.entry("V1HTTPGetAction.scheme", List.of("HTTP", "HTTPS")),
            Map.entry("V1VolumeMount.mountPropagation", List.of("Bidirectional", "HostToContainer", "None")),
            Map.entry("V1PersistentVolumeClaimSpec.volumeMode", List.of("Block", "Filesystem")),
            Map.entry(
                    "V1PersistentVolumeClaimSpec.accessModes[]",
                    List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod")),
            Map.entry(
                    "V1HostPathVolumeSource.type",
                    List.of(
                            "",
                            "BlockDevice",
                            "CharDevice",
                            "Directory",
                            "DirectoryOrCreate",
                            "File",
                            "FileOrCreate",
                            "Socket")),
            Map.entry("V1SeccompProfile.type", List.of("Localhost", "RuntimeDefault", "Unconfined")),
            Map.entry("V1AppArmorProfile.type", List.of("Localhost", "RuntimeDefault", "Unconfined")),
            Map.entry("V1SecurityContext.procMount", List.of("Default", "Unmasked")),
            Map.entry("V1PodSecurityContext.fsGroupChangePolicy", List.of("Always", "OnRootMismatch")),
            // apps/v1 (pkg/apis/apps/validation/validation.go)
            Map.entry("V1DeploymentStrategy.type", List.of("Recreate", "RollingUpdate")), // ValidateDeploymentStrategy
            Map.entry("V1StatefulSetSpec.podManagementPolicy", List.of("OrderedReady", "Parallel")),
            Map.entry("V1StatefulSetUpdateStrategy.type", List.of("OnDelete", "RollingUpdate")),
            Map.entry("V1DaemonSetUpdateStrategy.type", List.of("OnDelete", "RollingUpdate")),
            Map.entry("V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted", List.of("Delete", "Retain")),
            Map.entry("V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled", List.of("Delete", "Retain")),
            // batch/v1 (pkg/apis/batch/validation/validation.go)
            Map.entry("V1CronJobSpec.concurrencyPolicy", List.of("Allow", "Forbid", "Replace")),
            Map.entry("V1JobSpec.completionMode", List.of("Indexed", "NonIndexed")),
            Map.entry("V1JobSpec.podReplacementPolicy", List.of("Failed", "TerminatingOrFailed")),
            Map.entry("V1PodFailurePolicyRule.action", List.of("Count", "FailIndex", "FailJob", "Ignore")),
            // networking.k8s.io/v1 (pkg/apis/networking/validation/validation.go validateHTTPIngressRuleValue)
            Map.entry("V1HTTPIngressPath.pathType", List.of("Exact", "ImplementationSpecific", "Prefix")),
            Map.entry("V1NetworkPolicySpec.policyTypes[]", List.of("Egress", "Ingress")),
            // autoscaling/v2 (pkg/apis/autoscaling/validation/validation.go validateMetricSpec, validateMetricTarget)
            Map.entry("V2MetricSpec.type", List.of("ContainerResource", "External", "Object", "Pods", "Resource")),
            Map.entry("V2MetricTarget.type", List.of("AverageValue", "Utilization", "Value")),
            Map.entry("V2HPAScalingRules.selectPolicy", List.of("Disabled", "Max", "Min")),
            Map.entry("V2HPAScalingPolicy.type", List.of("Percent", "Pods")),
            // policy/v1 (pkg/apis/policy/validation/validation.go ValidatePodDisruptionBudgetSpec)
            Map.entry(
                    "V1PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy", List.of("AlwaysAllow", "IfHealthyBudget")),
            // rbac/v1 (pkg/apis/rbac/validation/validation.go ValidateRoleBindingSubject)
            Map.entry("RbacV1Subject.kind", List.of("Group", "ServiceAccount", "User")));

    private KubeEnums() {}

    /** The supported values of a model's string field, or of each item of a list field ({@code item = true}). */
    /**
     * Plain Go string fields that the API server's defaulting fills when empty (SetDefaults_Container,
     * SetDefaults_ServicePort, SetDefaults_PodSpec, SetDefaults_Service, SetDefaults_HTTPGetAction in
     * pkg/apis/core/v1/defaults.go; SetDefaults_Deployment, SetDefaults_StatefulSet, SetDefaults_DaemonSet in
     * pkg/apis/apps/v1/defaults.go; SetDefaults_CronJob in pkg/apis/batch/v1/defaults.go). JSON's {@code ""} decodes
     * to the zero value, the same as an absent field, so it is defaulted before validation, not refused (charts write
     * {@code externalTrafficPolicy: ""} for "not set").
     */
    private static final java.util.Set<String> EMPTY_IS_DEFAULTED = java.util.Set.of(
            "V1Container.imagePullPolicy",
            "V1EphemeralContainer.imagePullPolicy",
            "V1Container.terminationMessagePolicy",
            "V1ContainerPort.protocol",
            "V1ServicePort.protocol",
            "V1PodSpec.restartPolicy",
            "V1PodSpec.dnsPolicy",
            "V1ServiceSpec.type",
            "V1ServiceSpec.sessionAffinity",
            "V1ServiceSpec.externalTrafficPolicy",
            "V1HTTPGetAction.scheme",
            "V1DeploymentStrategy.type",
            "V1StatefulSetSpec.podManagementPolicy",
            "V1StatefulSetUpdateStrategy.type",
            "V1DaemonSetUpdateStrategy.type",
            "V1CronJobSpec.concurrencyPolicy");

    /** True when {@code ""} in this field ({@code model} is the simple name: {@code V1Container}) means "not set" to the API server (see {@link #EMPTY_IS_DEFAULTED}). */
    static boolean emptyIsDefaulted(String model, String field) {
        return EMPTY_IS_DEFAULTED.contains(model + "." + field);
    }

    static Optional<List<String>> allowed(String model, String field, boolean item) {
        return Optional.ofNullable(VALUES.get(model + "." + field + (item ? "[]" : "")));
    }

    /** The API server's wording: {@code supported values: "Always", "IfNotPresent", "Never"}. */
    static String supported(List<String> values) {
        StringBuilder out = new StringBuilder("supported values: ");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
        }
        return out.toString();
    }
}
