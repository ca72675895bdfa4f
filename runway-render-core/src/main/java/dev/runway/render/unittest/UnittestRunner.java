package dev.runway.render.unittest;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.HelmSchemaValidator;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs helm-unittest suites ({@code tests/*_test.yaml}) of charts with the pure-Java engine, with helm-unittest's
 * semantics (pkg/unittest/test_runner.go): each chart's suites, then the suites of its enabled subcharts; snapshot
 * files under {@code __snapshot__/} beside each suite, updated when {@link Builder#updateSnapshots} is set.
 *
 * <pre>{@code
 * UnittestReport report = UnittestRunner.builder().build().run(List.of(Path.of("charts/runway-eks")));
 * report.print(System.out::println, Path.of("."));
 * }</pre>
 */
public final class UnittestRunner {
    /** helm-unittest's default {@code --file}. */
    public static final String DEFAULT_TEST_FILES = "tests/*_test.yaml";

    private final List<String> testFiles;
    private final List<Path> valuesFiles;
    private final boolean updateSnapshots;
    private final boolean withSubcharts;
    private final boolean failFast;
    private final boolean strict;
    private final boolean skipSchemaValidation;
    private final String chartTestsPath;

    private UnittestRunner(Builder b) {
        this.testFiles = List.copyOf(b.testFiles);
        this.valuesFiles = List.copyOf(b.valuesFiles);
        this.updateSnapshots = b.updateSnapshots;
        this.withSubcharts = b.withSubcharts;
        this.failFast = b.failFast;
        this.strict = b.strict;
        this.skipSchemaValidation = b.skipSchemaValidation;
        this.chartTestsPath = b.chartTestsPath;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options, with helm-unittest's defaults. */
    public static final class Builder {
        private List<String> testFiles = List.of(DEFAULT_TEST_FILES);
        private List<Path> valuesFiles = List.of();
        private boolean updateSnapshots;
        private boolean withSubcharts = true;
        private boolean failFast;
        private boolean strict;
        private boolean skipSchemaValidation;
        private String chartTestsPath = "";

        /**
         * {@code -f}: glob patterns of suite files, relative to each chart ({@code **} crosses folders); the default
         * is {@value #DEFAULT_TEST_FILES}, none is none (for example with only {@link #chartTestsPath}).
         */
        public Builder testFiles(List<String> globs) {
            this.testFiles = List.copyOf(globs);
            return this;
        }

        /** {@code -v}: values files added after each suite's own values. */
        public Builder valuesFiles(List<Path> files) {
            this.valuesFiles = List.copyOf(files);
            return this;
        }

        /** {@code -u}: rewrite changed snapshots instead of failing. */
        public Builder updateSnapshots(boolean update) {
            this.updateSnapshots = update;
            return this;
        }

        /** {@code --with-subchart} (default true): also run the suites of enabled subcharts. */
        public Builder withSubcharts(boolean subcharts) {
            this.withSubcharts = subcharts;
            return this;
        }

        /** {@code --failfast}: stop at the first failure. */
        public Builder failFast(boolean stop) {
            this.failFast = stop;
            return this;
        }

        /** {@code --strict}: unknown fields in suite files are errors. */
        public Builder strict(boolean strictParsing) {
            this.strict = strictParsing;
            return this;
        }

        /** {@code --skip-schema-validation}. */
        public Builder skipSchemaValidation(boolean skip) {
            this.skipSchemaValidation = skip;
            return this;
        }

        /**
         * {@code --chart-tests-path}: a chart inside each chart (for example {@code tests-chart}) whose rendered
         * templates are suites, so suites can be generated with Helm's own templating; null or "" for none.
         */
        public Builder chartTestsPath(String path) {
            this.chartTestsPath = path == null ? "" : path;
            return this;
        }

        public UnittestRunner build() {
            return new UnittestRunner(this);
        }
    }

    /** RunV3: every chart in turn. */
    public UnittestReport run(List<Path> chartDirectories) {
        long start = System.nanoTime();
        List<Results.ChartResult> charts = new ArrayList<>();
        for (Path dir : chartDirectories) {
            Results.ChartResult result = runChart(dir);
            charts.add(result);
            if (!result.passed() && failFast) {
                break;
            }
        }
        return new UnittestReport(charts, Duration.ofNanos(System.nanoTime() - start));
    }

    private Results.ChartResult runChart(Path dir) {
        Chart chart;
        try {
            // helm-unittest links Helm 3; like its loader.Load, a file is a packaged chart
            chart = Files.isRegularFile(dir)
                    ? Chart.loadArchive(dir, HelmVersion.HELM_3_21)
                    : Chart.load(dir, HelmVersion.HELM_3_21);
        } catch (RuntimeException e) {
            return new Results.ChartResult(dir.getFileName().toString(), dir, false, e.getMessage(), List.of());
        }
        List<Results.SuiteResult> results = new ArrayList<>();
        List<TestSuite> suites;
        try {
            suites = suites(dir, chart.name(), chart, null, results);
        } catch (SuiteFileException e) {
            return new Results.ChartResult(chart.name(), dir, false, e.getMessage(), results);
        }
        // One renderer per chart: each selection of templates is parsed once for all suites and tests.
        HelmRenderer renderer =
                HelmRenderer.prepareOnDemand(chart, skipSchemaValidation ? null : new HelmSchemaValidator());
        boolean passed = true;
        for (TestSuite suite : suites) {
            SnapshotCache cache;
            try {
                cache = SnapshotCache.ofSuite(suite.file, suite.snapshotId, updateSnapshots);
            } catch (UnittestException e) {
                results.add(errored(suite.file, e.getMessage()));
                passed = false;
                continue;
            }
            suite.tests.forEach(t -> t.valuesFilesFromRunner(valuesFiles));
            Results.SuiteResult result = suite.run(chart, renderer, cache, failFast);
            passed = passed && result.passed();
            results.add(result);
            try {
                cache.storeIfNeeded();
            } catch (UnittestException e) {
                results.add(errored(cache.file(), e.getMessage()));
                passed = false;
            }
            if (!passed && failFast) {
                break;
            }
        }
        return new Results.ChartResult(chart.name(), dir, passed, null, results);
    }

    private static Results.SuiteResult errored(Path file, String message) {
        return new Results.SuiteResult("", file, false, false, message, List.of(), Results.SnapshotCounts.NONE);
    }

    /** A suite file that cannot be read stops its chart, as in helm-unittest. */
    private static final class SuiteFileException extends RuntimeException {
        SuiteFileException(String message) {
            super(message);
        }
    }

    private List<TestSuite> suites(
            Path chartDir, String route, Chart chart, Map<String, Object> merged, List<Results.SuiteResult> results) {
        List<TestSuite> out = new ArrayList<>();
        for (Path file : files(chartDir)) {
            try {
                out.addAll(TestSuite.parseFile(file, route, strict));
            } catch (UnittestException e) {
                results.add(errored(file, e.getMessage()));
                throw new SuiteFileException(e.getMessage());
            }
        }
        if (!chartTestsPath.isEmpty() && Files.exists(chartDir.resolve(chartTestsPath))) {
            out.addAll(renderedSuites(chartDir.resolve(chartTestsPath), route));
        }
        if (!withSubcharts) {
            return out;
        }
        Map<String, Object> values = merged != null ? merged : mergedValues(chart);
        for (Chart sub : chart.dependencies()) {
            if (!Subcharts.enabled(chart, sub, values)) {
                continue;
            }
            Path subDir = chartDir.resolve("charts").resolve(sub.name());
            if (Files.isDirectory(subDir)) {
                out.addAll(suites(subDir, route + "/charts/" + sub.name(), sub, values, results));
            }
        }
        return out;
    }

    /**
     * RenderTestSuiteFiles: the tests chart rendered (release TEST-SUITE-RELEASE in NAMESPACE, no values given),
     * each template's output a file of suites beside it.
     */
    private List<TestSuite> renderedSuites(Path testsChartDir, String route) {
        List<String> errors = new ArrayList<>();
        List<TestSuite> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(testsChartDir.resolve("Chart.yaml"))) {
                throw new UnittestException("stat " + testsChartDir.resolve("Chart.yaml") + ": no such file");
            }
            Chart testsChart = Chart.load(testsChartDir, HelmVersion.HELM_3_21);
            Map<String, String> rendered = new TreeMap<>(HelmRenderer.prepare(testsChart)
                    .renderTemplates(
                            Map.of(),
                            new RenderOptions(
                                    "TEST-SUITE-RELEASE", "NAMESPACE", "", false, true, HelmVersion.HELM_3_21),
                            1,
                            null,
                            false)); // engine.Render: no release name check
            for (Map.Entry<String, String> e : rendered.entrySet()) {
                String template = e.getKey();
                String prefix = testsChart.name() + "/";
                Path file = testsChartDir.resolve(
                        template.startsWith(prefix) ? template.substring(prefix.length()) : template);
                List<TestSuite> suites =
                        e.getValue().isBlank() ? List.of() : TestSuite.parseRendered(e.getValue(), file, route, strict);
                if (suites.isEmpty()) {
                    errors.add("test suite template (" + template + ") file did not render a manifest");
                }
                out.addAll(suites);
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new SuiteFileException(String.join("\n", errors));
        }
        return out;
    }

    /** buildMergedValuesForChart: the chart's values with the runner's values files, for subchart conditions. */
    private Map<String, Object> mergedValues(Chart chart) {
        Map<String, Object> base = new LinkedHashMap<>(chart.values());
        for (Path file : valuesFiles) {
            try {
                Object doc = GoYaml.read(Files.readString(file), file.toString());
                if (doc instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) m;
                    typed.putAll(base);
                    base = new LinkedHashMap<>(typed);
                }
            } catch (IOException | RuntimeException e) {
                return base;
            }
        }
        return base;
    }

    /**
     * GetFiles: the suite files the globs match, in name order. A relative glob is joined to the chart's path and
     * cleaned as Go's filepath.Join does, so {@code ../shared/*_test.yaml} reaches beside the chart.
     */
    private List<Path> files(Path chartDir) {
        List<Path> out = new ArrayList<>();
        for (String glob : testFiles) {
            if (glob.startsWith("/") || glob.matches("[A-Za-z]:[\\\\/].*")) {
                if (Files.isRegularFile(Path.of(glob))) {
                    out.add(Path.of(glob));
                }
                continue;
            }
            String chartPath = chartDir.toString().replace('\\', '/');
            String joined = glob.contains(chartPath + "/") ? glob : chartPath + "/" + glob;
            List<String> segments = cleaned(joined);
            int literal = 0;
            while (literal < segments.size() - 1 && !isGlob(segments.get(literal))) {
                literal++;
            }
            Path base =
                    Path.of(joined.startsWith("/") ? "/" : "").resolve(String.join("/", segments.subList(0, literal)));
            String rest = String.join("/", segments.subList(literal, segments.size()));
            if (!Files.isDirectory(base)) {
                continue;
            }
            List<PathMatcher> matchers = new ArrayList<>();
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
            if (rest.contains("**/")) {
                // filepathx's ** also matches no folder at all.
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", "")));
            }
            try (Stream<Path> walk = Files.walk(base)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> {
                            Path rel = base.relativize(p);
                            return matchers.stream().anyMatch(m -> m.matches(rel));
                        })
                        .sorted()
                        .filter(p -> !out.contains(p))
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static boolean isGlob(String segment) {
        return segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** filepath.Clean's segments: no empty or "." segments, ".." taken back where it can be. */
    private static List<String> cleaned(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")
                    && !out.isEmpty()
                    && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(segment.equals("..") && path.startsWith("/") && out.isEmpty())) {
                out.add(segment);
            }
        }
        return out;
    }
}
