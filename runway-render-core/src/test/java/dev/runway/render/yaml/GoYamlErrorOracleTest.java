package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runway.render.ScratchDirectories;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad values files: the Go error text (after Helm's "failed to parse <file>: ") must match Helm's. */
class GoYamlErrorOracleTest {

    static final List<String> BAD = List.of(
            "a: b: c\n",
            "a: [1\n",
            "a: {b: 1\n",
            "a:\n  - 1\n  b: 2\n",
            "a: 1\n b: 2\n",
            "a: \"unclosed\n",
            "a: 'unclosed\n",
            "key: *missing\n",
            "a: .inf\n",
            "a: -.inf\n",
            "a: .nan\n",
            "- a\n- b\n",
            "just a string\n",
            "a:\n\t- tab\n",
            "a: @b\n",
            "a: `b\n",
            "b: &x [*x]\n",
            "<<: 1\n",
            "a:\n  <<: [1]\n",
            "? [a, b]\n: c\n",
            "~: null key\n",
            "a: !!int \"x\"\n",
            "a: 1\n---\nb: [\n",
            "\"a\": 1\n\"a\n",
            "x:\n  y: 1\n   z: 2\n",
            "ok: 1\na: b: c\n",
            "ok: 1\nbad: @x\n",
            "ok: 1\nlist:\n- a\n  - b\n",
            "ok: 1\n\n\nq: \"a\\qb\"\n",
            "? {a: 1}\n: c\n",
            "a: 1\n{}\n",
            "a:\n  - b\n  []\nc: 1\n",
            "a: 1\n{b: 1}\n",
            "? {b: 1, a: 2}\n: c\n");

    @Test
    void badValuesFilesFailWithHelmsMessage() throws IOException {
        Path chart = ScratchDirectories.create("bad-values").resolve("probe");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/t.yaml"), "# {{ len .Values }}\n");
        int pass = 0;
        List<String> failures = new ArrayList<>();
        for (String text : BAD) {
            Path values = chart.getParent().resolve("values-" + pass + "-" + failures.size() + ".yaml");
            Files.writeString(values, text);
            HelmOracle.Result r = HelmOracle.template(HelmOracle.Request.of(chart, "rel", "default", values));
            String helm = r.failed() ? r.error() : "<no error>";
            int at = helm.indexOf(values.getFileName().toString() + ": ");
            if (at >= 0) {
                helm = helm.substring(at + values.getFileName().toString().length() + 2);
            }
            String ours;
            try {
                Object v = GoYaml.read(text, values.toString());
                ours = v == null || v instanceof java.util.Map
                        ? "<no error>"
                        : "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + GoJson.jsonKind(v)
                                + " into Go value of type map[string]interface {}";
            } catch (GoYamlException e) {
                ours = e.getMessage();
            }
            if (helm.equals(ours)) {
                pass++;
            } else {
                failures.add(GoYamlErrorOracleTestQuote.q(text) + "\n    helm: " + helm + "\n    ours: " + ours);
            }
        }
        System.out.printf("[yaml-errors] %d passed, %d failed%n", pass, failures.size());
        failures.forEach(f -> System.out.println("[yaml-errors] MISMATCH " + f));
        assertEquals(List.of(), failures);
    }

    static final class GoYamlErrorOracleTestQuote {
        static String q(String s) {
            return dev.runway.render.gofmt.GoStrconv.quote(s);
        }
    }
}
