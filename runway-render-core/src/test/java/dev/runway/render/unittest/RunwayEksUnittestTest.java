package dev.runway.render.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runway-eks chart's own helm-unittest suites (charts/runway-eks/tests) run in every build. */
class RunwayEksUnittestTest {
    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    @Test
    void runwayEksSuitesPass() {
        UnittestReport report = UnittestRunner.builder().build().run(List.of(CHART));
        StringBuilder out = new StringBuilder();
        report.print(line -> out.append(line).append('\n'), CHART, "-Drunway.unittest.updateSnapshot");
        assertTrue(report.passed(), out.toString());
        assertEquals(3, report.suiteCounts().passed(), out.toString());
        assertEquals(14, report.testCounts().passed(), out.toString());
        assertEquals(0, report.snapshotsCreated(), "snapshots are committed: " + out);
    }
}
