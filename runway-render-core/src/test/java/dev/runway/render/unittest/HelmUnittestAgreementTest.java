package dev.runway.render.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Agreement with helm-unittest itself. No helm-unittest binary can be had from the registries this build reaches
 * (Maven Central, npm, Debian), so the reference is helm-unittest's own runner tests: each case of its
 * pkg/unittest/test_runner_test.go runs one of its test charts and pins the printed summary (Charts / Test Suites /
 * Tests / Snapshot counts), in {@code pkg/unittest/.snapshots/<TestName>} or, for a few cases, in the test's own
 * {@code assert.Contains} lines (given here). This test runs the same charts and suites with our runner, with the
 * same runner options, and compares the summary lines.
 *
 * <p>It needs a checkout of github.com/helm-unittest/helm-unittest, named by {@code -Dhelm-unittest.repo=<dir>};
 * without one it skips, saying how to run it. The checkout's test data is copied to target/ first, so snapshot files
 * are written there, never into the checkout. Cases whose charts are written inline in the Go test are left out: our
 * own suites cover what they check (skipped tests and suites).
 */
class HelmUnittestAgreementTest {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(Charts|Test Suites|Tests|Snapshot):\\s+(.*)$");

    static final String HOW_TO_RUN = "agreement with helm-unittest skipped: no checkout of"
            + " github.com/helm-unittest/helm-unittest given. Run it with: ./mvnw -B -ntp -pl runway-render-core test"
            + " -Dtest=HelmUnittestAgreementTest -Dhelm-unittest.repo=<path of a helm-unittest checkout>";

    /**
     * One runner case: its name in test_runner_test.go, chart (relative to test/data), suite globs (none: null),
     * values file, with subcharts, chart tests path, and the summary lines the Go test pins when it pins them with
     * assert.Contains (null: its .snapshots file).
     */
    record Case(
            String name,
            String chart,
            String testFiles,
            String values,
            boolean subcharts,
            String chartTestsPath,
            List<String> contains) {
        Case(String name, String chart, String testFiles, String values, boolean subcharts) {
            this(name, chart, testFiles, values, subcharts, null, null);
        }
    }

    static final String TESTS = "tests/*_test.yaml";
    static final String FAILED = "tests_failed/*_test.yaml";

    static final List<Case> CASES = List.of(
            new Case("TestV3RunnerOkWithPassedTests", "v3/basic", TESTS, null, false),
            new Case("TestV3RunnerOkWithSubSubChartsPassedTests", "v3/with-subsubcharts", TESTS, null, true),
            new Case("TestV3RunnerOkWithFailingTemplatePassedTest", "v3/failing-template", TESTS, null, false),
            new Case("TestV3RunnerOkWithOverrideValuesPassedTests", "v3/basic", TESTS, "services_values.yaml", false),
            new Case(
                    "TestV3RunnerOkWithAbsoluteOverrideValuesPassedTests",
                    "v3/basic",
                    TESTS,
                    "services_values.yaml",
                    false),
            new Case("TestV3RunnerOkWithFailedTests", "v3/basic", FAILED, null, false),
            new Case("TestV3RunnerOkWithSubSubfolder", "v3/with-subfolder", TESTS, null, false),
            new Case("TestV3RunnerWithTestsInSubchart", "v3/with-subchart", TESTS, null, true),
            new Case("TestV3RunnerWithTestsInSubchartButFlagFalse", "v3/with-subchart", TESTS, null, false),
            new Case("TestV3RunnerOkGlobalDoubleWithPassedTests", "v3/global-double-setting", TESTS, null, false),
            new Case("TestV3RunnerOkWithFiles", "v3/with-files", TESTS, null, false),
            new Case("TestV3RunnerOkWithFullsnapshot", "v3/full-snapshot", TESTS, null, false),
            new Case("TestV3RunnerOkWithRenderedTests", "v3/with-helm-tests", null, null, false, "tests-chart", null),
            new Case("TestV3RunnerOkWithDocumentSelector", "v3/with-document-select", TESTS, null, false),
            new Case(
                    "TestV3RunnerOkWithDocumentSelectorWithFailedTests",
                    "v3/with-document-select",
                    FAILED,
                    null,
                    false),
            new Case("TestV3RunnerOkWithFakeK8sClient", "v3/with-k8s-fake-client", TESTS, null, false),
            new Case("TestV3RunnerOkWithPostRenderer", "v3/with-post-renderer", TESTS, null, false),
            new Case("TestV3RunnerOkWithSchemaValidation", "v3/with-schema", TESTS, null, false),
            new Case(
                    "TestV3RunnerOkPackagedChartWithExternalUnittest",
                    "v3/with-subchart/charts/postgresql-0.8.3.tgz",
                    "../../test/data/external/*.yaml",
                    null,
                    false),
            new Case(
                    "TestV3RunnerOkPackagedChart",
                    "v3/with-packaged-0.1.0.tgz",
                    "../../test/data/external/tests/*.yaml",
                    "external/ns_values.yaml",
                    false),
            new Case(
                    "TestV3RunnerOkWithDocumentSelect",
                    "v3/with-document-select",
                    TESTS,
                    null,
                    false,
                    null,
                    List.of("Test Suites: 8 passed, 8 total", "Tests: 13 passed, 13 total")),
            new Case(
                    "TestV3RunnerOkWithSkippedTestsWhenSubchartDisabledOnCondition",
                    "v3/with-disabled-subchart-on-condition",
                    TESTS,
                    null,
                    true,
                    null,
                    List.of("Charts: 1 passed, 1 total", "Test Suites: 0 passed, 0 total")),
            new Case(
                    "TestV3RunnerOkWithSkippedTestsWhenSubchartDisabledOnTags",
                    "v3/with-disabled-subchart-on-tags",
                    TESTS,
                    null,
                    true,
                    null,
                    List.of("Charts: 1 passed, 1 total", "Test Suites: 4 passed, 4 total")));

    @Test
    void summariesMatchHelmUnittestsOwnRunnerTests() throws IOException {
        String repo = System.getProperty("helm-unittest.repo", "");
        Assumptions.assumeTrue(!repo.isEmpty() && Files.isDirectory(Path.of(repo, "test", "data")), HOW_TO_RUN);
        List<String> report = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        boolean yq = goYqOnPath();
        int agree = 0;
        for (Case c : CASES) {
            if (c.name().equals(POST_RENDERER_CASE) && !yq) {
                // its suites pipe the manifests through `yq eval ... -`, mikefarah's Go yq v4
                notRun.add(c.name() + " (needs mikefarah's yq v4 on the PATH: its suites run `yq eval ... -`)");
                continue;
            }
            Path data = copyTestData(Path.of(repo, "test", "data"));
            UnittestRunner runner = UnittestRunner.builder()
                    .testFiles(c.testFiles() == null ? List.of() : List.of(c.testFiles()))
                    .valuesFiles(c.values() == null ? List.of() : List.of(data.resolve(c.values())))
                    .withSubcharts(c.subcharts())
                    .chartTestsPath(c.chartTestsPath())
                    .build();
            UnittestReport result = runner.run(List.of(data.resolve(c.chart())));
            StringBuilder printed = new StringBuilder();
            result.print(line -> printed.append(line).append('\n'), data, "`-u`");
            String actual = summary(printed.toString());
            String expected;
            boolean same;
            if (c.contains() == null) {
                expected = summary(Files.readString(Path.of(repo, "pkg", "unittest", ".snapshots", c.name())));
                same = expected.equals(actual);
            } else {
                expected = String.join("\n", c.contains());
                same = c.contains().stream().allMatch(line -> actual.lines().anyMatch(line::equals));
            }
            agree += same ? 1 : 0;
            report.add((same ? "agree    " : "DISAGREE ")
                    + c.name()
                    + (same
                            ? ""
                            : "\n  helm-unittest: "
                                    + expected.replace("\n", " | ") + "\n  runway:        "
                                    + actual.replace("\n", " | ")
                                    + "\n" + printed));
        }
        int run = CASES.size() - notRun.size();
        System.out.println("helm-unittest agreement: " + agree + "/" + run + " runner cases run"
                + (notRun.isEmpty() ? "" : ", not run: " + String.join(", ", notRun)) + "\n"
                + String.join("\n", report));
        assertEquals(run, agree, String.join("\n", report));
    }

    static final String POST_RENDERER_CASE = "TestV3RunnerOkWithPostRenderer";

    /** Whether `yq` on the PATH is mikefarah's Go yq (v4 syntax), not the Python jq wrapper of the same name. */
    private static boolean goYqOnPath() {
        try {
            Process p = new ProcessBuilder("yq", "eval", ".a", "-")
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().write("a: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.strip().equals("1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
