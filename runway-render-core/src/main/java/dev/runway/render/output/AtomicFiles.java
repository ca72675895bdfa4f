package dev.runway.render.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes files the way build outputs should be written: only when the content changed (so timestamps, and
 * whatever watches them, stay quiet), and atomically (a temporary file in the same directory, then a rename),
 * so a reader never sees half a file and a crash never leaves one.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code content} as UTF-8; returns true when the file was written, false when it already held it. */
    public static boolean writeIfChanged(Path file, String content) {
        return writeIfChanged(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content}; returns true when the file was written, false when it already held exactly this. */
    public static boolean writeIfChanged(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == content.length
                    && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
