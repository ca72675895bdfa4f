package dev.runway.render.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes files the way build outputs should be written: only when the content changed (so timestamps, and
 * whatever watches them, stay quiet), and atomically (a temporary file in the same directory, then a rename),
 * so a reader never sees half a file and a crash never leaves one.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code content} as UTF-8; returns true when the file was written, false when it already held it. */
    public static boolean writeIfChanged(Path file, String content) {
        return writeIfChanged(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content}; returns true when the file was written, false when it already held exactly this. */
    public static boolean writeIfChanged(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file)
                    && Files.size(file) == content.length
                    && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                Files.write(temporary, content);
                setPermissions(temporary, file);
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

    /**
     * A temporary file is private (rw-------); the written file keeps the permissions of the one it replaces, or
     * gets the usual rw-r--r-- of a build output.
     */
    private static void setPermissions(Path temporary, Path file) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions =
                Files.exists(file) ? Files.getPosixFilePermissions(file) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }
}
