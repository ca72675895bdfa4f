package dev.runway.render.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runway.render.api.RenderException;
import org.junit.jupiter.api.Test;

/** The full manifest head parse reads through the guarded reader: go-yaml's depth and alias limits, in Helm's words. */
class ManifestHeadLimitsTest {

    @Test
    void flowNestingPastGoYamlsDepthIsRefusedAsGoYamlWordsIt() {
        int levels = 10_001;
        String doc = "kind: ConfigMap\ndata: " + "[".repeat(levels) + "]".repeat(levels) + "\n";
        RenderException e = assertThrows(RenderException.class, () -> ManifestHead.parse(doc, "t.yaml"));
        assertEquals(
                "YAML parse error on t.yaml: error converting YAML to JSON: yaml: line 2: exceeded max depth "
                        + "of 10000",
                e.getMessage());
    }

    @Test
    void aBillionLaughsStopsAtGoYamlsAliasRule() {
        StringBuilder doc = new StringBuilder("kind: ConfigMap\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            String alias = "*a" + (i - 1);
            doc.append('a')
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, alias)))
                    .append("]\n");
        }
        RenderException e = assertThrows(RenderException.class, () -> ManifestHead.parse(doc.toString(), "t.yaml"));
        assertEquals(
                "YAML parse error on t.yaml: error converting YAML to JSON: yaml: document contains excessive "
                        + "aliasing",
                e.getMessage());
    }

    @Test
    void aListKeyTooLargeToPrintIsStillHelmsInvalidMapKey() {
        // Helm refuses a list as a key whatever its size; the project's reader, which words that error, stops at
        // 250,000 values, so past them the key is refused without Go's printing of it.
        String doc = "kind: ConfigMap\n? [" + "1, ".repeat(300_000) + "1]\n: v\n";
        RenderException e = assertThrows(RenderException.class, () -> ManifestHead.parse(doc, "t.yaml"));
        assertEquals(
                "YAML parse error on t.yaml: error converting YAML to JSON: yaml: invalid map key: a map or list (by"
                        + " line 2 the document holds more values than runway-render reads to print the key as Helm"
                        + " does; use a string as the key)",
                e.getMessage());
    }

    @Test
    void aFewAliasesAreRead() {
        ManifestHead head = ManifestHead.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: &n cm}
                data: {a: *n, b: *n}
                """, "t.yaml");
        assertEquals("cm", head.name());
    }
}
