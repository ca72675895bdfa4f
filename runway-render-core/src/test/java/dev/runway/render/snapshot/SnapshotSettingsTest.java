package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotSettingsTest {

    private static final Map<String, String> NONE = Map.of();

    private static SnapshotSettings from(Map<String, String> properties, Map<String, String> env) {
        Map<String, String> withDir = new java.util.HashMap<>(properties);
        withDir.putIfAbsent("user.dir", "/work/project");
        return SnapshotSettings.from(withDir, env);
    }

    @Test
    void defaultsToLocalModeUnderTestResources() {
        SnapshotSettings settings = from(NONE, NONE);

        assertEquals(SnapshotMode.LOCAL, settings.mode());
        assertEquals(OrphanPolicy.WARN, settings.orphans());
        assertEquals(Path.of("/work/project/src/test/resources/__snapshots__").toAbsolutePath(), settings.root());
    }

    @Test
    void updateComesFromThePropertyOrTheEnvironment() {
        assertEquals(
                SnapshotMode.UPDATE,
                from(Map.of("runway.snapshot.update", "true"), NONE).mode());
        assertEquals(
                SnapshotMode.UPDATE,
                from(Map.of("runway.snapshot.update", ""), NONE).mode(),
                "-Dname alone");
        assertEquals(
                SnapshotMode.UPDATE,
                from(NONE, Map.of("RUNWAY_SNAPSHOT_UPDATE", "TRUE")).mode());
        assertEquals(
                SnapshotMode.LOCAL,
                from(Map.of("runway.snapshot.update", "false"), Map.of("RUNWAY_SNAPSHOT_UPDATE", "true"))
                        .mode(),
                "the property wins over the environment");
        assertEquals(
                OrphanPolicy.DELETE,
                from(Map.of("runway.snapshot.update", "true"), NONE).orphans());
    }

    @Test
    void ciModeComesFromTheCiVariableOrTheProperty() {
        assertEquals(SnapshotMode.CI, from(NONE, Map.of("CI", "true")).mode());
        assertEquals(SnapshotMode.CI, from(NONE, Map.of("CI", "1")).mode());
        assertEquals(SnapshotMode.LOCAL, from(NONE, Map.of("CI", "false")).mode());
        assertEquals(
                SnapshotMode.CI,
                from(Map.of("runway.snapshot.ci", "true"), NONE).mode());
        assertEquals(
                SnapshotMode.LOCAL,
                from(Map.of("runway.snapshot.ci", "false"), Map.of("CI", "true"))
                        .mode());
    }

    @Test
    void anExplicitUpdateWinsOverCi() {
        assertEquals(
                SnapshotMode.UPDATE,
                from(Map.of("runway.snapshot.update", "true"), Map.of("CI", "true"))
                        .mode());
    }

    @Test
    void directoryAndOrphanPolicyAreConfigurable() {
        SnapshotSettings settings =
                from(Map.of("runway.snapshot.dir", "snapshots", "runway.snapshot.orphans", "Fail"), NONE);
        assertEquals(Path.of("/work/project/snapshots").toAbsolutePath(), settings.root());
        assertEquals(OrphanPolicy.FAIL, settings.orphans());
        assertEquals(
                Path.of("/elsewhere").toAbsolutePath(),
                from(NONE, Map.of("RUNWAY_SNAPSHOT_DIR", "/elsewhere")).root());
    }

    @Test
    void valuesThatAreNotUnderstoodAreErrorsNamingTheSetting() {
        IllegalArgumentException update = assertThrows(
                IllegalArgumentException.class, () -> from(Map.of("runway.snapshot.update", "yes please"), NONE));
        assertTrue(
                update.getMessage().contains("runway.snapshot.update must be true or false, not 'yes please'"),
                update.getMessage());
        IllegalArgumentException orphans = assertThrows(
                IllegalArgumentException.class, () -> from(NONE, Map.of("RUNWAY_SNAPSHOT_ORPHANS", "keep")));
        assertTrue(
                orphans.getMessage().contains("RUNWAY_SNAPSHOT_ORPHANS must be warn, fail or delete"),
                orphans.getMessage());
    }
}
