package com.example.payments;

import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.snapshot.SnapshotOptions;
import dev.runway.render.snapshot.Snapshotter;
import dev.runway.render.snapshot.junit.ChartSnapshotExtension;
import dev.runway.render.values.UserValues;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MaskedSnapshotsTest {

    private static final SnapshotOptions OPTIONS = SnapshotOptions.defaults()
            .selectKinds("Deployment", "ConfigMap") // also selectNames, excludeKinds
            .mask("spec.template.metadata.annotations[checksum/gcp-credentials]") // stored as <masked>
            .mask("Deployment/payments spec.template.spec.containers[*].image"); // a line copied from a failure

    // The options for every test of the class:
    @RegisterExtension
    static ChartSnapshotExtension snapshots = ChartSnapshotExtension.withOptions(OPTIONS);

    @Test
    void deploymentAndCredentials(Snapshotter snapshot) {
        snapshot.assertMatches(
                Chart.loadClasspath("charts/runway-eks"),
                UserValues.builder()
                        .valuesFile(Path.of(".runway/values.yaml"))
                        .build()
                        .merge()
                        .values(),
                RenderOptions.of("payments", "payments"),
                "");
    }
}
