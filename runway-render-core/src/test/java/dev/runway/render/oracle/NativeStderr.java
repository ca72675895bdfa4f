package dev.runway.render.oracle;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Helm's warnings from helm-java's native library ({@code Warning: Condition path 'sub.enabled' for chart sub returned
 * non-bool value}) go through Go's log straight to the process's stderr, file descriptor 2, past Java's System.err: in
 * the build log they read as noise from nowhere. This runs a call with descriptor 2 pointed at a temporary file (POSIX
 * dup, dup2 and creat through JNA, which helm-java brings) and gives back what was written there. On Windows, or when
 * libc cannot be reached, the call runs as it is.
 */
final class NativeStderr {

    private static final int STDERR = 2;

    /** The three POSIX calls it needs; {@code creat} spares the platform-specific flags of {@code open}. */
    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int close(int fd);

        int creat(String path, int mode);
    }

    /** A call's result and what native code wrote to stderr meanwhile. */
    record Captured<T>(T result, String stderr) {}

    private static final LibC LIBC = load();

    private NativeStderr() {}

    private static LibC load() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** Runs {@code call} with native stderr captured; one capture at a time (descriptor 2 is the process's). */
    static synchronized <T> Captured<T> capture(Supplier<T> call) {
        if (LIBC == null) {
            return new Captured<>(call.get(), "");
        }
        Path file;
        try {
            file = Files.createTempFile("native-stderr", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.flush();
        int saved = LIBC.dup(STDERR);
        int target = LIBC.creat(file.toString(), 0600);
        if (saved < 0 || target < 0 || LIBC.dup2(target, STDERR) < 0) {
            closeQuietly(saved, target);
            return new Captured<>(call.get(), "");
        }
        LIBC.close(target);
        T result;
        try {
            result = call.get();
        } finally {
            System.err.flush();
            LIBC.dup2(saved, STDERR);
            LIBC.close(saved);
        }
        try {
            String written = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            return new Captured<>(result, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                LIBC.close(fd);
            }
        }
    }
}
