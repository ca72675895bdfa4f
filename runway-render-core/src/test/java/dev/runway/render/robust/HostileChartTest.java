package dev.runway.render.robust;

import dev.runway.render.chart.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
            TarBuilder tar = new TarBuilder().file("l" + level + "/Chart.yaml", String.format(CHART_YAML, "l" + level))
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
        Files.write(chart.resolve("charts/sub.tgz"), new TarBuilder().file("sub/Chart.yaml",
                String.format(CHART_YAML, "sub")).file("sub/../../evil.txt", "x").tgz());
        expect("tgz-parent", chart, "ERROR",
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
        Path chart = chart("templates/t.yaml",
                "n: {{ len (.Files.Glob \"files/" + "{*,*}".repeat(40) + "z\") }}\n");
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

    private Path chart(String template, String text) throws IOException {
        Path chart = TempCharts.write(tmp.resolve("hostile"), Map.of("Chart.yaml", String.format(CHART_YAML,
                "hostile"), template, text));
        Files.createDirectories(chart.resolve("charts"));
        Files.createDirectories(chart.resolve("files"));
        return chart;
    }

    private static void expect(String name, Path chart, String outcome, String detail)
            throws IOException, InterruptedException {
        ForkedRender.expect(name, List.of("--chart", chart.toString()), outcome, detail);
    }
}
