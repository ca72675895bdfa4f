package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FlatYamlMap answers only where the full parse gives the same map, and steps aside everywhere else. */
class FlatYamlMapTest {

    @Test
    void readsTheLabelsToYamlWrites() {
        String labels = "app.kubernetes.io/instance: payments\napp.kubernetes.io/name: svc-12\nhelm.sh/chart: x-1.2.3";
        Map<String, Object> flat = FlatYamlMap.read(labels);
        assertEquals(
                Map.of(
                        "app.kubernetes.io/instance", "payments",
                        "app.kubernetes.io/name", "svc-12",
                        "helm.sh/chart", "x-1.2.3"),
                flat);
        assertEquals(
                List.of("app.kubernetes.io/instance", "app.kubernetes.io/name", "helm.sh/chart"),
                List.copyOf(flat.keySet()));
        assertEquals(GoYaml.fromYaml(labels + "\n"), GoYaml.read(labels));
    }

    @Test
    void leavesEverythingElseToTheFullParse() {
        for (String text : List.of(
                "",
                "a: true",
                "a: 1",
                "a: 1e3",
                "a: null",
                "a: 2001-12-14",
                "yes: a",
                "a: b\na: c",
                "a: 'b'",
                "a:  b",
                "a: b # c",
                "a:\n  b: c",
                " a: b",
                "a: b\n\nc: d",
                "<<: a",
                "a: -b",
                "a: b c")) {
            assertNull(FlatYamlMap.read(text), text);
        }
    }

    @Test
    void agreesWithTheFullParseOnGeneratedTexts() {
        String[] tokens = {
            "a",
            "Zz",
            "0",
            "1",
            "12",
            ".",
            "-",
            "/",
            "_",
            ":",
            ": ",
            " ",
            "\n",
            "true",
            "yes",
            "y",
            "n",
            "on",
            "null",
            "~",
            "1e3",
            "0x1F",
            "0o7",
            "2001-12-14",
            "1.2.3",
            "<<",
            "#",
            "'",
            "\"",
            "é",
            "\t",
            "app.kubernetes.io/name"
        };
        Random random = new Random(19);
        int answered = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + random.nextInt(4);
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    sb.append('\n');
                }
                // Mostly key: value lines built from tokens, so that many texts are ones the fast path answers.
                sb.append(word(random, tokens)).append(random.nextInt(5) == 0 ? word(random, tokens) : ": ");
                sb.append(word(random, tokens));
            }
            if (random.nextBoolean()) {
                sb.append('\n');
            }
            String text = sb.toString();
            Map<String, Object> flat = FlatYamlMap.read(text);
            if (flat != null) {
                answered++;
                Object full = GoYaml.read(text);
                assertEquals(full, flat, text);
                assertEquals(List.copyOf(((Map<?, ?>) full).keySet()), List.copyOf(flat.keySet()), text);
            }
        }
        assertTrue(answered > 200, "answered " + answered);
    }

    private static String word(Random random, String[] tokens) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            sb.append(tokens[random.nextInt(tokens.length)]);
        }
        return sb.toString();
    }
}
