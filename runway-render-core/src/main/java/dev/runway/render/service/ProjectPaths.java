package dev.runway.render.service;

import java.nio.file.Path;

/** How the pipeline's messages name paths. */
public final class ProjectPaths {

    private ProjectPaths() {}

    /** A path for messages: relative to the base directory when it lies below it, else as given. */
    public static String relative(Path baseDirectory, Path path) {
        Path basedir = baseDirectory.toAbsolutePath().normalize();
        Path absolute = basedir.resolve(path).normalize();
        return absolute.startsWith(basedir) && !absolute.equals(basedir)
                ? basedir.relativize(absolute).toString()
                : path.toString();
    }

    /**
     * A path relative to the working directory when it lies below it: diff headers then read
     * {@code deploy/staging/manifests.yaml}, not an absolute path, and the path still opens the same file.
     */
    public static Path shortForDiffs(Path path) {
        if (path == null) {
            return null;
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute)
                : absolute;
    }
}
