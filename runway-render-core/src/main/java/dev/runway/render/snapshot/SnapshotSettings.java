package dev.runway.render.snapshot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where snapshots live and how they are checked. Immutable: tests build one from maps instead of touching system
 * properties or the environment.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>System property</th><th>Environment variable</th><th>Effect</th></tr>
 * <tr><td>{@code runway.snapshot.update=true}</td><td>{@code RUNWAY_SNAPSHOT_UPDATE=true}</td>
 *     <td>{@link SnapshotMode#UPDATE}: rewrite changed snapshots. Wins over CI mode, as Jest's
 *     {@code --ci -u} does: asking for an update is explicit.</td></tr>
 * <tr><td>{@code runway.snapshot.ci=true|false}</td><td>{@code CI=true} (set by GitHub Actions, GitLab CI and
 *     most CI services)</td><td>{@link SnapshotMode#CI}: never write; a missing snapshot fails. The property
 *     wins over the variable, so {@code -Drunway.snapshot.ci=false} turns CI mode off on a CI machine.</td></tr>
 * <tr><td>{@code runway.snapshot.dir}</td><td>{@code RUNWAY_SNAPSHOT_DIR}</td><td>the snapshot root, relative to
 *     the working directory (Maven runs tests in the module's directory); default
 *     {@value #DEFAULT_DIRECTORY}</td></tr>
 * <tr><td>{@code runway.snapshot.orphans=warn|fail|delete}</td><td>{@code RUNWAY_SNAPSHOT_ORPHANS}</td>
 *     <td>what to do with snapshots no test uses any more; default {@code warn}, {@code delete} in update
 *     mode</td></tr>
 * </table>
 *
 * @param root    the directory that holds one folder per test class
 * @param mode    how files are treated
 * @param orphans what to do with snapshots no test uses any more
 */
public record SnapshotSettings(Path root, SnapshotMode mode, OrphanPolicy orphans) {

    public static final String DEFAULT_DIRECTORY = "src/test/resources/__snapshots__";
    public static final String UPDATE_PROPERTY = "runway.snapshot.update";
    public static final String UPDATE_ENV = "RUNWAY_SNAPSHOT_UPDATE";
    public static final String CI_PROPERTY = "runway.snapshot.ci";
    public static final String CI_ENV = "CI";
    public static final String DIR_PROPERTY = "runway.snapshot.dir";
    public static final String DIR_ENV = "RUNWAY_SNAPSHOT_DIR";
    public static final String ORPHANS_PROPERTY = "runway.snapshot.orphans";
    public static final String ORPHANS_ENV = "RUNWAY_SNAPSHOT_ORPHANS";

    public SnapshotSettings {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(orphans, "orphans");
    }

    /** Settings from this JVM's system properties and environment. */
    public static SnapshotSettings fromSystem() {
        return from(toMap(System.getProperties()), System.getenv());
    }

    /**
     * Settings from the given system properties and environment variables (see the class comment). A relative
     * directory is resolved against {@code user.dir} from {@code properties}, or the current directory.
     *
     * @throws IllegalArgumentException naming the setting when a value is not understood
     */
    public static SnapshotSettings from(Map<String, String> properties, Map<String, String> environment) {
        Boolean update = flag(properties, UPDATE_PROPERTY);
        if (update == null) {
            update = flag(environment, UPDATE_ENV);
        }
        Boolean ci = flag(properties, CI_PROPERTY);
        if (ci == null) {
            ci = ciVariable(environment.get(CI_ENV));
        }
        SnapshotMode mode = Boolean.TRUE.equals(update)
                ? SnapshotMode.UPDATE
                : Boolean.TRUE.equals(ci) ? SnapshotMode.CI : SnapshotMode.LOCAL;

        String dir = properties.get(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = environment.get(DIR_ENV);
        }
        if (dir == null || dir.isBlank()) {
            dir = DEFAULT_DIRECTORY;
        }
        Path root = Path.of(dir.strip());
        if (!root.isAbsolute()) {
            String base = properties.get("user.dir");
            root = (base == null ? Path.of("").toAbsolutePath() : Path.of(base)).resolve(root);
        }

        String orphanText = properties.get(ORPHANS_PROPERTY);
        String orphanSource = ORPHANS_PROPERTY;
        if (orphanText == null || orphanText.isBlank()) {
            orphanText = environment.get(ORPHANS_ENV);
            orphanSource = ORPHANS_ENV;
        }
        OrphanPolicy orphans;
        if (orphanText == null || orphanText.isBlank()) {
            orphans = mode == SnapshotMode.UPDATE ? OrphanPolicy.DELETE : OrphanPolicy.WARN;
        } else {
            try {
                orphans = OrphanPolicy.valueOf(orphanText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        orphanSource + " must be warn, fail or delete, not '" + orphanText + "'", e);
            }
        }
        return new SnapshotSettings(root, mode, orphans);
    }

    /** A copy in another mode. */
    public SnapshotSettings withMode(SnapshotMode newMode) {
        return new SnapshotSettings(root, newMode, orphans);
    }

    /** A copy with another orphan policy. */
    public SnapshotSettings withOrphans(OrphanPolicy newOrphans) {
        return new SnapshotSettings(root, mode, newOrphans);
    }

    /** {@code true}/{@code false} (any case; an empty value, as {@code -Dname} gives, is true), or null if unset. */
    private static Boolean flag(Map<String, String> source, String name) {
        String value = source.get(name);
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    }

    /** CI services set {@code CI} to {@code true}, {@code 1} or similar; anything else counts as not CI. */
    private static Boolean ciVariable(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
