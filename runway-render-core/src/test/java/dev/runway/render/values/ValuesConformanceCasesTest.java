package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code conformance/values-*} cases (the engine's harness renders them end to end). Here, before the
 * engine exists, each case whose chart has no defaults and dumps {@code .Values} checks our user-values
 * pipeline alone against Helm: values files in order, then the case's {@code set} entries as helm-java applies
 * them. Cases that need coalescing with chart defaults are checked for what Helm itself prints.
 */
class ValuesConformanceCasesTest {
    private static final Path CASES = Path.of("src/test/resources/conformance");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> valuesCases() throws IOException {
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> groups = Files.list(CASES)) {
            for (Path group : groups.filter(p -> p.getFileName().toString().startsWith("values-"))
                    .sorted()
                    .toList()) {
                try (Stream<Path> inGroup = Files.list(group)) {
                    inGroup.filter(Files::isDirectory).sorted().forEach(cases::add);
                }
            }
        }
        assertTrue(cases.size() >= 10, "values cases found: " + cases);
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(CASES.relativize(dir).toString(), () -> check(dir)));
    }

    @SuppressWarnings("unchecked")
    private void check(Path caseDir) throws IOException {
        Path chart = work.resolve(caseDir.getFileName());
        copy(caseDir, chart);
        if (!Files.exists(chart.resolve("Chart.yaml"))) {
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: conformance\nversion: 0.1.0\n");
        }
        Map<String, Object> spec = Files.exists(caseDir.resolve("case.yaml"))
                ? YAML.readValue(caseDir.resolve("case.yaml").toFile(), Map.class)
                : Map.of();
        List<String> files = (List<String>) spec.getOrDefault("valuesFiles", List.of());
        Map<String, Object> set = (Map<String, Object>) spec.getOrDefault("set", Map.of());
        assertTrue(set.size() <= 1, "helm-java applies set entries in random order: one entry per case");
        HelmOracle.Result helm = HelmOracle.template(new HelmOracle.Request(
                chart,
                (String) spec.getOrDefault("release", "release"),
                (String) spec.getOrDefault("namespace", "default"),
                HelmOracle.DEFAULT_KUBE_VERSION,
                files.stream().map(chart::resolve).toList(),
                set));

        boolean pureUserValues =
                Files.exists(chart.resolve("templates/dump.yaml")) && !Files.exists(chart.resolve("values.yaml"));
        if (!pureUserValues) {
            assertFalse(helm.failed(), () -> "Helm failed: " + helm.error());
            checkHelmFacts(caseDir.getFileName().toString(), helm.output());
            return;
        }
        List<Path> valuesFiles = files.stream().map(chart::resolve).toList();
        if (helm.failed()) {
            SetValueException e = assertThrows(
                    SetValueException.class,
                    () -> HelmJavaSet.userValues(valuesFiles, set),
                    () -> "Helm failed (" + helm.error() + ") but our merge did not");
            assertEquals(helm.error(), e.getMessage());
            return;
        }
        assertEquals(helmDump(helm.output()), GoValueDump.dump(HelmJavaSet.userValues(valuesFiles, set)));
    }

    /** What Helm prints for the coalescing cases: facts the engine must reproduce. */
    private static void checkHelmFacts(String name, String output) {
        switch (name) {
            case "number-printing" -> {
                assertTrue(output.contains("fromFile: \"1e+06\""), output);
                assertTrue(output.contains("fromFileJson: \"1000000\""), output);
                assertTrue(output.contains("fromSet: \"1000000\""), output);
                assertTrue(output.contains("kinds: \"float64 int64\""), output);
            }
            case "null-deletes-default" -> {
                assertTrue(output.contains("memory: 128Mi"), output);
                assertFalse(output.contains("cpu:"), output);
                assertFalse(output.contains("limits"), output);
                assertTrue(output.contains("keep: default"), output);
            }
            case "globals-subchart" -> {
                String sub = output.substring(output.indexOf("# Source: parent/charts/sub/templates/cm.yaml"));
                sub = sub.contains("\n---") ? sub.substring(0, sub.indexOf("\n---")) : sub;
                for (String fact : List.of("env: prod", "team: a", "x: 1", "name: user", "z: only-sub")) {
                    assertTrue(sub.contains(fact), fact + " in\n" + sub);
                }
                assertFalse(sub.contains("own: parent"), sub);
            }
            default -> throw new AssertionError("no facts written down for " + name + ":\n" + output);
        }
    }

    private static String helmDump(String output) {
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("# ") && !line.startsWith("# Source:")) {
                return line.substring(2);
            }
        }
        throw new AssertionError("no dump line in Helm's output:\n" + output);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
