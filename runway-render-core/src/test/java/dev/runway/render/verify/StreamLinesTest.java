package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A manifest file of several documents is split by the one stream parser ({@code ManifestStreamParser}); the findings
 * of a later document still name its line in the file, not a line counted from the document's start.
 */
class StreamLinesTest {
    private static final ManifestVerifier VERIFIER = new ManifestVerifier();

    private static final String FIRST_TWO = """
            ---
            # Source: app/templates/one.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: one
              namespace: payments
            ---
            # Source: app/templates/two.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: two
              namespace: payments
            ---
            # Source: app/templates/three.yaml

            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: three
              namespace: payments
            """;

    private static List<Finding> findings(String text) {
        return VERIFIER.verify(
                        List.of(new ManifestVerifier.Source("manifests.yaml", text)),
                        VerifyOptions.namespace("payments"))
                .findings();
    }

    @Test
    void aYamlErrorInTheThirdDocumentNamesItsFileLine() {
        // line 23: data:, 24: its first entry, 25: an entry indented further, which YAML refuses
        List<Finding> findings = findings(FIRST_TWO + "data:\n  a: \"1\"\n   b: \"2\"\n");
        Finding yaml = findings.stream()
                .filter(f -> f.check().equals("structure.yaml"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals(25, yaml.line(), yaml.toString());
        assertEquals("manifests.yaml", yaml.file());
        assertTrue(yaml.message().startsWith("YAML syntax error: manifests.yaml:25: "), yaml.message());
    }

    @Test
    void aStructureErrorInTheThirdDocumentNamesItsFileLine() {
        // line 23: a field ConfigMap does not have
        List<Finding> findings = findings(FIRST_TWO + "dataa:\n  a: \"1\"\n");
        List<Finding> errors =
                findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), findings.toString());
        assertEquals(23, errors.get(0).line(), errors.get(0).toString());
        assertEquals("manifests.yaml", errors.get(0).file());
    }
}
