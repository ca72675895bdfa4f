package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/**
 * runway:render's up-to-date check on the sample service, through a real Maven: a second run with nothing changed
 * stops before rendering and leaves the output alone; a changed values file, an edited or deleted output file and
 * {@code -Drunway.force=true} render again. The times are printed for a look, never asserted (a shared machine).
 */
class RenderUpToDateIT {

    private static final String UP_TO_DATE =
            "runway: output up to date (2 environments); -Drunway.force=true renders anyway";
    private static final String RENDERED = "[staging] 4 resources";

    @Test
    void aSecondRunWithNothingChangedIsUpToDateAndEveryChangeRendersAgain() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "up-to-date");
        Path staging = project.resolve("target/runway/staging/manifests.yaml");
        Path production = project.resolve("target/runway/production/manifests.yaml");

        long first = timed(() -> MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains("runway: rendering: no earlier render recorded", RENDERED));
        assertTrue(Files.isRegularFile(project.resolve("target/runway/render-fingerprint-default-cli.properties")));
        String stagingText = Files.readString(staging);
        Files.setLastModifiedTime(staging, FileTime.fromMillis(1_000_000_000L));

        long second = timed(() -> MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains(UP_TO_DATE)
                .assertLogLacks(RENDERED));
        assertEquals(1_000_000_000L, Files.getLastModifiedTime(staging).toMillis(), "the output is left alone");
        assertEquals(stagingText, Files.readString(staging));
        System.out.printf(
                "runway:render on the sample service: first run %d ms, up-to-date run %d ms (%.2fx)%n",
                first, second, (double) second / first);

        // A values file changed: rendered, and the output follows it.
        Path values = project.resolve(".runway/production.yaml");
        Files.writeString(values, Files.readString(values).replace("minReplicas: 3", "minReplicas: 5"));
        MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains("runway: rendering: .runway/production.yaml changed", RENDERED);
        assertTrue(Files.readString(production).contains("minReplicas: 5"), "the new value is rendered");
        MavenRun.run(project, "-o", "runway:render").assertSuccess().assertLogContains(UP_TO_DATE);

        // An output file edited by hand, then one deleted: each is rendered back.
        Files.writeString(staging, stagingText + "# edited by hand\n");
        MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains("runway: rendering: the output staging/manifests.yaml was edited", RENDERED);
        assertEquals(stagingText, Files.readString(staging));
        Files.delete(production);
        MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains("the output production/manifests.yaml was edited, added or removed");
        assertTrue(Files.isRegularFile(production));

        // Forced: rendered although nothing changed.
        MavenRun.run(project, "-o", "runway:render", "-Drunway.force=true")
                .assertSuccess()
                .assertLogContains(RENDERED)
                .assertLogLacks(UP_TO_DATE);

        // A setting given on the command line is an input too.
        MavenRun.run(project, "-o", "runway:render", "-Drunway.environment=staging")
                .assertSuccess()
                .assertLogContains("runway: rendering: ", RENDERED);
    }

    @Test
    void aCorruptFingerprintMeansRenderNotAnError() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "up-to-date-corrupt");
        MavenRun.run(project, "-o", "runway:render").assertSuccess();
        Files.writeString(
                project.resolve("target/runway/render-fingerprint-default-cli.properties"), "engine=\\u00zz\n");
        MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains(
                        "runway: rendering: the fingerprint render-fingerprint-default-cli.properties is "
                                + "unreadable",
                        RENDERED);
        MavenRun.run(project, "-o", "runway:render").assertSuccess().assertLogContains(UP_TO_DATE);
    }

    private static long timed(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
