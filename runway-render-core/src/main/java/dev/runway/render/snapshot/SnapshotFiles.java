package dev.runway.render.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reading and writing snapshot files: UTF-8, LF, written whole or not at all. */
final class SnapshotFiles {

    private SnapshotFiles() {
    }

    /** The file's text with LF line endings (a Windows checkout with autocrlf gives CRLF) and no BOM. */
    static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return RenderedCharts.normalizeLineEndings(text);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("snapshot file " + file + " is not UTF-8 text; rewrite it with -D"
                    + SnapshotSettings.UPDATE_PROPERTY + "=true", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes through a temporary file in the same folder and an atomic rename, so a test run that stops midway
     * (or a parallel reader) never sees half a snapshot.
     */
    static void write(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }
}
