package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link HostileEngineMain} in a JVM of its own with {@code -Xmx256m}, so that a hostile input that ate the heap
 * or the stack shows as a failed assertion instead of taking the test JVM down, and checks the one RESULT line it
 * prints: the outcome, a part of the output or message, and the render time. The child's time and peak heap are
 * echoed for the record.
 */
final class ForkedRender {
    /**
     * CPU time the child's render may take (all its threads: the render, the collector, the JIT). CPU time rather than
     * wall time, because wall time grows with the machine's load (a 2-core build machine shared with other builds ran
     * a 3 s render in 14 s) while the work a hostile input causes does not; the JVM as a whole still gets
     * {@link #MAX_JVM_SECONDS} of wall time.
     */
    static final long MAX_RENDER_CPU_MILLIS = 10_000;

    private static final long MAX_JVM_SECONDS = 60;
    /** A command-line argument may not exceed 128 KiB on Linux: longer ones travel in a file. */
    private static final int MAX_INLINE_ARGUMENT = 8192;

    private ForkedRender() {}

    /**
     * Forks the render of {@code arguments} (as {@link HostileEngineMain} reads them) and asserts that it ends within
     * {@link #MAX_RENDER_CPU_MILLIS} of CPU time with {@code outcome} (OK or ERROR) and a result containing {@code detail}.
     */
    static void expect(String name, List<String> arguments, String outcome, String detail)
            throws IOException, InterruptedException {
        expect(name, Map.of(), arguments, outcome, detail);
    }

    /** As {@link #expect(String, List, String, String)}, with these environment variables set for the child. */
    static void expect(
            String name, Map<String, String> environment, List<String> arguments, String outcome, String detail)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                HostileEngineMain.class.getName()));
        Path log = Path.of("target", "hostile-" + name + ".log");
        Files.createDirectories(log.getParent());
        for (String argument : arguments) {
            if (argument.length() > MAX_INLINE_ARGUMENT) {
                Path file = Path.of("target", "hostile-" + name + "-" + command.size() + ".arg");
                Files.writeString(file, argument);
                argument = "@" + file.toAbsolutePath();
            }
            command.add(argument);
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(MAX_JVM_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + ": the forked render did not end within " + MAX_JVM_SECONDS + " s");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String line = out.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no result from the forked JVM:\n" + out));
        String[] parts = line.split(" ", 5);
        long millis = Long.parseLong(parts[1]);
        long cpuMillis = Long.parseLong(parts[2]);
        String result = parts[4];
        System.out.printf(
                "[hostile] %-20s %6d ms (CPU %6d ms) %4s MB peak heap  %s%n",
                name, millis, cpuMillis, parts[3], result.length() > 140 ? result.substring(0, 140) + "..." : result);
        assertTrue(result.startsWith(outcome + " "), () -> name + ": expected " + outcome + " but got " + result);
        assertTrue(result.contains(detail), () -> name + ": expected " + detail + " in " + result);
        assertTrue(
                cpuMillis < MAX_RENDER_CPU_MILLIS,
                () -> name + ": took " + cpuMillis + " ms of CPU (" + millis + " ms wall)");
    }
}
