package dev.runway.maven;

import dev.runway.render.unittest.Results;
import dev.runway.render.unittest.UnittestException;
import dev.runway.render.unittest.UnittestReport;
import dev.runway.render.unittest.UnittestRunner;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a chart's helm-unittest suites ({@code tests/*_test.yaml}) with the pure-Java engine, no helm and no plugin:
 * prints helm-unittest's results, writes JUnit XML to {@code target/runway-reports/unittest/}, and fails the build
 * when an assertion fails. {@code -Drunway.unittest.updateSnapshot} rewrites {@code __snapshot__/*.snap} files as
 * {@code helm unittest -u} does.
 */
@Mojo(name = "unittest", threadSafe = true, requiresProject = false)
public class UnittestMojo extends AbstractMojo {

    /** Skip every runway goal. */
    @Parameter(property = "runway.skip", defaultValue = "false")
    protected boolean skip;

    /** Skip {@code runway:unittest} only ({@code runway.skip} skips every goal). */
    @Parameter(property = "runway.unittest.skip", defaultValue = "false")
    protected boolean skipUnittest;

    /** The chart whose suites run. */
    @Parameter(property = "runway.chartDirectory", defaultValue = "${basedir}")
    protected File chartDirectory;

    /** Glob patterns of suite files relative to the chart ({@code **} crosses folders); helm-unittest's -f. */
    @Parameter(property = "runway.unittest.testFiles", defaultValue = UnittestRunner.DEFAULT_TEST_FILES)
    protected List<String> testFiles;

    /** Values files added to every test, after its own (helm-unittest's -v). */
    @Parameter(property = "runway.unittest.valuesFiles")
    protected List<File> valuesFiles;

    /** Rewrite changed snapshots instead of failing (helm-unittest's -u). Review the diff, then commit. */
    @Parameter(property = "runway.unittest.updateSnapshot", defaultValue = "false")
    protected boolean updateSnapshot;

    /** Also run the suites of enabled subcharts under charts/ (helm-unittest's --with-subchart). */
    @Parameter(property = "runway.unittest.withSubcharts", defaultValue = "true")
    protected boolean withSubcharts;

    /** Stop at the first failed test (helm-unittest's --failfast). */
    @Parameter(property = "runway.unittest.failFast", defaultValue = "false")
    protected boolean failFast;

    /** Unknown fields in suite files are errors (helm-unittest's --strict). */
    @Parameter(property = "runway.unittest.strict", defaultValue = "false")
    protected boolean strict;

    /** Render without checking values.schema.json (helm-unittest's --skip-schema-validation). */
    @Parameter(property = "runway.unittest.skipSchemaValidation", defaultValue = "false")
    protected boolean skipSchemaValidation;

    /**
     * A chart inside the chart whose rendered templates are suites, for example {@code tests-chart}
     * (helm-unittest's --chart-tests-path).
     */
    @Parameter(property = "runway.unittest.chartTestsPath")
    protected String chartTestsPath;

    /** Where the JUnit XML report goes. */
    @Parameter(
            property = "runway.unittest.reportsDirectory",
            defaultValue = "${project.build.directory}/runway-reports/unittest")
    protected File reportsDirectory;

    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipUnittest) {
            getLog().info("runway:unittest skipped (" + (skip ? "runway.skip" : "runway.unittest.skip") + ")");
            return;
        }
        Path chart = chartDirectory.toPath();
        if (!Files.isRegularFile(chart.resolve("Chart.yaml")) && !Files.isRegularFile(chart)) {
            throw new MojoFailureException("runway:unittest: " + chart + " is not a chart (no Chart.yaml, no packaged"
                    + " .tgz): set -Drunway.chartDirectory=<chart folder> or <chartDirectory> in the plugin"
                    + " configuration");
        }
        UnittestRunner runner = UnittestRunner.builder()
                .testFiles(
                        testFiles == null || testFiles.isEmpty()
                                ? List.of(UnittestRunner.DEFAULT_TEST_FILES)
                                : testFiles)
                .chartTestsPath(chartTestsPath)
                .valuesFiles(
                        valuesFiles == null
                                ? List.of()
                                : valuesFiles.stream().map(File::toPath).toList())
                .updateSnapshots(updateSnapshot)
                .withSubcharts(withSubcharts)
                .failFast(failFast)
                .strict(strict)
                .skipSchemaValidation(skipSchemaValidation)
                .build();
        UnittestReport report;
        try {
            report = runner.run(List.of(chart));
        } catch (UnittestException | UncheckedIOException e) {
            throw new MojoExecutionException("runway:unittest: " + e.getMessage(), e);
        }
        report.print(
                line -> line.lines().forEach(l -> getLog().info(l.isEmpty() ? "" : l)),
                basedir.toPath(),
                "-Drunway.unittest.updateSnapshot");
        Results.ChartResult first = report.charts().get(0);
        Path xml = reportsDirectory.toPath().resolve("TEST-helm-unittest-" + first.name() + ".xml");
        try {
            report.writeJUnitXml(xml);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("runway:unittest: " + e.getMessage(), e);
        }
        getLog().info("runway:unittest: JUnit report " + xml);
        if (report.snapshotsCreated() > 0) {
            getLog().info("runway:unittest: " + report.snapshotsCreated() + " new snapshot(s) written under"
                    + " __snapshot__/: review and commit them");
        }
        if (!report.passed()) {
            throw new MojoFailureException(
                    "runway:unittest: " + report.testCounts().failed() + " of "
                            + report.testCounts().total() + " tests failed in " + first.name()
                            + (report.snapshotCounts().failed() > 0
                                    ? "; if a snapshot change is intended, rerun with -Drunway.unittest.updateSnapshot"
                                    : ""));
        }
    }
}
