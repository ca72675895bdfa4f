package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotOptionsTest {

    private static SnapshotResource resource(String kind, String name) {
        return SnapshotResource.of(Map.of("kind", kind, "metadata", Map.of("name", name)), "", 1);
    }

    @Test
    void masksAreScopedToAllResourcesAKindOrOneResource() {
        SnapshotOptions options = SnapshotOptions.defaults()
                .mask("metadata.labels[helm.sh/chart]")
                .mask("Deployment", "spec.replicas")
                .mask("*/payments", "spec.template")
                .mask("Service/web spec.ports[http].port");

        SnapshotOptions.Mask all = options.masks().get(0);
        SnapshotOptions.Mask kind = options.masks().get(1);
        SnapshotOptions.Mask anyKindNamed = options.masks().get(2);
        SnapshotOptions.Mask pasted = options.masks().get(3);
        assertTrue(all.appliesTo(resource("ConfigMap", "x")));
        assertTrue(kind.appliesTo(resource("Deployment", "x")));
        assertFalse(kind.appliesTo(resource("Service", "x")));
        assertTrue(anyKindNamed.appliesTo(resource("Deployment", "payments")));
        assertFalse(anyKindNamed.appliesTo(resource("Deployment", "web")));
        assertEquals("Service/web", pasted.resource());
        assertEquals("spec.ports[http].port", pasted.path().toString());
        assertTrue(pasted.appliesTo(resource("Service", "web")));
        assertFalse(pasted.appliesTo(resource("Deployment", "web")));
    }

    @Test
    void selectionCombinesKindsNamesAndExclusions() {
        SnapshotOptions options = SnapshotOptions.defaults()
                .selectKinds("Deployment", "Service")
                .selectNames("payments")
                .excludeKinds("Service");

        assertTrue(options.selects(resource("Deployment", "payments")));
        assertFalse(options.selects(resource("Deployment", "web")));
        assertFalse(options.selects(resource("Service", "payments")));
        assertFalse(options.selects(resource("ConfigMap", "payments")));
        assertEquals(Set.of("Deployment", "Service"), options.kinds());
        assertTrue(SnapshotOptions.defaults().selects(resource("Anything", "at-all")));
    }

    @Test
    void optionsAreImmutableValues() {
        SnapshotOptions base = SnapshotOptions.defaults();
        SnapshotOptions masked = base.mask("spec.replicas");

        assertEquals(0, base.masks().size());
        assertEquals(1, masked.masks().size());
        assertEquals(masked, SnapshotOptions.defaults().mask("spec.replicas"));
        assertThrows(UnsupportedOperationException.class, () -> masked.masks().clear());
    }

    @Test
    void aMaskNeedsAFieldPath() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotOptions.Mask("Deployment", FieldPath.ROOT));
        assertThrows(
                IllegalArgumentException.class, () -> SnapshotOptions.defaults().mask("spec..x"));
    }
}
