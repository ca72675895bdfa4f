package dev.runway.render.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a chart comes from: a directory, or a classpath resource folder (the bundled {@code charts/runway-eks}).
 * Exactly one of the two is set.
 */
public record ChartSource(Path directory, String classpathName) {

    /** The chart packed into the core jar. */
    public static final ChartSource RUNWAY_EKS = classpath("charts/runway-eks");

    public ChartSource {
        if ((directory == null) == (classpathName == null)) {
            throw new IllegalArgumentException("a chart comes from a directory or the classpath, not both or neither");
        }
    }

    public static ChartSource directory(Path directory) {
        return new ChartSource(Objects.requireNonNull(directory, "directory"), null);
    }

    public static ChartSource classpath(String name) {
        return new ChartSource(null, Objects.requireNonNull(name, "name"));
    }

    public boolean onClasspath() {
        return classpathName != null;
    }

    @Override
    public String toString() {
        return onClasspath() ? "classpath:" + classpathName : directory.toString();
    }
}
