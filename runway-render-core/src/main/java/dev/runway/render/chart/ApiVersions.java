package dev.runway.render.chart;

import java.util.List;

/**
 * The API versions {@code helm template} reports without a cluster (DefaultVersionSet): every group/version that
 * client-go's scheme registers, in its PrioritizedVersionsAllGroups order, plus apiextensions.k8s.io v1beta1 and v1
 * (allKnownVersions in pkg/chart/common/capabilities.go of Helm 4, pkg/chartutil/capabilities.go of Helm 3). Helm
 * 4.1.4 and Helm 3.21.0 both link k8s.io/client-go v0.35.1, so both report these 57 group/versions, no kinds:
 * {@code Has "policy/v1beta1"} is true, {@code Has "apiregistration.k8s.io/v1"} and {@code Has "apps/v1/Deployment"}
 * are false. Checked against both engines by the conformance cases under pipeline-objects.
 */
final class ApiVersions {
    static final List<String> DEFAULT = List.of(
            "v1",
            "admissionregistration.k8s.io/v1",
            "admissionregistration.k8s.io/v1alpha1",
            "admissionregistration.k8s.io/v1beta1",
            "internal.apiserver.k8s.io/v1alpha1",
            "apps/v1",
            "apps/v1beta1",
            "apps/v1beta2",
            "authentication.k8s.io/v1",
            "authentication.k8s.io/v1alpha1",
            "authentication.k8s.io/v1beta1",
            "authorization.k8s.io/v1",
            "authorization.k8s.io/v1beta1",
            "autoscaling/v1",
            "autoscaling/v2",
            "autoscaling/v2beta1",
            "autoscaling/v2beta2",
            "batch/v1",
            "batch/v1beta1",
            "certificates.k8s.io/v1",
            "certificates.k8s.io/v1beta1",
            "certificates.k8s.io/v1alpha1",
            "coordination.k8s.io/v1alpha2",
            "coordination.k8s.io/v1beta1",
            "coordination.k8s.io/v1",
            "discovery.k8s.io/v1",
            "discovery.k8s.io/v1beta1",
            "events.k8s.io/v1",
            "events.k8s.io/v1beta1",
            "extensions/v1beta1",
            "flowcontrol.apiserver.k8s.io/v1",
            "flowcontrol.apiserver.k8s.io/v1beta1",
            "flowcontrol.apiserver.k8s.io/v1beta2",
            "flowcontrol.apiserver.k8s.io/v1beta3",
            "networking.k8s.io/v1",
            "networking.k8s.io/v1beta1",
            "node.k8s.io/v1",
            "node.k8s.io/v1alpha1",
            "node.k8s.io/v1beta1",
            "policy/v1",
            "policy/v1beta1",
            "rbac.authorization.k8s.io/v1",
            "rbac.authorization.k8s.io/v1beta1",
            "rbac.authorization.k8s.io/v1alpha1",
            "resource.k8s.io/v1",
            "resource.k8s.io/v1beta2",
            "resource.k8s.io/v1beta1",
            "resource.k8s.io/v1alpha3",
            "scheduling.k8s.io/v1alpha1",
            "scheduling.k8s.io/v1beta1",
            "scheduling.k8s.io/v1",
            "storage.k8s.io/v1beta1",
            "storage.k8s.io/v1",
            "storage.k8s.io/v1alpha1",
            "storagemigration.k8s.io/v1beta1",
            "apiextensions.k8s.io/v1beta1",
            "apiextensions.k8s.io/v1");

    private ApiVersions() {}
}
