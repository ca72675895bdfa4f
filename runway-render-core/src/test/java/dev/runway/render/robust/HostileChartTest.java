package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.chart.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, hostile charts: packaged subcharts nested to unpack to gigabytes or to recurse without end, entries that
 * leave the chart, and globs or .helmignore rules that made a backtracking matcher run for hours. Each chart renders
 * in a JVM of its own with {@code -Xmx256m} ({@link ForkedRender}) and must end within seconds with Helm's
 * output or the project's own error.
 */
class HostileChartTest {
    private static final String CHART_YAML = "apiVersion: v2\nname: %s\nversion: 0.1.0\n";
    /** A file name of 250 characters (file systems allow 255): long enough for any backtracking to explode. */
    private static final String LONG_NAME = "a".repeat(250);

    private static final String STARS = "*a".repeat(12) + "z";

    @TempDir
    Path tmp;

    @Test
    void nestedArchivesShareOneDecompressionBudget() throws Exception {
        // 60 levels, each with a 4 MiB file of zeros (4 KB packed): about 250 KB that unpacks to 240 MiB.
        byte[] inner = null;
        for (int level = 60; level >= 1; level--) {
            TarBuilder tar = new TarBuilder()
                    .file("l" + level + "/Chart.yaml", String.format(CHART_YAML, "l" + level))
                    .file("l" + level + "/files/zeros.bin", new byte[4 << 20]);
            if (inner != null) {
                tar.file("l" + level + "/charts/l" + (level + 1) + ".tgz", inner);
            }
            inner = tar.tgz();
        }
        Path chart = chart("templates/t.yaml", "a: 1\n");
        Files.write(chart.resolve("charts/l1.tgz"), inner);
        assertTrue(Files.size(chart.resolve("charts/l1.tgz")) < 400_000);
        expect("nested-tgz-bomb", chart, "ERROR", "decompressed chart is larger than the maximum size 104857600");
    }

    @Test
    void archiveNestingIsBounded() throws Exception {
        byte[] inner = null;
        for (int level = 80; level >= 1; level--) {
            TarBuilder tar = new TarBuilder().file("l" + level + "/Chart.yaml", String.format(CHART_YAML, "l" + level));
            if (inner != null) {
                tar.file("l" + level + "/charts/l" + (level + 1) + ".tgz", inner);
            }
            inner = tar.tgz();
        }
        Path chart = chart("templates/t.yaml", "a: 1\n");
        Files.write(chart.resolve("charts/l1.tgz"), inner);
        expect("nested-tgz-deep", chart, "ERROR", "packaged subcharts nest more than 64 levels deep");
    }

    @Test
    void archiveEntryLeavingTheChart() throws Exception {
        Path chart = chart("templates/t.yaml", "a: 1\n");
        Files.write(
                chart.resolve("charts/sub.tgz"),
                new TarBuilder()
                        .file("sub/Chart.yaml", String.format(CHART_YAML, "sub"))
                        .file("sub/../../evil.txt", "x")
                        .tgz());
        expect(
                "tgz-parent",
                chart,
                "ERROR",
                "error unpacking subchart sub.tgz in hostile: chart illegally references parent directory");
    }

    @Test
    void globWithManyStarsAgainstALongName() throws Exception {
        Path chart = chart("templates/t.yaml", "n: {{ len (.Files.Glob \"files/" + STARS + "\") }}\n");
        Files.writeString(chart.resolve("files/" + LONG_NAME), "x");
        expect("glob-stars", chart, "OK", "n: 0");
    }

    @Test
    void globWithRepeatedAlternatives() throws Exception {
        Path chart = chart("templates/t.yaml", "n: {{ len (.Files.Glob \"files/" + "{*,*}".repeat(40) + "z\") }}\n");
        Files.writeString(chart.resolve("files/" + LONG_NAME), "x");
        expect("glob-braces", chart, "OK", "n: 0");
    }

    @Test
    void helmignoreRuleWithManyStars() throws Exception {
        Path chart = chart("templates/t.yaml", "n: {{ len (.Files.Glob \"files/*\") }}\n");
        Files.writeString(chart.resolve(".helmignore"), STARS + "\n");
        Files.writeString(chart.resolve("files/" + LONG_NAME), "x");
        expect("helmignore-stars", chart, "OK", "n: 1");
    }

    /** 342 bytes that expand to 10^9 strings: go-yaml stops it by its alias ratio rule (decode.go). */
    private static final String BILLION_LAUGHS =
            "a: &a [" + String.join(",", java.util.Collections.nCopies(9, "\"lol\"")) + "]\n"
                    + "bcdefghi"
                            .chars()
                            .mapToObj(c -> (char) c + ": &" + (char) c + " ["
                                    + String.join(",", java.util.Collections.nCopies(9, "*" + (char) (c - 1))) + "]\n")
                            .collect(java.util.stream.Collectors.joining());

    private static final String EXCESSIVE_ALIASING =
            "error converting YAML to JSON: yaml: document contains excessive aliasing";

    @Test
    void billionLaughsInTheChartsValues() throws Exception {
        Path chart = chart("templates/t.yaml", "a: 1\n");
        assertTrue(BILLION_LAUGHS.length() == 342, BILLION_LAUGHS);
        Files.writeString(chart.resolve("values.yaml"), BILLION_LAUGHS);
        expect(
                "values-billion-laughs",
                chart,
                "ERROR",
                "cannot load values.yaml: cannot unmarshal yaml document: " + EXCESSIVE_ALIASING);
    }

    @Test
    void billionLaughsInChartYaml() throws Exception {
        Path chart = chart("templates/t.yaml", "a: 1\n");
        Files.writeString(chart.resolve("Chart.yaml"), String.format(CHART_YAML, "hostile") + BILLION_LAUGHS);
        expect("chart-yaml-billion-laughs", chart, "ERROR", "cannot load Chart.yaml: " + EXCESSIVE_ALIASING);
    }

    @Test
    void billionLaughsThroughFromYaml() throws Exception {
        Path chart = chart("templates/t.yaml", """
                e: {{ (fromYaml .Values.doc).Error | quote }}
                n: {{ len (fromYamlArray .Values.doc) }}
                """);
        Files.writeString(chart.resolve("values.yaml"), "doc: |\n" + BILLION_LAUGHS.indent(2));
        expect("fromYaml-billion-laughs", chart, "OK", "e: \"" + EXCESSIVE_ALIASING + "\" n: 1");
    }

    /** Helm's answers (Helm 4.1 CLI): go-yaml's scanner past 10,000 levels, encoding/json's at 10,000 with the map. */
    @Test
    void valuesNestedDeeperThanGoYamlAllows() throws Exception {
        Path chart = chart("templates/t.yaml", "n: {{ kindOf .Values.a }}\n");
        Files.writeString(chart.resolve("values.yaml"), "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        expect(
                "values-deep-flow",
                chart,
                "ERROR",
                "cannot load values.yaml: cannot unmarshal yaml document: "
                        + "error converting YAML to JSON: yaml: exceeded max depth of 10000");
        Files.writeString(chart.resolve("values.yaml"), "a:\n" + "- ".repeat(100_000) + "x\n");
        expect(
                "values-deep-block",
                chart,
                "ERROR",
                "error converting YAML to JSON: yaml: line 2: exceeded max depth" + " of 10000");
        Files.writeString(
                chart.resolve("values.yaml"),
                "a:\n" + "- ".repeat(6_000) + "{\"b\": ".repeat(6_000) + "1" + "}".repeat(6_000) + "\n");
        expect(
                "values-deep-mixed",
                chart,
                "ERROR",
                "cannot unmarshal yaml document: error unmarshaling JSON: "
                        + "while decoding JSON: invalid character '{' exceeded max depth");
    }

    @Test
    void valuesNestedAsDeepAsHelmAllows() throws Exception {
        Path chart = chart("templates/t.yaml", "n: {{ kindOf .Values.a }}\n");
        Files.writeString(chart.resolve("values.yaml"), "a:\n" + "- ".repeat(9_999) + "x\n");
        expect("values-deep-9999", chart, "OK", "n: slice");
        Files.writeString(chart.resolve("values.yaml"), "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        expect(
                "values-deep-10000",
                chart,
                "ERROR",
                "error unmarshaling JSON: while decoding JSON: invalid character" + " '[' exceeded max depth");
    }

    @Test
    void fromJsonNestedPastEncodingJsonsLimit() throws Exception {
        Path chart = chart("templates/t.yaml", """
                e: {{ (fromJson .Values.j).Error | quote }}
                n: {{ len (fromJson .Values.k) }}
                l: {{ len (fromJsonArray .Values.l) }}
                """);
        Files.writeString(
                chart.resolve("values.yaml"),
                "j: '{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000)
                        + "}'\nk: '{\"a\":" + "[".repeat(9_999) + "]".repeat(9_999) + "}'\nl: '" + "[".repeat(100_000)
                        + "]".repeat(100_000) + "'\n");
        expect("fromJson-deep", chart, "OK", "e: \"invalid character '[' exceeded max depth\" n: 1 l: 1");
    }

    /** Helm takes {@code --set} with tens of thousands of nested indexes (43,000 fit in one argument). */
    @Test
    void deeplyNestedSetIndexes() throws Exception {
        Path chart = chart("templates/t.yaml", "n: {{ kindOf .Values.a }} {{ kindOf (first .Values.a) }}\n");
        Path set = tmp.resolve("set.arg");
        Files.writeString(set, "a" + "[0]".repeat(30_000) + "=1");
        expect("set-deep-30000", chart, "OK", "n: slice slice", "--set", "@" + set);
        Files.writeString(set, "a" + "[0]".repeat(6_000) + "=1");
        expect("set-deep-6000", chart, "OK", "n: slice slice", "--set", "@" + set);
    }

    /**
     * runway-eks's own serviceId guard (regexMatch, with {@code $}) when the schema is skipped: under RE2 {@code $}
     * does not match before a trailing newline, so "ab\n" is refused as Helm refuses it.
     */
    @Test
    void runwayEksServiceIdGuardWithoutTheSchema() throws Exception {
        Path chart = tmp.resolve("runway-eks");
        Path source = Path.of("..", "charts", "runway-eks");
        try (var paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = chart.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("values.schema.json")) {
                    Files.copy(p, target);
                }
            }
        }
        Path values = Files.writeString(tmp.resolve("v.yaml"), """
                serviceId: "ab\\n"
                image: {repository: registry.example.com/ab, tag: "1"}
                """);
        expect(
                "eks-serviceId-newline",
                chart,
                "ERROR",
                "serviceId \"ab\\n\" is not a DNS-1123 label",
                "-f",
                values.toString());
    }

    /** {@code .Files.Glob "**"} over 20,000 files, read back whole: bounded by the chart's own size limits. */
    @Test
    void globStarStarOverManyFiles() throws Exception {
        Path chart = chart("templates/t.yaml", """
                n: {{ len (.Files.Glob "**") }}
                s: {{ len ((.Files.Glob "files/**").AsConfig) }}
                """);
        for (int i = 0; i < 20_000; i++) {
            Files.writeString(chart.resolve("files/f" + i + ".txt"), "x");
        }
        expect("glob-starstar-many", chart, "OK", "n: 20000");
    }

    private Path chart(String template, String text) throws IOException {
        Path chart = TempCharts.write(
                tmp.resolve("hostile"), Map.of("Chart.yaml", String.format(CHART_YAML, "hostile"), template, text));
        Files.createDirectories(chart.resolve("charts"));
        Files.createDirectories(chart.resolve("files"));
        return chart;
    }

    /** {@code flags}: user values for {@link HostileEngineMain} before the chart ({@code --set <line>}). */
    private static void expect(String name, Path chart, String outcome, String detail, String... flags)
            throws IOException, InterruptedException {
        List<String> arguments = new java.util.ArrayList<>(List.of(flags));
        arguments.addAll(List.of("--chart", chart.toString()));
        ForkedRender.expect(name, arguments, outcome, detail);
    }
}
