package dev.runway.render.unittest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The outcome of a run: per chart, suite, test and assertion, the counts helm-unittest prints, its text output and
 * its JUnit XML report.
 */
public final class UnittestReport {
    private final List<Results.ChartResult> charts;
    private final Duration elapsed;

    UnittestReport(List<Results.ChartResult> charts, Duration elapsed) {
        this.charts = List.copyOf(charts);
        this.elapsed = elapsed;
    }

    public List<Results.ChartResult> charts() {
        return charts;
    }

    public boolean passed() {
        return charts.stream().allMatch(Results.ChartResult::passed);
    }

    public Results.Counts chartCounts() {
        int passed = 0;
        int failed = 0;
        int errored = 0;
        for (Results.ChartResult c : charts) {
            if (c.passed()) {
                passed++;
            } else {
                failed++;
                errored += c.error() != null ? 1 : 0;
            }
        }
        return new Results.Counts(passed, failed, errored, 0);
    }

    public Results.Counts suiteCounts() {
        int passed = 0;
        int failed = 0;
        int errored = 0;
        int skipped = 0;
        for (Results.SuiteResult s : suites()) {
            if (s.skipped()) {
                skipped++;
            } else if (s.passed()) {
                passed++;
            } else {
                failed++;
                errored += s.error() != null ? 1 : 0;
            }
        }
        return new Results.Counts(passed, failed, errored, skipped);
    }

    public Results.Counts testCounts() {
        int passed = 0;
        int failed = 0;
        int errored = 0;
        int skipped = 0;
        for (Results.SuiteResult s : suites()) {
            for (Results.TestResult t : s.tests()) {
                if (t.passed()) {
                    passed++;
                } else if (t.skipped()) {
                    skipped++;
                } else {
                    failed++;
                    errored += t.error() != null ? 1 : 0;
                }
            }
        }
        return new Results.Counts(passed, failed, errored, skipped);
    }

    /** Snapshot comparisons: passed, failed. */
    public Results.Counts snapshotCounts() {
        int failed = suites().stream().mapToInt(s -> s.snapshots().failed()).sum();
        int total = suites().stream().mapToInt(s -> s.snapshots().total()).sum();
        return new Results.Counts(total - failed, failed, 0, 0);
    }

    /** Snapshots written for the first time in this run. */
    public int snapshotsCreated() {
        return suites().stream().mapToInt(s -> s.snapshots().created()).sum();
    }

    private List<Results.SuiteResult> suites() {
        return charts.stream().flatMap(c -> c.suites().stream()).toList();
    }

    /**
     * Prints helm-unittest's text output line by line: a header per chart, {@code PASS}/{@code FAIL}/{@code SKIP}
     * per suite with its failed tests and assertions, and the summary. File names are shown relative to
     * {@code base}.
     */
    public void print(Consumer<String> out, Path base, String updateHint) {
        for (Results.ChartResult chart : charts) {
            out.accept("");
            if (chart.error() != null && chart.suites().isEmpty()) {
                out.accept("### Error:  " + chart.error());
                out.accept("");
                continue;
            }
            out.accept("### Chart [ " + chart.name() + " ] " + relative(base, chart.directory()));
            out.accept("");
            for (Results.SuiteResult suite : chart.suites()) {
                printSuite(out, base, suite);
            }
            if (chart.error() != null) {
                out.accept("");
                out.accept("### Error:  " + chart.error());
            }
        }
        Results.Counts snapshots = snapshotCounts();
        if (snapshots.failed() > 0) {
            long failedSuites = suites().stream()
                    .filter(s -> s.snapshots().failed() > 0 && !s.passed())
                    .count();
            out.accept("");
            out.accept("Snapshot Summary: " + snapshots.failed() + " snapshot failed in " + failedSuites
                    + " test suite. Check changes and use " + updateHint + " to update snapshot.");
        }
        out.accept("");
        out.accept("Charts:      " + chartCounts().summary());
        out.accept("Test Suites: " + suiteCounts().summary());
        out.accept("Tests:       " + testCounts().summary());
        out.accept("Snapshot:    " + snapshots.summary());
        out.accept("Time:        " + elapsed.toMillis() + "ms");
        out.accept("");
    }

    private static void printSuite(Consumer<String> out, Path base, Results.SuiteResult suite) {
        String label = suite.skipped() ? " SKIP " : suite.passed() ? " PASS " : " FAIL ";
        out.accept(label + " " + suite.name() + "\t" + relative(base, suite.file()));
        if (suite.error() != null) {
            out.accept("\t- Execution Error: ");
            out.accept("\t\t" + suite.error() + "\n");
            return;
        }
        for (Results.TestResult test : suite.tests()) {
            if (test.passed()) {
                continue;
            }
            if (test.skipped()) {
                out.accept("\t- SKIPPED '" + test.name() + "'");
                continue;
            }
            if (test.error() != null && test.assertions().isEmpty()) {
                out.accept("\t- " + test.name());
                out.accept("\t\tError: " + test.error() + "\n");
                continue;
            }
            out.accept("\t- " + test.name() + "\n");
            if (test.error() != null) {
                out.accept("\t\tError: " + test.error() + "\n");
            }
            for (Results.AssertionResult a : test.assertions()) {
                if (a.passed()) {
                    continue;
                }
                out.accept("\t\t" + a.title());
                for (String line : a.failInfo()) {
                    out.accept("\t\t\t" + line);
                }
                out.accept("");
            }
        }
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath()
                    .normalize()
                    .relativize(file.toAbsolutePath().normalize())
                    .toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /**
     * Writes helm-unittest's JUnit XML ({@code -t JUnit}): one {@code testsuite} per suite, one {@code testcase}
     * per test with {@code failure}, {@code error} or {@code skipped}. Written to a temporary file and moved.
     */
    public void writeJUnitXml(Path file) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        String timestamp =
                LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        int id = 0;
        for (Results.SuiteResult suite : suites()) {
            int failures = 0;
            int errors = 0;
            for (Results.TestResult t : suite.tests()) {
                if (!t.skipped() && !t.passed()) {
                    if (t.error() == null) {
                        failures++;
                    } else {
                        errors++;
                    }
                }
            }
            if (suite.error() != null) {
                errors++;
            }
            String name = suite.name().isEmpty() ? String.valueOf(suite.file().getFileName()) : suite.name();
            xml.append("\t<testsuite id=\"")
                    .append(id++)
                    .append("\" tests=\"")
                    .append(suite.tests().size() + (suite.error() != null ? 1 : 0))
                    .append("\" failures=\"")
                    .append(failures)
                    .append("\" errors=\"")
                    .append(errors)
                    .append("\" package=\"")
                    .append(escape(String.valueOf(suite.file())))
                    .append("\" time=\"")
                    .append(seconds(suite.duration()))
                    .append("\" name=\"")
                    .append(escape(name))
                    .append("\" timestamp=\"")
                    .append(timestamp)
                    .append("\" hostname=\"")
                    .append(escape(host))
                    .append("\">\n\t\t<properties>\n\t\t\t<property name=\"helm-unittest.version\" value=\"")
                    .append(TestSuite.HELM_UNITTEST_VERSION)
                    .append("\"></property>\n\t\t</properties>\n");
            String classname = name.substring(name.lastIndexOf('/') + 1);
            if (suite.error() != null) {
                xml.append("\t\t<testcase classname=\"")
                        .append(escape(classname))
                        .append("\" name=\"suite file\" time=\"0.000\">\n\t\t\t<error message=\"Error\" type=\"\">")
                        .append(escape(suite.error()))
                        .append("</error>\n\t\t</testcase>\n");
            }
            for (Results.TestResult t : suite.tests()) {
                xml.append("\t\t<testcase classname=\"")
                        .append(escape(classname))
                        .append("\" name=\"")
                        .append(escape(t.name()))
                        .append("\" time=\"")
                        .append(seconds(t.duration()))
                        .append("\">");
                if (t.skipped()) {
                    xml.append("\n\t\t\t<skipped message=\"")
                            .append(escape(flatten(t.details())))
                            .append("\"></skipped>");
                } else if (!t.passed() && t.error() == null) {
                    xml.append("\n\t\t\t<failure message=\"Failed\" type=\"\">")
                            .append(escape(flatten(t.details())))
                            .append("</failure>");
                } else if (!t.passed()) {
                    xml.append("\n\t\t\t<error message=\"Error\" type=\"\">")
                            .append(escape(t.error()))
                            .append("</error>");
                }
                xml.append(t.skipped() || !t.passed() ? "\n\t\t</testcase>\n" : "</testcase>\n");
            }
            xml.append("\t</testsuite>\n");
        }
        xml.append("</testsuites>\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".junit", ".tmp");
            try {
                Files.writeString(tmp, xml, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JUnit report " + file, e);
        }
    }

    /** StringifyToXmlAttribute: newlines as commas, tabs dropped. */
    private static String flatten(String s) {
        return s.replace("\n", ",").replace("\t", "");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                case '\n' -> sb.append("&#xA;");
                case '\t' -> sb.append("&#x9;");
                case '\r' -> sb.append("&#xD;");
                default -> {
                    if (c < 0x20) {
                        sb.append('\uFFFD');
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }
}
