package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The per-test handle without JUnit's extension: naming, the ledger, and rendering with the engine. */
class SnapshotterTest {

    @TempDir
    Path root;

    private ChartSnapshots snapshots() {
        return new ChartSnapshots(
                new SnapshotSettings(root.resolve("snapshots"), SnapshotMode.LOCAL, OrphanPolicy.WARN));
    }

    @Test
    void namesSnapshotsAfterTheClassMethodAndName() {
        Snapshotter snapshot = Snapshotter.of(snapshots(), SnapshotterTest.class, "defaults");

        SnapshotOutcome unnamed = snapshot.assertMatches(PaymentsRenders.defaults());
        SnapshotOutcome named = snapshot.assertMatches(PaymentsRenders.defaults(), "oidc");

        assertEquals(root.resolve("snapshots/SnapshotterTest/defaults.yaml"), unnamed.file());
        assertEquals(root.resolve("snapshots/SnapshotterTest/defaults-oidc.yaml"), named.file());
        assertEquals(
                new SnapshotId("SnapshotterTest", "with_spaces", ""),
                Snapshotter.of(snapshots(), SnapshotterTest.class, "with spaces")
                        .idOf(""),
                "Kotlin's `method names with spaces` become file-safe");
        assertThrows(IllegalArgumentException.class, () -> snapshot.assertMatches(PaymentsRenders.defaults(), "a/b"));
    }

    @Test
    void aValuesFileNameAsTheSnapshotNameKeepsOneExtension() {
        Snapshotter snapshot = Snapshotter.of(snapshots(), SnapshotterTest.class, "perValuesFile");
        assertEquals(
                root.resolve("snapshots/SnapshotterTest/perValuesFile-oidc-values.yaml"),
                snapshot.assertMatches(PaymentsRenders.defaults(), "oidc-values.yaml")
                        .file());
        assertEquals("perValuesFile-prod.yaml", snapshot.idOf("prod.YML").fileName());
        assertEquals(
                snapshot.idOf("oidc-values"),
                snapshot.idOf("oidc-values.yaml"),
                "the same snapshot with or without the extension");
    }

    @Test
    void tellsItsLedgerWhatItChecksAndWhatHappened() {
        List<String> events = new ArrayList<>();
        SnapshotLedger ledger = new SnapshotLedger() {
            @Override
            public void record(SnapshotId id, String snapshotText) {
                events.add("record " + id + " " + snapshotText.contains("kind: Deployment"));
            }

            @Override
            public void outcome(SnapshotOutcome outcome) {
                events.add("outcome " + outcome.status());
            }
        };
        Snapshotter snapshot = Snapshotter.of(
                snapshots(),
                SnapshotterTest.class,
                "ledger",
                SnapshotOptions.defaults().selectKinds("Deployment"),
                ledger);

        snapshot.assertMatches(PaymentsRenders.defaults());
        snapshot.assertMatches(PaymentsRenders.defaults());
        assertThrows(
                AssertionFailedError.class, () -> snapshot.assertMatches(PaymentsRenders.with(Map.of("replicas", 3))));

        assertEquals(
                List.of(
                        "record SnapshotterTest/ledger true",
                        "outcome CREATED",
                        "record SnapshotterTest/ledger true",
                        "outcome MATCHED",
                        "record SnapshotterTest/ledger true"),
                events);
    }

    @Test
    void rendersWithTheEngineAndChecksTheResult() throws Exception {
        Path chart = root.resolve("chart");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: tiny\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("values.yaml"), "greeting: hello\n");
        Files.writeString(chart.resolve("templates/cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}
                  namespace: {{ .Release.Namespace }}
                data:
                  greeting: {{ .Values.greeting }}
                """);
        Snapshotter snapshot = Snapshotter.of(snapshots(), SnapshotterTest.class, "engine");

        SnapshotOutcome first =
                snapshot.assertMatches(Chart.load(chart), Map.of(), RenderOptions.of("web", "apps"), "");
        assertEquals(SnapshotOutcome.Status.CREATED, first.status());
        String text = Files.readString(first.file());
        assertTrue(text.contains("# Source: tiny/templates/cm.yaml\n"), text);
        assertTrue(text.contains("  name: web\n  namespace: apps\ndata:\n  greeting: hello\n"), text);

        AssertionFailedError error = assertThrows(
                AssertionFailedError.class,
                () -> snapshot.assertMatches(
                        Chart.load(chart), Map.of("greeting", "bonjour"), RenderOptions.of("web", "apps"), ""));
        assertTrue(
                error.getMessage().contains("~ ConfigMap/web data.greeting: \"hello\" -> \"bonjour\""),
                error.getMessage());
    }
}
