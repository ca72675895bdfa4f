package dev.runway.render.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo chart's suites: every assertion kind passing, each failing, snapshots created, checked and updated. */
class UnittestRunnerTest {
    @TempDir
    Path tmp;

    private Path demo() throws IOException {
        Path source = Path.of("src/test/resources/unittest/demo");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = tmp.resolve("demo").resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return tmp.resolve("demo");
    }

    private static String print(UnittestReport report, Path base) {
        StringBuilder out = new StringBuilder();
        report.print(line -> out.append(line).append('\n'), base, "-u");
        return out.toString();
    }

    @Test
    void everyKindPassesAndSnapshotsAreWrittenThenChecked() throws IOException {
        Path chart = demo();
        UnittestReport first = UnittestRunner.builder().build().run(List.of(chart));
        String out = print(first, chart);
        assertTrue(first.passed(), out);
        assertEquals("2 passed, 2 total", first.suiteCounts().summary(), out);
        assertEquals("7 passed, 1 skipped, 8 total", first.testCounts().summary(), out);
        assertEquals(3, first.snapshotsCreated(), out);
        Path snap = chart.resolve("tests/__snapshot__/all_kinds_test.yaml.snap");
        String text = Files.readString(snap, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("snapshots:\n  1: |\n    replicas: 2\n"), text);
        assertTrue(text.contains("  2: |\n    chart: demo-1.2.3\n"), text);

        UnittestReport second = UnittestRunner.builder().build().run(List.of(chart));
        assertTrue(second.passed(), print(second, chart));
        assertEquals(0, second.snapshotsCreated());
        assertEquals("3 passed, 3 total", second.snapshotCounts().summary());
    }

    @Test
    void aChangedSnapshotFailsUntilUpdated() throws IOException {
        Path chart = demo();
        UnittestRunner.builder().build().run(List.of(chart));
        Path snap = chart.resolve("tests/__snapshot__/all_kinds_test.yaml.snap");
        Files.writeString(snap, Files.readString(snap).replace("replicas: 2", "replicas: 9"));

        UnittestReport changed = UnittestRunner.builder().build().run(List.of(chart));
        String out = print(changed, chart);
        assertFalse(changed.passed(), out);
        assertEquals(1, changed.snapshotCounts().failed(), out);
        assertTrue(out.contains("- asserts[0] `matchSnapshot` fail"), out);
        assertTrue(out.contains("Expected to match snapshot 1:"), out);
        assertTrue(out.contains("-replicas: 9\n\t\t\t\t+replicas: 2"), out);
        assertTrue(out.contains("Snapshot Summary: 1 snapshot failed in 1 test suite. Check changes and use -u"), out);

        UnittestReport updated =
                UnittestRunner.builder().updateSnapshots(true).build().run(List.of(chart));
        assertTrue(updated.passed(), print(updated, chart));
        assertTrue(Files.readString(snap).contains("replicas: 2"));
        assertTrue(UnittestRunner.builder().build().run(List.of(chart)).passed());
    }

    @Test
    void eachFailingAssertionFailsWithHelmUnittestsMessage() throws IOException {
        Path chart = demo();
        UnittestReport report = UnittestRunner.builder()
                .testFiles(List.of("failing/*_test.yaml"))
                .build()
                .run(List.of(chart));
        String out = print(report, chart);
        assertFalse(report.passed(), out);
        assertEquals(
                "15 failed, 1 errored, 0 passed, 15 total", report.testCounts().summary(), out);
        for (String expected : List.of(
                """
                        \t\t\tPath:\tspec.replicas
                        \t\t\tExpected to equal:
                        \t\t\t\t3
                        \t\t\tActual:
                        \t\t\t\t2
                        \t\t\tDiff:
                        \t\t\t\t--- Expected
                        \t\t\t\t+++ Actual
                        \t\t\t\t@@ -1,2 +1,2 @@
                        \t\t\t\t-3
                        \t\t\t\t+2
                        """,
                "- asserts[0] `notEqual` fail",
                "the actual '2' is not greater or equal to the expected '3'",
                "Path:\tspec.missing expected to exists",
                "Expected to contain:\n\t\t\t\t- containerPort: 1",
                "Expected to match:\n\t\t\t\t^x\n\t\t\tActual:\n\t\t\t\trel-web",
                "Expected to be kind:\n\t\t\t\tService\n\t\t\tActual:\n\t\t\t\tDeployment",
                "Expected documents count to be:\n\t\t\t\t5\n\t\t\tActual:\n\t\t\t\t2",
                "Expected to match count:\n\t\t\t\t5\n\t\t\tActual:\n\t\t\t\t2",
                "Expected to be of type:\n\t\t\t\tstring\n\t\t\tActual:\n\t\t\t\tint",
                "Expected to be null or empty, got:\n\t\t\t\tchart: demo-1.2.3",
                "Error: Invalid rendering: %!s(<nil>)",
                "document index 7 is out of range",
                "Error: execution error at (demo/templates/deployment.yaml:1:27): broken on purpose")) {
            assertTrue(out.contains(expected), "missing\n" + expected + "\nin\n" + out);
        }
    }

    @Test
    void writesJUnitXml() throws IOException {
        Path chart = demo();
        UnittestReport report = UnittestRunner.builder()
                .testFiles(List.of("failing/*_test.yaml", "tests/*.yaml"))
                .build()
                .run(List.of(chart));
        Path xml = tmp.resolve("reports/TEST-demo.xml");
        report.writeJUnitXml(xml);
        String text = Files.readString(xml);
        assertTrue(text.contains("<testsuite id=\"0\" tests=\"15\" failures=\"14\" errors=\"1\""), text);
        assertTrue(text.contains("<testcase classname=\"every assertion kind, failing\" name=\"equal\""), text);
        assertTrue(text.contains("<failure message=\"Failed\" type=\"\">"), text);
        assertTrue(text.contains("<skipped message=\"SKIPPED &#39;skipped test&#39; ,\"></skipped>"), text);
    }

    @Test
    void aBrokenSuiteFileStopsItsChartWithTheReason() throws IOException {
        Path chart = demo();
        Files.writeString(chart.resolve("tests/broken_test.yaml"), "suite: x\ntests: []\n");
        UnittestReport report = UnittestRunner.builder().build().run(List.of(chart));
        String out = print(report, chart);
        assertFalse(report.passed());
        assertTrue(out.contains("no tests found"), out);
        assertEquals(
                "1 failed, 1 errored, 0 passed, 1 total", report.chartCounts().summary(), out);
    }

    @Test
    void runnerValuesFilesOverrideTheSuitesAndYieldToTheTestsOwn() throws IOException {
        Path chart = demo();
        Files.writeString(chart.resolve("tests/suite-values.yaml"), "replicas: 3\nname: from-suite\n");
        Files.writeString(chart.resolve("tests/test-values.yaml"), "name: from-test\n");
        Path runnerValues = tmp.resolve("runner-values.yaml");
        Files.writeString(runnerValues, "replicas: 5\nname: from-runner\n");
        Files.writeString(chart.resolve("tests/order_test.yaml"), """
                suite: values order
                templates: [templates/deployment.yaml]
                values: [suite-values.yaml]
                tests:
                  - it: the runner's file beats the suite's
                    documentIndex: 0
                    asserts:
                      - equal: {path: spec.replicas, value: 5}
                  - it: the test's own file beats the runner's
                    documentIndex: 0
                    values: [test-values.yaml]
                    asserts:
                      - equal: {path: spec.replicas, value: 5}
                      - matchRegex: {path: metadata.name, pattern: from-test}
                """);
        UnittestReport report = UnittestRunner.builder()
                .testFiles(List.of("tests/order_test.yaml"))
                .valuesFiles(List.of(runnerValues))
                .build()
                .run(List.of(chart));
        String out = print(report, chart);
        assertTrue(report.passed(), out);
        assertEquals("2 passed, 2 total", report.testCounts().summary(), out);
    }
}
