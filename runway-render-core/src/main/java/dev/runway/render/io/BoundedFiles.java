package dev.runway.render.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file that someone else named (a values file, a {@code --set-file}, a service manifest, a chart's file)
 * without trusting its size or its kind. {@code Files.size} says 0 for {@code /dev/zero} and for files under
 * {@code /proc}, so a size check alone lets {@code readAllBytes} run out of memory; a named pipe blocks the read
 * until someone writes to it. Here only regular files are read (after symbolic links are followed), and never more
 * than the limit plus one byte, whatever the size said.
 */
public final class BoundedFiles {
    /** File type bits of {@code st_mode} (sys/stat.h), from the "unix:mode" attribute where the platform has it. */
    private static final int TYPE_MASK = 0170000;

    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private BoundedFiles() {}

    /**
     * The file's bytes, at most {@code maxBytes} of them.
     *
     * @throws NotARegularFileException when the path names a directory, a named pipe, a device or a socket
     * @throws FileTooLargeException    when the file has more than {@code maxBytes} bytes
     * @throws IOException              when the file cannot be read (no such file, no permission)
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        checkRegular(file);
        // Between this check and the open, the file could be replaced by a pipe; the cap below still holds, and a
        // chart or values file that changes while it is read is not a case worth a second system call per file.
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new FileTooLargeException(file, limit);
            }
            return bytes;
        }
    }

    /**
     * The file's text, at most {@code maxBytes} bytes of strict UTF-8.
     *
     * @throws java.nio.charset.CharacterCodingException when the bytes are not UTF-8 text
     * @throws NotARegularFileException when the path names a directory, a named pipe, a device or a socket
     * @throws FileTooLargeException    when the file has more than {@code maxBytes} bytes
     */
    public static String readUtf8(Path file, long maxBytes) throws IOException {
        return java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(read(file, maxBytes)))
                .toString();
    }

    /**
     * Fails unless {@code file} is a regular file (after following links); a missing file is left to the read,
     * whose {@code NoSuchFileException} callers already word.
     */
    public static void checkRegular(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new NotARegularFileException(file, kind(file, attributes));
        }
    }

    /** What the file is, in words, for a message: "a directory", "a named pipe (FIFO)", "a character device". */
    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            return "not a regular file"; // a platform without the unix view
        }
        return switch (mode & TYPE_MASK) {
            case FIFO -> "a named pipe (FIFO)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "not a regular file";
        };
    }

    /** The path names something other than a regular file; the message says what, and what to give instead. */
    public static final class NotARegularFileException extends IOException {
        private final String kind;

        NotARegularFileException(Path file, String kind) {
            super(file + " is " + kind + ", not a regular file; "
                    + (kind.equals("a directory")
                            ? "name a file in it"
                            : "save the content to a regular file and name that file"));
            this.kind = kind;
        }

        /** What the path names, in words ("a directory", "a named pipe (FIFO)"). */
        public String kind() {
            return kind;
        }
    }

    /** The file has more bytes than the reader accepts. */
    public static final class FileTooLargeException extends IOException {
        private final long limit;

        FileTooLargeException(Path file, long limit) {
            super(file + " has more than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
