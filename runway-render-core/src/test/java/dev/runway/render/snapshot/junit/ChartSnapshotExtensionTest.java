package dev.runway.render.snapshot.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.snapshot.RenderedCharts;
import dev.runway.render.snapshot.SnapshotOptions;
import dev.runway.render.snapshot.Snapshotter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs small test classes that use the extension in a nested JUnit Platform launcher, with the snapshot root in a
 * temporary folder (passed as a configuration parameter, the way {@code junit-platform.properties} would).
 */
public class ChartSnapshotExtensionTest {

    @TempDir
    Path root;

    public static RenderedChart chart(String replicas) {
        return RenderedCharts.parse("---\n# Source: sample/templates/deployment.yaml\napiVersion: apps/v1\n"
                + "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: " + replicas + "\n");
    }

    @ExtendWith({OnlyInNestedLauncher.class, ChartSnapshotExtension.class})
    static class SampleChartTest {
        @Test
        void defaults(Snapshotter snapshot) {
            snapshot.assertMatches(chart("2"));
        }

        @Test
        void variants(Snapshotter snapshot) {
            snapshot.assertMatches(chart("1"), "one");
            snapshot.assertMatches(chart("3"), "three");
        }

        @Test
        void failsBeforeSnapshot(Snapshotter snapshot) {
            throw new IllegalStateException("this sample test fails before it checks its snapshot");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "2"})
        void parameterized(String replicas, Snapshotter snapshot) {
            snapshot.assertMatches(chart(replicas), "r" + replicas);
        }
    }

    @ExtendWith({OnlyInNestedLauncher.class, ChartSnapshotExtension.class})
    static class SampleUnnamedInvocationsTest {
        @ParameterizedTest
        @ValueSource(strings = {"1", "2"})
        void unnamed(String replicas, Snapshotter snapshot) {
            snapshot.assertMatches(chart(replicas));
        }

        @RepeatedTest(2)
        void repeated(Snapshotter snapshot) {
            snapshot.assertMatches(chart("7"));
        }
    }

    @ExtendWith({OnlyInNestedLauncher.class, ChartSnapshotExtension.class})
    static class SampleOuterTest {
        @Nested
        class Inner {
            @Test
            void nested(Snapshotter snapshot) {
                snapshot.assertMatches(chart("4"));
            }
        }
    }

    static class SampleWithOptionsTest {
        @RegisterExtension
        static final ChartSnapshotExtension SNAPSHOTS =
                ChartSnapshotExtension.withOptions(SnapshotOptions.defaults().mask("spec.replicas"));

        @Test
        @ExtendWith(OnlyInNestedLauncher.class)
        void masked(Snapshotter snapshot) {
            snapshot.assertMatches(chart(String.valueOf(System.nanoTime() % 1000)));
        }
    }

    /** What a nested run reported. */
    record Run(List<String> failures, List<String> reportEntries, List<String> written, long succeeded) {
        String failureText() {
            return String.join("\n", failures);
        }
    }

    private Run run(Map<String, String> settings, DiscoverySelector... selectors) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(OnlyInNestedLauncher.FLAG, "true")
                .configurationParameter("runway.snapshot.dir", root.toString())
                .configurationParameter("runway.snapshot.ci", "false")
                .configurationParameter("runway.snapshot.update", "false");
        settings.forEach(request::configurationParameter);
        LauncherDiscoveryRequest discovery = request.build();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<String> entries = new CopyOnWriteArrayList<>();
        List<String> written = new CopyOnWriteArrayList<>();
        long[] succeeded = {0};
        Launcher launcher = LauncherFactory.create();
        // The nested runs' console lines ("[runway snapshot] ... written") are what users see; here the report entries
        // carry them, so they stay out of this build's log.
        java.io.PrintStream console = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true));
        try {
            launcher.execute(discovery, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL && id.isTest()) {
                        succeeded[0]++;
                    }
                    result.getThrowable().ifPresent(t -> failures.add(id.getDisplayName() + ": " + t.getMessage()));
                }

                @Override
                public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                    entry.getKeyValuePairs()
                            .forEach((key, value) ->
                                    (key.equals("runway.snapshot.written") ? written : entries).add(value));
                }
            });
        } finally {
            System.setErr(console);
        }
        return new Run(new ArrayList<>(failures), new ArrayList<>(entries), new ArrayList<>(written), succeeded[0]);
    }

    private Path folder() {
        return root.resolve("ChartSnapshotExtensionTest.SampleChartTest");
    }

    @Test
    void snapshotsAreNamedAfterTheTestClassMethodAndName() throws Exception {
        Run run = run(Map.of(), selectClass(SampleChartTest.class));

        assertEquals(4, run.succeeded(), run.failureText());
        assertTrue(run.failureText().contains("fails before it checks its snapshot"), run.failureText());
        for (String file : List.of(
                "defaults.yaml",
                "variants-one.yaml",
                "variants-three.yaml",
                "parameterized-r1.yaml",
                "parameterized-r2.yaml")) {
            assertTrue(Files.isRegularFile(folder().resolve(file)), file);
        }
        assertTrue(Files.readString(folder().resolve("variants-three.yaml")).contains("  replicas: 3\n"));
        assertEquals(List.of(), run.reportEntries(), "no orphans on a first run");
        assertEquals(1, run.written().size(), run.written().toString());
        assertTrue(run.written().get(0).startsWith("""
                5 snapshots written; review and commit:
                  ChartSnapshotExtensionTest.SampleChartTest/defaults.yaml
                """), run.written().get(0));

        Run again = run(Map.of(), selectClass(SampleChartTest.class));
        assertEquals(4, again.succeeded(), again.failureText());
        assertEquals(List.of(), again.written(), "nothing written when everything matches");
    }

    @Test
    void aMismatchFailsTheTestWithTheFieldPath() throws Exception {
        run(Map.of(), selectClass(SampleChartTest.class));
        Files.writeString(
                folder().resolve("defaults.yaml"),
                Files.readString(folder().resolve("defaults.yaml")).replace("replicas: 2", "replicas: 5"));

        Run run = run(Map.of(), selectMethod(SampleChartTest.class, "defaults", Snapshotter.class.getName()));

        assertTrue(run.failureText().contains("~ Deployment/web spec.replicas: 5 -> 2"), run.failureText());
    }

    @Test
    void snapshotsOfRemovedTestsAndUnusedNamesAreReportedAfterTheClass() throws Exception {
        run(Map.of(), selectClass(SampleChartTest.class));
        Files.writeString(folder().resolve("renamedAway.yaml"), "---\nkind: X\n");
        Files.writeString(folder().resolve("variants-two.yaml"), "---\nkind: X\n");
        Files.writeString(folder().resolve("failsBeforeSnapshot.yaml"), "---\nkind: X\n");

        Run run = run(Map.of(), selectClass(SampleChartTest.class));

        assertEquals(1, run.reportEntries().size(), run.reportEntries().toString());
        String report = run.reportEntries().get(0);
        assertTrue(report.startsWith("2 snapshots no test uses any more:"), report);
        assertTrue(report.contains("ChartSnapshotExtensionTest.SampleChartTest/renamedAway.yaml"), report);
        assertTrue(report.contains("ChartSnapshotExtensionTest.SampleChartTest/variants-two.yaml"), report);
        assertFalse(report.contains("failsBeforeSnapshot"), "a failed test proves nothing about its snapshots");
        assertTrue(Files.exists(folder().resolve("renamedAway.yaml")), "warn mode deletes nothing");
    }

    @Test
    void testsThatDidNotRunDoNotMakeOrphans() throws Exception {
        run(Map.of(), selectClass(SampleChartTest.class));

        Run run = run(Map.of(), selectMethod(SampleChartTest.class, "defaults", Snapshotter.class.getName()));

        assertEquals(1, run.succeeded(), run.failureText());
        assertEquals(List.of(), run.reportEntries(), "variants and parameterized did not run: not judged");
    }

    @Test
    void updateModeDeletesOrphansAndFailModeFailsTheClass() throws Exception {
        run(Map.of(), selectClass(SampleChartTest.class));
        Files.writeString(folder().resolve("renamedAway.yaml"), "---\nkind: X\n");

        Run failing = run(Map.of("runway.snapshot.orphans", "fail"), selectClass(SampleChartTest.class));
        assertTrue(failing.failureText().contains("1 snapshot no test uses any more:"), failing.failureText());
        assertTrue(Files.exists(folder().resolve("renamedAway.yaml")));

        Run updating = run(Map.of("runway.snapshot.update", "true"), selectClass(SampleChartTest.class));
        assertTrue(
                updating.reportEntries().get(0).contains("deleted"),
                updating.reportEntries().toString());
        assertFalse(Files.exists(folder().resolve("renamedAway.yaml")));
        assertTrue(Files.exists(folder().resolve("defaults.yaml")));
    }

    @Test
    void ciModeFailsOnMissingSnapshotsThroughTheExtension() {
        Run run = run(
                Map.of("runway.snapshot.ci", "true"),
                selectMethod(SampleChartTest.class, "defaults", Snapshotter.class.getName()));

        assertTrue(run.failureText().contains("is missing"), run.failureText());
        assertFalse(Files.exists(folder()));
    }

    @Test
    void foldersOfTestClassesThatNoLongerExistAreReportedAtTheEndOfTheRun() throws Exception {
        Path gone = root.resolve("DeletedLongAgoTest");
        Files.createDirectories(gone);
        Files.writeString(gone.resolve("defaults.yaml"), "---\nkind: X\n");

        Run failing = run(
                Map.of("runway.snapshot.orphans", "fail"),
                selectMethod(SampleChartTest.class, "defaults", Snapshotter.class.getName()));
        assertTrue(failing.failureText().contains("DeletedLongAgoTest/defaults.yaml"), failing.failureText());

        run(
                Map.of("runway.snapshot.update", "true"),
                selectMethod(SampleChartTest.class, "defaults", Snapshotter.class.getName()));
        assertFalse(Files.exists(gone), "update mode deletes the folder of a removed class");
        assertTrue(Files.exists(folder().resolve("defaults.yaml")));
    }

    @Test
    void nestedClassesGetTheirOwnFolderAndAreNotTakenForRemovedClasses() throws Exception {
        Path nested = root.resolve("ChartSnapshotExtensionTest.SampleOuterTest.Inner");
        Files.createDirectories(nested);
        Files.writeString(nested.resolve("gone.yaml"), "---\nkind: X\n");

        Run run = run(Map.of("runway.snapshot.orphans", "fail"), selectClass(SampleOuterTest.class));

        assertTrue(Files.isRegularFile(nested.resolve("nested.yaml")));
        assertEquals(1, run.failures().size(), run.failureText());
        assertTrue(
                run.failureText().contains("ChartSnapshotExtensionTest.SampleOuterTest.Inner/gone.yaml"),
                run.failureText());
        assertFalse(run.failureText().contains("nested.yaml"), run.failureText());
    }

    @Test
    void classesThatShareASnapshotFolderAreWarnedAboutAndNotCheckedForOrphans() throws Exception {
        Path shared = root.resolve("SharedNameSample");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("fromB.yaml"), "---\nkind: X\n");

        Run run = run(
                Map.of("runway.snapshot.orphans", "delete"),
                selectClass("dev.runway.render.snapshot.junit.samplea.SharedNameSample"));

        assertEquals(1, run.succeeded(), run.failureText());
        assertTrue(Files.exists(shared.resolve("fromB.yaml")), "another class's snapshot must survive");
        assertTrue(
                run.reportEntries().stream()
                        .anyMatch(e -> e.contains("dev.runway.render.snapshot.junit.samplea"
                                + ".SharedNameSample, dev.runway.render.snapshot.junit.sampleb.SharedNameSample share the snapshot "
                                + "folder SharedNameSample")),
                run.reportEntries().toString());
    }

    @Test
    void invocationsThatShareASnapshotMustAgree() throws Exception {
        Run run = run(Map.of(), selectClass(SampleUnnamedInvocationsTest.class));

        assertEquals(
                3,
                run.succeeded(),
                "both repetitions and the first parameterized invocation pass: " + run.failureText());
        assertEquals(1, run.failures().size(), run.failureText());
        assertTrue(
                run.failureText()
                        .contains("Chart snapshot ChartSnapshotExtensionTest.SampleUnnamedInvocationsTest"
                                + "/unnamed was already checked in this run with other content"),
                run.failureText());
        assertTrue(
                Files.readString(root.resolve("ChartSnapshotExtensionTest.SampleUnnamedInvocationsTest/unnamed.yaml"))
                        .contains("replicas: 1"),
                "the second invocation did not overwrite the first one's snapshot");
    }

    @Test
    void optionsOfARegisteredExtensionApplyToItsSnapshotters() throws Exception {
        Run first = run(Map.of(), selectClass(SampleWithOptionsTest.class));
        Run second = run(Map.of(), selectClass(SampleWithOptionsTest.class));

        assertEquals(1, first.succeeded(), first.failureText());
        assertEquals(1, second.succeeded(), second.failureText());
        assertTrue(Files.readString(root.resolve("ChartSnapshotExtensionTest.SampleWithOptionsTest/masked.yaml"))
                .contains("  replicas: <masked>\n"));
    }

    @Test
    void orphanPolicyOfUnknownValueIsAClearError() {
        Run run = run(
                Map.of("runway.snapshot.orphans", "sometimes"),
                selectMethod(SampleChartTest.class, "defaults", Snapshotter.class.getName()));

        assertTrue(
                run.failureText().contains("runway.snapshot.orphans must be warn, fail or delete, not 'sometimes'"),
                run.failureText());
    }
}
