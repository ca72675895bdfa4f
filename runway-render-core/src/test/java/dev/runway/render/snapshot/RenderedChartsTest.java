package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedChartsTest {

    @Test
    void splitsRealHelmTemplateOutputIntoManifestsWithTheirSources() {
        String output = PaymentsRenders.helmOutput(Map.of("podDisruptionBudget.enabled", true));

        RenderedChart chart = RenderedCharts.parse(output);

        // Helm's install order puts the PodDisruptionBudget first.
        assertEquals(
                List.of("PodDisruptionBudget", "ServiceAccount", "ConfigMap", "Service", "Deployment"),
                PaymentsRenders.kinds(chart));
        RenderedManifest deployment = chart.manifests().get(4);
        assertEquals("runway-eks/templates/deployment.yaml", deployment.source());
        assertEquals("apps/v1", deployment.apiVersion());
        assertEquals("payments", deployment.name());
        assertEquals("payments", deployment.namespace());
        assertEquals("Deployment/payments", deployment.id());
        assertTrue(deployment.text().startsWith("apiVersion: apps/v1\nkind: Deployment\n"), deployment.text());
        assertTrue(
                output.contains("# Source: runway-eks/templates/deployment.yaml\n" + deployment.text()),
                "the manifest text is the document exactly as Helm printed it");
        assertEquals("payments-gcp-credentials", chart.manifests().get(2).name());
        assertEquals(output, chart.output());
    }

    @Test
    void acceptsCrlfAndDropsDocumentsWithoutContent() {
        String output = """
                ---\r
                # Source: c/templates/empty.yaml\r
                \r
                ---\r
                # Source: c/templates/comment.yaml\r
                # only a comment\r
                ---\r
                # Source: c/templates/cm.yaml\r
                apiVersion: v1\r
                kind: ConfigMap\r
                metadata:\r
                  name: x\r
                """;

        RenderedChart chart = RenderedCharts.parse(output);

        assertEquals(1, chart.manifests().size());
        RenderedManifest manifest = chart.manifests().get(0);
        assertEquals("c/templates/cm.yaml", manifest.source());
        assertEquals("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", manifest.text());
        assertEquals("", manifest.namespace());
    }

    @Test
    void readsPlainMultiDocumentYamlWithoutSourceLines() {
        RenderedChart chart =
                RenderedCharts.parse("kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n");

        assertEquals(List.of("A", "B"), PaymentsRenders.kinds(chart));
        assertEquals("", chart.manifests().get(0).source());
    }

    @Test
    void invalidYamlIsReportedWithTheTemplateAndTheLineOfTheOutput() {
        String output = """
                ---
                # Source: c/templates/ok.yaml
                kind: A
                ---
                # Source: c/templates/bad.yaml
                kind: B
                metadata:
                  name: [oops
                """;

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> RenderedCharts.parse(output));

        assertTrue(
                error.getMessage()
                        .startsWith("helm template output, document 2 (c/templates/bad.yaml) starting at "
                                + "line 6: not valid YAML at line "),
                error.getMessage());
        // The problem is reported at the end of the flow sequence: line 8 or 9 of the whole output.
        assertTrue(error.getMessage().matches("(?s).*at line (8|9), column \\d+: .*"), error.getMessage());
    }
}
