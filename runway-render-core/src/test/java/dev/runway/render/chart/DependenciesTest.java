package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.semver.SemverRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dependency handling that the conformance cases cannot show: a hostile chain of imports (Helm itself runs out of
 * memory on it) and the version checks Helm runs without printing them.
 */
class DependenciesTest {
    @TempDir
    Path dir;

    /** Each level imports its child's table twice, so the values double per level: 2^40 without a limit. */
    @Test
    void importsThatDoubleAtEveryLevelStopWithAMessage() throws IOException {
        int levels = 40;
        Path chart = dir.resolve("top");
        for (int i = 0; i <= levels; i++) {
            String name = "l" + i;
            Files.createDirectories(chart.resolve("templates"));
            StringBuilder yaml = new StringBuilder("apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
            if (i < levels) {
                yaml.append("dependencies:\n  - name: l")
                        .append(i + 1)
                        .append("\n    version: 0.1.0\n")
                        .append("    import-values:\n")
                        .append("      - {child: d, parent: d.a}\n      - {child: d, parent: d.b}\n");
            } else {
                Files.writeString(chart.resolve("values.yaml"), "d:\n  x: 1\n");
            }
            Files.writeString(chart.resolve("Chart.yaml"), yaml);
            Files.writeString(chart.resolve("templates/t.yaml"), "# {{ .Chart.Name }}\n");
            chart = chart.resolve("charts/l" + (i + 1));
        }
        Chart loaded = Chart.load(dir.resolve("top"));
        // A hang guard, not a speed target: about 2 s on an idle 2-core machine.
        RenderException e = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThrows(
                        RenderException.class, () -> HelmRenderer.render(loaded, Map.of(), RenderOptions.defaults())));
        assertTrue(e.getMessage().contains("import-values of chart l"), e.getMessage());
        assertTrue(e.getMessage().contains("more than " + Dependencies.MAX_IMPORTED_VALUES), e.getMessage());
    }

    @Test
    void kubeVersionIsCheckedByItsNumericPart() {
        assertEquals("v1.30.2", SemverRange.kubeVersionForCheck("v1.30.2-eks.1"));
        assertEquals("v1.33", SemverRange.kubeVersionForCheck("1.33+"));
        assertEquals("v1.30.2", SemverRange.kubeVersionForCheck("v01.030.2"));
        assertTrue(SemverRange.isCompatible(">= 1.22.0-0", SemverRange.kubeVersionForCheck("v1.30.2-gke.100")));
        assertFalse(
                SemverRange.isCompatible(">= 1.22.0", "v1.30.2-gke.100"), "a pre-release needs a pre-release range");
    }

    @Test
    void rangesThatDoNotParseMatchNothing() {
        for (String range : new String[] {"", " ", "||", ">=", "1.2.3 -", "~>", "1.2.3.4", ">=1.0 <", "a.b.c"}) {
            assertFalse(SemverRange.isCompatible(range, "1.2.3"), range);
        }
        assertFalse(SemverRange.isCompatible(">=1.0.0", "not-a-version"));
        // RE2/J: a long hostile range is linear, not a backtracking hang.
        String hostile = "1".repeat(200_000) + "|" + " ".repeat(200_000) + "-";
        assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> assertFalse(SemverRange.isCompatible(hostile, "1.0.0")));
    }
}
