package com.example.payments;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.snapshot.ChartSnapshots;
import dev.runway.render.snapshot.SnapshotId;
import dev.runway.render.snapshot.SnapshotOptions;
import dev.runway.render.snapshot.SnapshotOutcome;
import dev.runway.render.snapshot.SnapshotSettings;
import dev.runway.render.values.UserValues;
import java.nio.file.Path;

/** A snapshot check for another test framework (TestNG, Spock, a plain main): no JUnit types. */
public class SnapshotsWithoutJUnit {

    public static void main(String[] args) {
        RenderedChart chart = HelmRenderer.render(
                Chart.loadClasspath("charts/runway-eks"),
                UserValues.builder()
                        .valuesFile(Path.of(".runway/values.yaml"))
                        .build()
                        .merge()
                        .values(),
                RenderOptions.of("payments", "payments"));
        // Settings from system properties and the environment: -Drunway.snapshot.update=true, CI=true, ...
        ChartSnapshots snapshots = new ChartSnapshots(SnapshotSettings.fromSystem());
        // Throws an AssertionFailedError (opentest4j) that names each change when the render no longer matches.
        SnapshotOutcome outcome = snapshots.assertMatches(
                chart, SnapshotId.of(SnapshotsWithoutJUnit.class, "defaults", ""), SnapshotOptions.defaults());
        System.out.println(outcome.status() + " " + outcome.file()); // CREATED on the first run, then MATCHED
    }
}
