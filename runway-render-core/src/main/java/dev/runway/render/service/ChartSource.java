package dev.runway.render.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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

    // Written out: records' generated equals and hashCode bootstrap through java.lang.runtime.ObjectMethods, which
    // spins many method-handle classes the first time in a JVM (issue 19); a render keys its prepared charts by source.
    @Override
    public boolean equals(Object o) {
        return o instanceof ChartSource s
                && Objects.equals(directory, s.directory)
                && Objects.equals(classpathName, s.classpathName);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(directory) + Objects.hashCode(classpathName);
    }

    public boolean onClasspath() {
        return classpathName != null;
    }

    /** A file of the chart as text ({@code values.yaml}), or empty when the chart has no such file. */
    public Optional<String> readFile(String name) {
        try {
            if (onClasspath()) {
                try (InputStream in =
                        ChartSource.class.getClassLoader().getResourceAsStream(classpathName + "/" + name)) {
                    return in == null
                            ? Optional.empty()
                            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Path file = directory.resolve(name);
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of the chart " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return onClasspath() ? "classpath:" + classpathName : directory.toString();
    }
}
