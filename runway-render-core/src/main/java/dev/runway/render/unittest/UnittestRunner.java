package dev.runway.render.unittest;

import dev.runway.render.HelmRenderer;
import dev.runway.render.chart.Chart;
import dev.runway.render.values.HelmSchemaValidator;
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

    private UnittestRunner(Builder b) {
        this.testFiles = List.copyOf(b.testFiles);
        this.valuesFiles = List.copyOf(b.valuesFiles);
        this.updateSnapshots = b.updateSnapshots;
        this.withSubcharts = b.withSubcharts;
        this.failFast = b.failFast;
        this.strict = b.strict;
        this.skipSchemaValidation = b.skipSchemaValidation;
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

        /** {@code -f}: glob patterns of suite files, relative to each chart ({@code **} crosses folders). */
        public Builder testFiles(List<String> globs) {
            this.testFiles = globs.isEmpty() ? List.of(DEFAULT_TEST_FILES) : List.copyOf(globs);
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
        return new UnittestReport(charts, Duration.ofNanos(System.nanoTime() - start), updateSnapshots);
    }

    private Results.ChartResult runChart(Path dir) {
        Chart chart;
        try {
            chart = Chart.load(dir, dev.runway.render.HelmVersion.HELM_3_21); // helm-unittest links Helm 3
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
        HelmRenderer renderer = HelmRenderer.prepareOnDemand(chart,
                skipSchemaValidation ? null : new HelmSchemaValidator());
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

    private List<TestSuite> suites(Path chartDir, String route, Chart chart, Map<String, Object> merged,
                                   List<Results.SuiteResult> results) {
        List<TestSuite> out = new ArrayList<>();
        for (Path file : files(chartDir)) {
            try {
                out.addAll(TestSuite.parseFile(file, route, strict));
            } catch (UnittestException e) {
                results.add(errored(file, e.getMessage()));
                throw new SuiteFileException(e.getMessage());
            }
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

    /** GetFiles: the suite files the globs match under the chart, in name order. */
    private List<Path> files(Path chartDir) {
        List<Path> out = new ArrayList<>();
        for (String glob : testFiles) {
            Path asPath = Path.of(glob);
            if (asPath.isAbsolute()) {
                if (Files.isRegularFile(asPath)) {
                    out.add(asPath);
                }
                continue;
            }
            List<PathMatcher> matchers = new ArrayList<>();
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.contains("**/")) {
                // filepathx's ** also matches no folder at all.
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", "")));
            }
            try (Stream<Path> walk = Files.walk(chartDir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> {
                            Path rel = chartDir.relativize(p);
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
}
