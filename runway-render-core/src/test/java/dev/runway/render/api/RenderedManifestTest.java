package dev.runway.render.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** RenderedManifest writes out equals and hashCode (issue 19); checks key maps by manifest, so they must keep records'. */
class RenderedManifestTest {

    private static RenderedManifest manifest(String... parts) {
        return new RenderedManifest(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    @Test
    void manifestsAreEqualByEveryComponent() {
        String[] parts = {"c/templates/cm.yaml", "v1", "ConfigMap", "cm", "ns", "kind: ConfigMap\n"};
        RenderedManifest one = manifest(parts);
        assertEquals(one, manifest(parts.clone()));
        assertEquals(one.hashCode(), manifest(parts.clone()).hashCode());
        assertEquals(new RenderedManifest("s", null, null, null, null, "t"), manifest("s", "", "", "", "", "t"));
        for (int i = 0; i < parts.length; i++) {
            String[] other = parts.clone();
            other[i] = other[i] + "x";
            assertNotEquals(one, manifest(other), "component " + i);
        }
        assertNotEquals(one, "kind: ConfigMap\n");
    }
}
