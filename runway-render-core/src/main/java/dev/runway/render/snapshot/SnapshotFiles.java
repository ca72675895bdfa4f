package dev.runway.render.snapshot;

import dev.runway.render.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing snapshot files: UTF-8, LF, written whole or not at all. */
final class SnapshotFiles {

    private SnapshotFiles() {}

    /** The file's text with LF line endings (a Windows checkout with autocrlf gives CRLF) and no BOM. */
    static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return RenderedCharts.normalizeLineEndings(text);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(
                    "snapshot file " + file + " is not UTF-8 text; rewrite it with -D"
                            + SnapshotSettings.UPDATE_PROPERTY + "=true",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Atomically (temporary file, then rename), so a run that stops midway never leaves half a snapshot. */
    static void write(Path file, String text) {
        AtomicFiles.writeIfChanged(file, text);
    }
}
