package dev.runway.render.unittest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a run found, per assertion, test, suite and chart, as helm-unittest reports it (pkg/unittest/results). */
public final class Results {
    private Results() {}

    /**
     * One assertion: its index in the test's {@code asserts}, its kind ({@code equal}, {@code matchSnapshot}, ...),
     * whether it was written with {@code not: true}, and the failure lines helm-unittest prints.
     */
    public record AssertionResult(
            int index,
            String type,
            boolean not,
            boolean passed,
            boolean skipped,
            String skipReason,
            List<String> failInfo) {
        public AssertionResult {
            failInfo = List.copyOf(failInfo);
        }

        /** {@code - asserts[0] `equal` fail}. */
        public String title() {
            return "- asserts[" + index + "]" + (not ? " NOT" : "") + " `" + type + "` fail";
        }
    }

    /** One test ({@code it:}); {@code error} is an execution error (a render or values problem), or null. */
    public record TestResult(
            String name,
            int index,
            boolean passed,
            boolean skipped,
            String error,
            List<AssertionResult> assertions,
            Duration duration) {
        public TestResult {
            assertions = List.copyOf(assertions);
        }

        /** Stringify: the error and every assertion's failure lines, as the JUnit report carries them. */
        public String details() {
            StringBuilder sb = new StringBuilder();
            if (skipped) {
                sb.append("SKIPPED '").append(name).append("' \n");
            }
            if (error != null) {
                sb.append(error).append('\n');
            }
            for (AssertionResult a : assertions) {
                sb.append("\t\t ").append(a.title()).append(" \n");
                if (a.skipped()) {
                    sb.append("\t\t\t ").append(a.skipReason()).append(" \n");
                } else {
                    for (String line : a.failInfo()) {
                        sb.append("\t\t\t ").append(line).append(" \n");
                    }
                }
            }
            return sb.toString();
        }
    }

    /** Snapshot counts of one suite: compared, failed, newly written, and cached but no longer compared. */
    public record SnapshotCounts(int total, int failed, int created, int vanished) {
        static final SnapshotCounts NONE = new SnapshotCounts(0, 0, 0, 0);
    }

    /**
     * One suite file (or one document of it): its name ({@code suite:}), the file, and its tests; {@code error}
     * is set when the file could not be read or its snapshot file not written.
     */
    public record SuiteResult(
            String name,
            Path file,
            boolean passed,
            boolean skipped,
            String error,
            List<TestResult> tests,
            SnapshotCounts snapshots) {
        public SuiteResult {
            tests = List.copyOf(tests);
        }

        public Duration duration() {
            return tests.stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** One chart: its name and directory, its suites, or the error that kept its suites from running. */
    public record ChartResult(String name, Path directory, boolean passed, String error, List<SuiteResult> suites) {
        public ChartResult {
            suites = List.copyOf(suites);
        }
    }

    /** passed / failed / errored / skipped of one level, printed as helm-unittest prints them. */
    public record Counts(int passed, int failed, int errored, int skipped) {
        public int total() {
            return passed + failed + skipped;
        }

        /** {@code 1 failed, 2 passed, 3 total}, with errored and skipped parts when there are any. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            if (failed > 0) {
                sb.append(failed).append(" failed, ");
            }
            if (errored > 0) {
                sb.append(errored).append(" errored, ");
            }
            if (skipped > 0) {
                sb.append(passed)
                        .append(" passed, ")
                        .append(skipped)
                        .append(" skipped, ")
                        .append(total())
                        .append(" total");
            } else {
                sb.append(passed).append(" passed, ").append(passed + failed).append(" total");
            }
            return sb.toString();
        }
    }
}
