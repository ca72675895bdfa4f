package dev.runway.render.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.manifest.ManifestStreamParser.Document;
import dev.runway.render.manifest.ManifestStreamParser.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestStreamParserTest {

    private static final String OUTPUT = """
            ---
            # Source: c/templates/a.yaml
            kind: A
            metadata:
              name: a

            --- \t

            # Source: c/templates/comment.yaml
            # only a comment
            --- # marker comment

            # Source: c/templates/b.yaml
              kind: B
              metadata: {name: b, namespace: ns}
            --- kind: C
            """;

    @Test
    void splitsAtMarkerLinesAndKeepsSourcesAndLines() {
        List<Document> documents = ManifestStreamParser.documents(OUTPUT);

        assertEquals(
                List.of(
                        new Document("c/templates/a.yaml", "kind: A\nmetadata:\n  name: a\n", 3),
                        new Document("c/templates/b.yaml", "  kind: B\n  metadata: {name: b, namespace: ns}\n", 14),
                        new Document("", "kind: C\n", 16)),
                documents);
    }

    @Test
    void crlfAndByteOrderMarkReadAsLf() {
        assertEquals(
                ManifestStreamParser.documents(OUTPUT),
                ManifestStreamParser.documents("\uFEFF" + OUTPUT.replace("\n", "\r\n")));
    }

    @Test
    void readsIdentityOfEachDocument() {
        RenderedChart chart = ManifestStreamParser.parse(OUTPUT, Mode.STRICT);

        assertEquals(
                List.of("A//a", "B/ns/b", "C//"),
                chart.manifests().stream()
                        .map(m -> m.kind() + "/" + m.namespace() + "/" + m.name())
                        .toList());
        assertEquals(OUTPUT, chart.output());
    }

    @Test
    void modesDifferInWhatAnInvalidDocumentDoes() {
        String output = """
                ---
                # Source: c/templates/ok.yaml
                kind: A
                ---
                # Source: c/templates/bad.yaml
                kind: B
                  x: [oops
                """;

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ManifestStreamParser.parse(output, Mode.STRICT));
        assertTrue(
                error.getMessage()
                        .startsWith("helm template output, document 2 (c/templates/bad.yaml) starting at"
                                + " line 6: not valid YAML at line "),
                error.getMessage());

        RenderedChart lenient = ManifestStreamParser.parse(output, Mode.LENIENT);
        assertEquals(2, lenient.manifests().size());
        assertEquals("", lenient.manifests().get(1).kind());
        assertEquals("c/templates/bad.yaml", lenient.manifests().get(1).source());
    }
}
