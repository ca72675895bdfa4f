package dev.runway.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scratch folders for tests and oracle probes that outlive one test method: under {@code target/scratch}, so a build
 * leaves nothing in the system's temporary folder (earlier builds left tens of thousands of folders there) and
 * {@code mvn clean} removes them. Tests that need a folder for one method use JUnit's {@code @TempDir} instead.
 */
public final class ScratchDirectories {
    private static final Path ROOT = Path.of("target", "scratch").toAbsolutePath();

    private ScratchDirectories() {}

    /** A new, empty folder whose name starts with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        Files.createDirectories(ROOT);
        return Files.createTempDirectory(ROOT, prefix);
    }
}
