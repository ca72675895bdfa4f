package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.gofmt.GoFmt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Proves the YAML/JSON reader and writers against real Helm without the template engine: a probe chart prints, for
 * every key of a values file, what {@code toYaml}, {@code toJson} and friends give in Helm; the same values file read
 * with {@link GoYaml#read} and written with {@link GoYaml#toYaml} etc. must give the same bytes.
 */
class GoYamlOracleTest {

    /** Probe name -> (Helm expression over $v, our computation). */
    private static final Map<String, Probe> PROBES = new LinkedHashMap<>();

    record Probe(String expression, Function<Object, String> ours) {}

    static {
        PROBES.put("yaml", new Probe("toYaml $v", GoYaml::toYaml));
        PROBES.put("yamlInMap", new Probe("toYaml (dict \"key\" $v)", v -> GoYaml.toYaml(single("key", v))));
        PROBES.put("yamlInList", new Probe("toYaml (list $v)", v -> GoYaml.toYaml(listOf(v))));
        PROBES.put(
                "yamlDeep",
                new Probe(
                        "toYaml (dict \"a\" (dict \"b\" (list (list $v))))",
                        v -> GoYaml.toYaml(single("a", single("b", listOf(listOf(v)))))));
        PROBES.put(
                "yamlPretty", new Probe("toYamlPretty (dict \"key\" $v)", v -> GoYaml.toYamlPretty(single("key", v))));
        PROBES.put("json", new Probe("toJson $v", GoJson::toJson));
        PROBES.put("pretty", new Probe("toPrettyJson $v", GoJson::toPrettyJson));
        PROBES.put("raw", new Probe("toRawJson $v", GoJson::toRawJson));
        PROBES.put("printV", new Probe("printf \"%v\" $v", GoFmt::formatValue));
        PROBES.put("kind", new Probe("kindOf $v", GoYamlOracleTest::kindOf));
    }

    private static Map<String, Object> single(String k, Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    private static List<Object> listOf(Object v) {
        List<Object> l = new ArrayList<>();
        l.add(v);
        return l;
    }

    static String kindOf(Object v) {
        if (v == null) {
            return "invalid";
        }
        if (v instanceof Map) {
            return "map";
        }
        if (v instanceof List) {
            return "slice";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double) {
            return "float64";
        }
        return v.getClass().getSimpleName();
    }

    @Test
    void handWrittenStructures() throws IOException {
        compareWithHelm("structures.yaml", resource("yaml-oracle/structures.yaml"));
    }

    @Test
    void trickyStrings() throws IOException {
        compareWithHelm("strings.yaml", OracleCases.stringsValuesFile());
    }

    @Test
    void numbers() throws IOException {
        compareWithHelm("numbers.yaml", OracleCases.numbersValuesFile());
    }

    @Test
    void trickyKeys() throws IOException {
        compareWithHelm("keys.yaml", OracleCases.keysValuesFile());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoYamlOracleTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void compareWithHelm(String name, String valuesYaml) throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        PROBES.forEach((k, p) -> expressions.put(k, p.expression()));
        OracleProbe.Outcome outcome;
        try {
            outcome = OracleProbe.run(valuesYaml, expressions);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            Assumptions.abort("helm-java native library unavailable: " + e);
            return;
        }
        assertNull(outcome.error(), "Helm failed on " + name);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) GoYaml.read(valuesYaml, name);
        int pass = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            for (Map.Entry<String, Probe> probe : PROBES.entrySet()) {
                String key = probe.getKey() + "." + entry.getKey();
                String helm = outcome.outputs().get(key);
                if (helm == null) {
                    // Helm drops keys whose value is null when it coalesces values; nothing to compare.
                    continue;
                }
                String ours;
                try {
                    ours = probe.getValue().ours().apply(entry.getValue());
                } catch (RuntimeException e) {
                    ours = "<exception " + e + ">";
                }
                if (helm.equals(ours)) {
                    pass++;
                } else {
                    failures.add(key + "\n  helm: " + show(helm) + "\n  ours: " + show(ours));
                }
            }
        }
        System.out.printf("[oracle] %s: %d passed, %d failed%n", name, pass, failures.size());
        failures.forEach(f -> System.out.println("[oracle] MISMATCH " + f));
        assertTrue(pass > 0, "no comparisons ran for " + name);
        assertEquals(List.of(), failures, name + ": outputs differ from Helm");
    }

    private static String show(String s) {
        return s.replace("\n", "⏎\n        ");
    }
}
