package dev.runway.render.robust;

import dev.runway.render.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites one output file with two large contents, back and forth, until killed (see OutputSafetyTest). */
public final class InterruptedWriteMain {
    static final int SIZE = 4 * 1024 * 1024;

    private InterruptedWriteMain() {}

    static String content(char c) {
        return "data: " + String.valueOf(c).repeat(SIZE) + "\n";
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String a = content('a');
        String b = content('b');
        AtomicFiles.writeIfChanged(dir.resolve("m.yaml"), a);
        Files.writeString(dir.resolve("started"), "yes");
        for (long i = 0; ; i++) {
            AtomicFiles.writeIfChanged(dir.resolve("m.yaml"), i % 2 == 0 ? b : a);
        }
    }
}
