package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile strings (newlines, {@code : }, {@code ---}, anchors, tags, template and Flux syntax, very long strings,
 * unicode look-alikes and controls) put into each user-supplied text value of runway-eks, one field at a time: the
 * render has the same resources and keys as without it, and the field holds exactly the string given; or the
 * chart's schema refuses the value with a message naming the field (label syntax; the three line breaks that
 * Helm's toYaml writes back altered).
 */
class HostileValuesTest {

    /**
     * Where a hostile string goes: a values path and where to find it again in the output ({@code env[NAME]} first:
     * inside that env entry; empty: the value of the env entry {@code HOSTILE}). {@code constrained}: the schema may
     * refuse some strings there. {@code extraValues}: what the field needs around it (the Namespace is only rendered
     * when asked for). {@code renderedAs}: how the chart writes the string ({@code %s}: as given).
     */
    private record Field(
            String description,
            String kind,
            List<String> valuesPath,
            List<String> outputPath,
            boolean constrained,
            Map<String, Object> extraValues,
            String renderedAs) {
        Field(String description, String kind, List<String> valuesPath, List<String> outputPath) {
            this(description, kind, valuesPath, outputPath, true, Map.of(), "%s");
        }

        Field(String description, String kind, List<String> valuesPath, List<String> outputPath, boolean constrained) {
            this(description, kind, valuesPath, outputPath, constrained, Map.of(), "%s");
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("env value", "Deployment", List.of("env", "HOSTILE"), List.of(), false),
            new Field(
                    "extra label",
                    "Service",
                    List.of("labels", "example.com/hostile"),
                    List.of("metadata", "labels", "example.com/hostile")),
            new Field(
                    "pod label",
                    "Deployment",
                    List.of("podLabels", "example.com/hostile"),
                    List.of("spec", "template", "metadata", "labels", "example.com/hostile")),
            new Field(
                    "annotation",
                    "ConfigMap",
                    List.of("annotations", "example.com/hostile"),
                    List.of("metadata", "annotations", "example.com/hostile")),
            new Field(
                    "pod annotation",
                    "Deployment",
                    List.of("podAnnotations", "example.com/hostile"),
                    List.of("spec", "template", "metadata", "annotations", "example.com/hostile")),
            new Field(
                    "service account annotation",
                    "ServiceAccount",
                    List.of("serviceAccount", "annotations", "example.com/hostile"),
                    List.of("metadata", "annotations", "example.com/hostile")),
            new Field(
                    "node selector",
                    "Deployment",
                    List.of("nodeSelector", "example.com/hostile"),
                    List.of("spec", "template", "spec", "nodeSelector", "example.com/hostile")),
            // The Namespace only renders when asked for.
            new Field(
                    "namespace annotation",
                    "Namespace",
                    List.of("namespace", "annotations", "example.com/hostile"),
                    List.of("metadata", "annotations", "example.com/hostile"),
                    true,
                    Map.of("namespace", Map.of("create", true)),
                    "%s"),
            new Field(
                    "namespace label",
                    "Namespace",
                    List.of("namespace", "labels", "example.com/hostile"),
                    List.of("metadata", "labels", "example.com/hostile"),
                    true,
                    Map.of("namespace", Map.of("create", true)),
                    "%s"),
            new Field(
                    "cluster variable name",
                    "Deployment",
                    List.of("clusterVarsEnv", "HOSTILE"),
                    List.of(),
                    true,
                    Map.of(),
                    "$(RUNWAY_KEEP_STRING)${%s}"),
            new Field(
                    "secret key of an env variable",
                    "Deployment",
                    List.of("envValueFrom", "HOSTILE", "secretKeyRef", "key"),
                    List.of("env[HOSTILE]", "valueFrom", "secretKeyRef", "key"),
                    true,
                    Map.of("envValueFrom", Map.of("HOSTILE", Map.of("secretKeyRef", Map.of("name", "app-secrets")))),
                    "%s"),
            new Field(
                    "cluster secret store",
                    "ExternalSecret",
                    List.of("externalSecrets", "clusterSecretStore"),
                    List.of("spec", "secretStoreRef", "name")),
            new Field(
                    "secret refresh interval",
                    "ExternalSecret",
                    List.of("externalSecrets", "refreshInterval"),
                    List.of("spec", "refreshInterval")));

    private static final Pattern SURROGATE_PAIR =
            Pattern.compile("\\\\u(d[89ab][0-9a-f]{2})\\\\u(d[c-f][0-9a-f]{2})", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    static List<String> corpus() throws IOException {
        try (InputStream in = HostileValuesTest.class.getResourceAsStream("/hostile/values.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {});
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileValueStaysInsideItsField() throws IOException {
        List<String> corpus = corpus();
        assertTrue(corpus.size() >= 50, "the corpus must hold at least 50 values, has " + corpus.size());
        // Each field's baseline holds a plain word where the hostile string goes, or the chart's default where the
        // schema wants a particular form (a duration).
        Map<Field, RunwayEksChartTest.Manifests> baselines = new HashMap<>();
        for (Field field : FIELDS) {
            Map<String, Object> values = mutableCopy(field.extraValues());
            put(values, field.valuesPath(), "plain");
            HelmOracle.Result baseline = render(values);
            if (baseline.failed()) {
                baseline = render(mutableCopy(field.extraValues()));
            }
            assertNull(baseline.error(), field.description() + ": the baseline must render");
            baselines.put(field, RunwayEksChartTest.Manifests.parse(baseline.output()));
        }
        return IntStream.range(0, corpus.size())
                .boxed()
                .flatMap(i -> FIELDS.stream()
                        .map(field -> DynamicTest.dynamicTest(
                                i + " in " + field.description() + ": " + printable(corpus.get(i)),
                                () -> checkValue(corpus.get(i), field, baselines.get(field)))));
    }

    private void checkValue(String hostile, Field field, RunwayEksChartTest.Manifests baseline) throws IOException {
        Map<String, Object> values = mutableCopy(field.extraValues());
        put(values, field.valuesPath(), hostile);
        HelmOracle.Result result = render(values);
        if (result.failed()) {
            assertTrue(
                    field.constrained(),
                    () -> field.description() + " takes any string, but Helm failed: " + result.error());
            assertTrue(
                    result.error().contains("values don't meet the specifications of the schema")
                            && result.error().contains("/" + field.valuesPath().get(0)),
                    () -> "only the schema may refuse it, naming "
                            + field.valuesPath().get(0) + ": " + result.error());
            return;
        }
        RunwayEksChartTest.Manifests rendered = RunwayEksChartTest.Manifests.parse(result.output());

        assertEquals(baseline.documents().size(), rendered.documents().size(), "no document added or lost");
        for (int i = 0; i < baseline.documents().size(); i++) {
            Map<String, Object> before = baseline.documents().get(i);
            Map<String, Object> after = rendered.documents().get(i);
            assertEquals(before.get("kind"), after.get("kind"), "resources keep their order and kind");
            assertEquals(before.keySet(), after.keySet(), "no top-level key added or lost in " + after.get("kind"));
        }
        Map<String, Object> resource = rendered.single(field.kind());
        Object found;
        if (field.outputPath().isEmpty()) {
            found = envEntry(rendered, resource, "HOSTILE").get("value");
        } else if (field.outputPath().get(0).startsWith("env[")) {
            String name = field.outputPath()
                    .get(0)
                    .substring(4, field.outputPath().get(0).length() - 1);
            found = rendered.path(
                    envEntry(rendered, resource, name),
                    field.outputPath().subList(1, field.outputPath().size()).toArray(String[]::new));
        } else {
            found = rendered.path(resource, field.outputPath().toArray(String[]::new));
        }
        assertEquals(
                String.format(field.renderedAs(), hostile),
                found,
                field.description() + " must hold exactly the value given");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envEntry(
            RunwayEksChartTest.Manifests rendered, Map<String, Object> deployment, String name) {
        Map<String, Object> container = ((List<Map<String, Object>>)
                        rendered.path(deployment, "spec", "template", "spec", "containers"))
                .get(0);
        return ((List<Map<String, Object>>) container.get("env"))
                .stream().filter(e -> name.equals(e.get("name"))).findFirst().orElse(Map.of());
    }

    /** A deep, mutable copy of nested maps, to put a value into. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableCopy(Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? mutableCopy((Map<String, Object>) m) : v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> values, List<String> path, String value) {
        Map<String, Object> current = values;
        for (String key : path.subList(0, path.size() - 1)) {
            current = (Map<String, Object>) current.computeIfAbsent(key, k -> new LinkedHashMap<>());
        }
        current.put(path.get(path.size() - 1), value);
    }

    private HelmOracle.Result render(Map<String, Object> extra) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("serviceId", "payments");
        values.put("image", Map.of("repository", "registry.example.com/payments", "tag", "1.0.0"));
        // Vault secrets on, so the ExternalSecret's fields get hostile values too.
        Map<String, Object> secrets = new LinkedHashMap<>(Map.of("enabled", true, "environment", "staging"));
        if (extra.get("externalSecrets") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> secrets.put((String) k, v));
        }
        values.putAll(extra);
        values.put("externalSecrets", secrets);
        // JSON is YAML, and with every non-ASCII character escaped no YAML 1.1 reader can take a string for a bool,
        // a number or a line break: the file says exactly what we mean.
        String json = astralEscapes(new ObjectMapper()
                .writer()
                .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                .writeValueAsString(values));
        Path file = Files.writeString(dir.resolve("values.yaml"), json, StandardCharsets.UTF_8);
        HelmOracle.Result result = HelmOracle.template(
                HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), "payments", "payments", file));
        return result;
    }

    /** JSON escapes a character beyond U+FFFF as two surrogates; YAML wants one {@code \UXXXXXXXX} escape. */
    private static String astralEscapes(String json) {
        Matcher pair = SURROGATE_PAIR.matcher(json);
        StringBuilder out = new StringBuilder();
        while (pair.find()) {
            int codePoint = Character.toCodePoint(
                    (char) Integer.parseInt(pair.group(1), 16), (char) Integer.parseInt(pair.group(2), 16));
            pair.appendReplacement(out, Matcher.quoteReplacement(String.format("\\U%08x", codePoint)));
        }
        return pair.appendTail(out).toString();
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints()
                .limit(40)
                .forEach(c -> out.append(
                        c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x202e
                                ? String.format("\\u%04x", c)
                                : Character.toString(c)));
        return value.length() > 40 ? out + "..." : out.toString();
    }
}
