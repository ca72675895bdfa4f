package dev.runway.render.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.bench.RenderBenchmark;
import dev.runway.render.chart.Chart;
import dev.runway.render.yaml.GoYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast head scanner answers only when it is sure, and then exactly as the full parse does. */
class ManifestHeadScannerTest {
    private static final String SAMPLE = """
            # a comment
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: "payments"
              namespace: 'prod'
              labels:
                app.kubernetes.io/name: payments
              annotations:
                helm.sh/hook: pre-install,post-install
                empty:
                quoted: "a \\"b\\" c"
                flag: true
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - name: app
                    args:
                    - --port=8080
                    - -v
                    env: []
                    resources: {}
                    command:
                      - sh
                      -
                        nested: 1
                  volumes:
                  - name: config
                    configMap:
                      name: x
            data:
              script.sh: |
                #!/bin/sh
                echo "key: value" # not a comment

                exit 0
              folded: >-
                one
                two
              empty: |
            tail: end
            """;

    @Test
    void readsTheHeadOfATypicalManifest() {
        ManifestHead head = ManifestHeadScanner.scan(SAMPLE);
        assertNotNull(head, "the scanner should be sure of a plain manifest");
        assertEquals(ManifestHead.parse(SAMPLE, "t.yaml"), head);
        assertEquals("Deployment", head.kind());
        assertEquals("payments", head.name());
        assertEquals("prod", head.namespace());
        assertEquals("pre-install,post-install", head.hook());
        assertEquals("", head.annotations().get("empty"));
        assertEquals("a \"b\" c", head.annotations().get("quoted"));
    }

    @Test
    void stepsAsideWhereItIsNotSure() {
        for (String doc : List.of(
                "- a\n- b",
                "hello",
                "a: &x 1\nb: *x",
                "a: !!str 1",
                "a: [1, 2]",
                "a: b: c",
                "a:\n  b\n  c",
                "a: 1 # c",
                "a:\tb",
                "\ta: 1",
                "a: \"open",
                "kind: |\n  x",
                "---\na: 1",
                "a: 1\n b: 2",
                "a: '\u0001'",
                "kind: 1",
                "a:\n- x\n b: 1",
                "  a: 1\nb: 2",
                "\"k\": v",
                "a: |2\n   x")) {
            assertNull(ManifestHeadScanner.scan(doc), doc);
        }
    }

    @Test
    void agreesWithTheFullParseOnMutatedManifests() throws Exception {
        List<String> seeds = new ArrayList<>();
        seeds.add(SAMPLE);
        seeds.addAll(runwayEksDocuments());
        int sure = 0;
        Random random = new Random(19);
        char[] scratch = new char[0];
        String alphabet = " \n\t:-#'\"|>{}[],&*!?%@`\\abcz019.~/";
        for (int n = 0; n < 30_000; n++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            StringBuilder b = new StringBuilder(seed);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && b.length() > 0; e++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(4)) {
                    case 0 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> b.deleteCharAt(at);
                    case 2 -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> {
                        int lineStart = b.lastIndexOf("\n", at) + 1;
                        b.insert(lineStart, random.nextBoolean() ? "  " : " ");
                    }
                }
            }
            String doc = b.toString();
            ManifestHead fast = ManifestHeadScanner.scan(doc);
            // The render's way: one scratch array for all documents, longer than most and holding an earlier one's
            // characters past this one's end, which must not change the answer.
            if (scratch.length < doc.length()) {
                scratch = new char[doc.length() + 63];
                java.util.Arrays.fill(scratch, ':');
            }
            assertEquals(
                    fast, ManifestHeadScanner.scan(doc, scratch), () -> "scratch array changed the answer on:\n" + doc);
            if (fast == null) {
                continue;
            }
            sure++;
            try {
                ManifestHead full = ManifestHead.parse(doc, "m.yaml", HelmVersion.DEFAULT);
                assertEquals(full, fast, () -> "differs from the full parse on:\n" + doc);
            } catch (RenderException ex) {
                fail("the scanner accepted what the full parse rejects (" + ex.getMessage() + "):\n" + doc);
            }
        }
        // The mutations keep most documents in the subset the scanner is sure of; otherwise this proves little.
        if (sure < 5_000) {
            fail("the scanner was sure of only " + sure + " of 30000 mutated documents");
        }
    }

    @Test
    void readsKeysOfExactlyTheSimpleKeyCharacters() {
        // keyEnd tests key characters with bit masks: each char in a key, at the root and as an annotation's name.
        for (char c = 1; c < 0xFFFF; c++) {
            if (c == '\n' || c == '\r') {
                continue;
            }
            boolean simple = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '/'
                    || c == '-';
            String key = "a" + c + "b";
            String doc = "apiVersion: v1\nkind: K\n" + key + ": 1\nmetadata:\n  annotations:\n    " + key + ": x\n";
            ManifestHead fast = ManifestHeadScanner.scan(doc);
            if (simple) {
                assertNotNull(fast, key);
                assertEquals(Map.of(key, "x"), fast.annotations(), key);
            } else if (fast != null) {
                assertEquals(ManifestHead.parse(doc, "m.yaml"), fast, key);
            }
        }
    }

    @Test
    void isSureOfEveryRunwayEksDocument() throws Exception {
        for (String doc : runwayEksDocuments()) {
            ManifestHead fast = ManifestHeadScanner.scan(doc);
            assertNotNull(fast, () -> "not sure of:\n" + doc);
            assertEquals(ManifestHead.parse(doc, "m.yaml"), fast);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> runwayEksDocuments() throws Exception {
        Path chart = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));
        Map<String, Object> values = (Map<String, Object>) GoYaml.read(RenderBenchmark.VALUES, "values.yaml");
        String output = HelmRenderer.prepare(Chart.load(chart))
                .render(values, RenderOptions.of("payments", "payments"))
                .output();
        List<String> docs = ManifestSplitter.split(output);
        if (docs.size() < 4) {
            fail("runway-eks rendered only " + docs.size() + " documents");
        }
        return docs;
    }
}
