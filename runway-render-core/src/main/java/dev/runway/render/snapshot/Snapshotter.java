package dev.runway.render.snapshot;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import java.util.Map;
import java.util.Objects;

/**
 * The snapshots of one test method: {@code assertMatches(chart)} checks {@code <TestClass>/<method>.yaml},
 * {@code assertMatches(chart, "oidc")} checks {@code <TestClass>/<method>-oidc.yaml}. The JUnit 5 extension injects
 * one per test; other frameworks create it with {@link #of}.
 */
public final class Snapshotter {

    private final ChartSnapshots snapshots;
    private final Class<?> testClass;
    private final String method;
    private final SnapshotOptions options;
    private final SnapshotLedger ledger;

    private Snapshotter(
            ChartSnapshots snapshots,
            Class<?> testClass,
            String method,
            SnapshotOptions options,
            SnapshotLedger ledger) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.testClass = Objects.requireNonNull(testClass, "testClass");
        this.method = Objects.requireNonNull(method, "method");
        this.options = Objects.requireNonNull(options, "options");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** A snapshotter for one test method, with default options. */
    public static Snapshotter of(ChartSnapshots snapshots, Class<?> testClass, String method) {
        return new Snapshotter(snapshots, testClass, method, SnapshotOptions.defaults(), SnapshotLedger.NONE);
    }

    /**
     * A snapshotter that records every snapshot it checks in {@code ledger} (before checking), so a test framework
     * can find snapshots no test uses any more.
     */
    public static Snapshotter of(
            ChartSnapshots snapshots,
            Class<?> testClass,
            String method,
            SnapshotOptions options,
            SnapshotLedger ledger) {
        return new Snapshotter(snapshots, testClass, method, options, ledger);
    }

    /** The same test's snapshotter with other options for the following checks. */
    public Snapshotter withOptions(SnapshotOptions newOptions) {
        return new Snapshotter(snapshots, testClass, method, newOptions, ledger);
    }

    public SnapshotOptions options() {
        return options;
    }

    /** The id of this test's snapshot with that name ({@code ""}: the unnamed one). */
    public SnapshotId idOf(String name) {
        return SnapshotId.of(testClass, method, name);
    }

    /** Checks the chart against this test's (unnamed) snapshot. */
    public SnapshotOutcome assertMatches(RenderedChart chart) {
        return assertMatches(chart, "", options);
    }

    /** Checks the chart against this test's snapshot with that name (letters, digits, {@code _ . -}). */
    public SnapshotOutcome assertMatches(RenderedChart chart, String name) {
        return assertMatches(chart, name, options);
    }

    /** Checks the chart against this test's unnamed snapshot with other options. */
    public SnapshotOutcome assertMatches(RenderedChart chart, SnapshotOptions checkOptions) {
        return assertMatches(chart, "", checkOptions);
    }

    /** Checks the chart against this test's snapshot with that name, with other options. */
    public SnapshotOutcome assertMatches(RenderedChart chart, String name, SnapshotOptions checkOptions) {
        SnapshotId id = idOf(name);
        String text = snapshots.snapshotText(chart, id, checkOptions);
        ledger.record(id, text);
        SnapshotOutcome outcome = snapshots.check(id, text);
        ledger.outcome(outcome);
        return outcome;
    }

    /**
     * Renders the chart with the pure-Java engine ({@link HelmRenderer}, byte-for-byte {@code helm template}) and
     * checks the result against this test's snapshot with that name ({@code ""}: the unnamed one).
     *
     * @param userValues the merged user values (values files and {@code --set}), as {@link HelmRenderer} takes them
     * @throws dev.runway.render.api.RenderException when the chart does not render, with Helm's message
     */
    public SnapshotOutcome assertMatches(
            Chart chart, Map<String, Object> userValues, RenderOptions renderOptions, String name) {
        return assertMatches(HelmRenderer.render(chart, userValues, renderOptions), name, options);
    }

    /** Parses {@code helm template} output (see {@link RenderedCharts#parse}) and checks it. */
    public SnapshotOutcome assertMatchesHelmOutput(String helmTemplateOutput, String name) {
        return assertMatches(RenderedCharts.parse(helmTemplateOutput), name, options);
    }
}
