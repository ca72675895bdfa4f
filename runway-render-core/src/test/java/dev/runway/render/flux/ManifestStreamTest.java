package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runway.render.api.RenderedChart;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestStreamTest {

    @Test
    void splitsHelmOutputAndKeepsIdentity() {
        RenderedChart chart = ManifestStream.parse("""
                ---
                # Source: c/templates/a.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: ns
                ---\t
                # Source: c/templates/empty.yaml
                # only a comment
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: b
                """);
        assertEquals(2, chart.manifests().size());
        assertEquals("c/templates/a.yaml", chart.manifests().get(0).source());
        assertEquals(
                "ConfigMap/ns/a", ManifestStream.resourceId(chart.manifests().get(0)));
        assertEquals("Secret/b", ManifestStream.resourceId(chart.manifests().get(1)));
        assertEquals("(document 2)", chart.manifests().get(1).source());
        List<ManifestStream.Located> located = ManifestStream.locate(chart);
        assertEquals(2, located.get(0).lineOffset());
        assertEquals(11, located.get(1).lineOffset());
    }
}
