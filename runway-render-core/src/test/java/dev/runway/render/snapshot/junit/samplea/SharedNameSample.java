package dev.runway.render.snapshot.junit.samplea;

import dev.runway.render.snapshot.Snapshotter;
import dev.runway.render.snapshot.junit.ChartSnapshotExtension;
import dev.runway.render.snapshot.junit.ChartSnapshotExtensionTest;
import dev.runway.render.snapshot.junit.OnlyInNestedLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A sample whose simple name another sample shares, for ChartSnapshotExtensionTest. */
@ExtendWith({OnlyInNestedLauncher.class, ChartSnapshotExtension.class})
class SharedNameSample {
    @Test
    void fromA(Snapshotter snapshot) {
        snapshot.assertMatches(ChartSnapshotExtensionTest.chart("1"));
    }
}
