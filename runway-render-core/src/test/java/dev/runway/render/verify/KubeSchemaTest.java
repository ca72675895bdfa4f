package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.verify.KubeSchema.Lookup;
import dev.runway.render.verify.KubeSchema.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind map and shapes come from client-java-api's generated classes; these pin what they must give. */
class KubeSchemaTest {
    private final KubeSchema schema = new KubeSchema();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "apps/v1, Deployment, V1Deployment, true",
        "v1, ConfigMap, V1ConfigMap, true",
        "v1, ServiceAccount, V1ServiceAccount, true",
        "v1, Service, V1Service, true",
        "v1, Secret, V1Secret, true",
        "v1, Namespace, V1Namespace, false",
        "v1, Event, CoreV1Event, true",
        "events.k8s.io/v1, Event, EventsV1Event, true",
        "autoscaling/v2, HorizontalPodAutoscaler, V2HorizontalPodAutoscaler, true",
        "autoscaling/v1, HorizontalPodAutoscaler, V1HorizontalPodAutoscaler, true",
        "policy/v1, PodDisruptionBudget, V1PodDisruptionBudget, true",
        "batch/v1, CronJob, V1CronJob, true",
        "networking.k8s.io/v1, Ingress, V1Ingress, true",
        "networking.k8s.io/v1, NetworkPolicy, V1NetworkPolicy, true",
        "rbac.authorization.k8s.io/v1, ClusterRole, V1ClusterRole, false",
        "rbac.authorization.k8s.io/v1, RoleBinding, V1RoleBinding, true",
        "apiextensions.k8s.io/v1, CustomResourceDefinition, V1CustomResourceDefinition, false",
        "admissionregistration.k8s.io/v1, ValidatingWebhookConfiguration, V1ValidatingWebhookConfiguration, false",
        "flowcontrol.apiserver.k8s.io/v1, FlowSchema, V1FlowSchema, false",
        "storage.k8s.io/v1, StorageClass, V1StorageClass, false",
        "scheduling.k8s.io/v1, PriorityClass, V1PriorityClass, false",
        "coordination.k8s.io/v1, Lease, V1Lease, true",
        "scheduling.k8s.io/v1alpha2, Workload, V1alpha2Workload, true",
    })
    void builtInKindsMapToTheirModels(String apiVersion, String kind, String model, boolean namespaced) {
        Lookup lookup = schema.lookup(apiVersion, kind);
        Lookup.Found found = assertInstanceOf(Lookup.Found.class, lookup, lookup.toString());
        assertEquals(
                "io.kubernetes.client.openapi.models." + model, found.info().modelName());
        assertEquals(namespaced, found.info().namespaced());
    }

    @Test
    void subresourceBodiesAreNotKindsOfTheGroup() {
        // CoreV1Api.createNamespacedPodEviction takes a V1Eviction: that is policy/v1's kind, not core's.
        assertInstanceOf(Lookup.KindNotServed.class, schema.lookup("v1", "Eviction"));
        assertInstanceOf(Lookup.Found.class, schema.lookup("v1", "Binding"));
    }

    @Test
    void customAndRemovedVersionsAreToldApart() {
        assertInstanceOf(Lookup.NotBuiltIn.class, schema.lookup("monitoring.coreos.com/v1", "ServiceMonitor"));
        assertInstanceOf(Lookup.NotBuiltIn.class, schema.lookup("kustomize.toolkit.fluxcd.io/v1", "Kustomization"));
        Lookup.VersionNotServed removed =
                assertInstanceOf(Lookup.VersionNotServed.class, schema.lookup("apps/v1beta2", "Deployment"));
        assertEquals(java.util.List.of("apps/v1"), removed.served());
        assertInstanceOf(Lookup.KindNotServed.class, schema.lookup("apps/v1", "Deploymnet"));
    }

    @Test
    void shapesComeFromFieldMetadata() {
        Shape.ObjectShape port =
                schema.objectShape(io.kubernetes.client.openapi.models.V1ContainerPort.class.getName());
        assertTrue(port.required().contains("containerPort"));
        assertEquals(Shape.Scalar.INT32, schema.shapeOf(port.type("containerPort")));
        Shape.ObjectShape cm = schema.objectShape(io.kubernetes.client.openapi.models.V1ConfigMap.class.getName());
        Shape.MapShape data = assertInstanceOf(Shape.MapShape.class, schema.shapeOf(cm.type("data")));
        assertEquals(Shape.Scalar.STRING, schema.shapeOf(data.value()));
        Shape.MapShape binary = assertInstanceOf(Shape.MapShape.class, schema.shapeOf(cm.type("binaryData")));
        assertEquals(Shape.Scalar.BYTES, schema.shapeOf(binary.value()));
        Shape.ObjectShape resources =
                schema.objectShape(io.kubernetes.client.openapi.models.V1ResourceRequirements.class.getName());
        Shape.MapShape limits = assertInstanceOf(Shape.MapShape.class, schema.shapeOf(resources.type("limits")));
        assertEquals(Shape.Scalar.QUANTITY, schema.shapeOf(limits.value()));
        Shape.ObjectShape pdb =
                schema.objectShape(io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec.class.getName());
        assertEquals(Shape.Scalar.INT_OR_STRING, schema.shapeOf(pdb.type("minAvailable")));
        Shape.ObjectShape meta = schema.objectShape(io.kubernetes.client.openapi.models.V1ObjectMeta.class.getName());
        assertEquals(Shape.Scalar.INT64, schema.shapeOf(meta.type("generation")));
        assertEquals(Shape.Scalar.DATE_TIME, schema.shapeOf(meta.type("creationTimestamp")));
    }
}
