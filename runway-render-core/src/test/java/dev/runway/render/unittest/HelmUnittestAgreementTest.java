package dev.runway.render.unittest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Agreement with helm-unittest itself. No helm-unittest binary can be had from the registries this build reaches
 * (Maven Central, npm, Debian), so the reference is helm-unittest's own runner tests: each case of its
 * test_runner_test.go runs one of its test charts and pins the printed summary (Charts / Test Suites / Tests /
 * Snapshot counts) in {@code pkg/unittest/.snapshots/<TestName>}. This test runs the same charts and suites with our
 * runner and compares the four summary lines.
 *
 * <p>It needs a checkout of github.com/helm-unittest/helm-unittest, named by {@code -Dhelm-unittest.repo=<dir>};
 * without one it skips with one line. The checkout's test data is copied to target/ first, so snapshot files are
 * written there, never into the checkout.
 */
class HelmUnittestAgreementTest {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(Charts|Test Suites|Tests|Snapshot):\\s+(.*)$");

    /** One runner case: expected-output file, chart folder, suite globs, values file, with subcharts. */
    record Case(String snapshot, String chart, String testFiles, String values, boolean subcharts) {
    }

    static final List<Case> CASES = List.of(
            new Case("TestV3RunnerOkWithPassedTests", "v3/basic", "tests/*_test.yaml", null, false),
            new Case("TestV3RunnerOkWithSubSubChartsPassedTests", "v3/with-subsubcharts", "tests/*_test.yaml",
                    null, true),
            new Case("TestV3RunnerOkWithFailingTemplatePassedTest", "v3/failing-template", "tests/*_test.yaml",
                    null, false),
            new Case("TestV3RunnerOkWithOverrideValuesPassedTests", "v3/basic", "tests/*_test.yaml",
                    "services_values.yaml", false),
            new Case("TestV3RunnerOkWithFailedTests", "v3/basic", "tests_failed/*_test.yaml", null, false),
            new Case("TestV3RunnerOkWithSubSubfolder", "v3/with-subfolder", "tests/*_test.yaml", null, false),
            new Case("TestV3RunnerWithTestsInSubchart", "v3/with-subchart", "tests/*_test.yaml", null, true),
            new Case("TestV3RunnerWithTestsInSubchartButFlagFalse", "v3/with-subchart", "tests/*_test.yaml", null,
                    false),
            new Case("TestV3RunnerOkGlobalDoubleWithPassedTests", "v3/global-double-setting", "tests/*_test.yaml",
                    null, false),
            new Case("TestV3RunnerOkWithFiles", "v3/with-files", "tests/*_test.yaml", null, false),
            new Case("TestV3RunnerOkWithFullsnapshot", "v3/full-snapshot", "tests/*_test.yaml", null, false),
            new Case("TestV3RunnerOkWithDocumentSelector", "v3/with-document-select", "tests/*_test.yaml", null,
                    false),
            new Case("TestV3RunnerOkWithDocumentSelectorWithFailedTests", "v3/with-document-select",
                    "tests_failed/*_test.yaml", null, false),
            new Case("TestV3RunnerOkWithSchemaValidation", "v3/with-schema", "tests/*_test.yaml", null, false));

    @Test
    void summariesMatchHelmUnittestsOwnRunnerTests() throws IOException {
        String repo = System.getProperty("helm-unittest.repo", "");
        Assumptions.assumeTrue(!repo.isEmpty() && Files.isDirectory(Path.of(repo, "test", "data")),
                "helm-unittest checkout not given (-Dhelm-unittest.repo=<dir>): agreement with helm-unittest skipped");
        List<String> report = new ArrayList<>();
        int agree = 0;
        for (Case c : CASES) {
            Path data = copyTestData(Path.of(repo, "test", "data"));
            UnittestRunner runner = UnittestRunner.builder()
                    .testFiles(List.of(c.testFiles()))
                    .valuesFiles(c.values() == null ? List.of() : List.of(data.resolve(c.values())))
                    .withSubcharts(c.subcharts())
                    .build();
            UnittestReport result = runner.run(List.of(data.resolve(c.chart())));
            String expected = summary(Files.readString(Path.of(repo, "pkg", "unittest", ".snapshots", c.snapshot())));
            StringBuilder printed = new StringBuilder();
            result.print(line -> printed.append(line).append('\n'), data, "`-u`");
            String actual = summary(printed.toString());
            boolean same = expected.equals(actual);
            agree += same ? 1 : 0;
            report.add((same ? "agree    " : "DISAGREE ") + c.snapshot() + (same ? "" : "\n  helm-unittest: "
                    + expected.replace("\n", " | ") + "\n  runway:        " + actual.replace("\n", " | ")
                    + "\n" + printed));
        }
        System.out.println("helm-unittest agreement: " + agree + "/" + CASES.size() + " runner cases\n"
                + String.join("\n", report));
        assertEquals(CASES.size(), agree, String.join("\n", report));
    }

    private static String summary(String output) {
        Matcher m = SUMMARY.matcher(output);
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1) + ": " + m.group(2).strip());
        }
        return String.join("\n", lines);
    }

    private static Path copyTestData(Path source) throws IOException {
        Path target = Path.of("target", "helm-unittest-data");
        if (Files.exists(target)) {
            try (Stream<Path> walk = Files.walk(target)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target.toAbsolutePath();
    }
}
