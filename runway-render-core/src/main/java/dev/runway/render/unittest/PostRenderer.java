package dev.runway.render.unittest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * helm-unittest's {@code postRenderer} ({@code cmd} and {@code args}, the test's replacing the suite's): the rendered
 * files are joined in name order, each after a {@code ---} and a {@code #### file: <name>} comment, piped through the
 * command as Helm's exec post-renderer does, and split again at those comments (all of the output is one file,
 * {@code manifest.yaml}, when the command drops them). The command runs from the build's working directory, found on
 * the PATH; it gets {@link #TIMEOUT_SECONDS} and at most {@link #MAX_OUTPUT_BYTES} of output.
 *
 * @param command the program
 * @param args    its arguments
 */
record PostRenderer(String command, List<String> args) {
    static final long TIMEOUT_SECONDS = 60;
    static final long MAX_OUTPUT_BYTES = 64L << 20;
    private static final String FILE_KEY = "#### file:";

    /** The test's post-renderer, else the suite's; null when neither names a command. */
    static PostRenderer of(Object suite, Object test) {
        PostRenderer own = parse(test);
        return own != null ? own : parse(suite);
    }

    private static PostRenderer parse(Object config) {
        if (!(config instanceof Map<?, ?> m)
                || m.get("cmd") == null
                || String.valueOf(m.get("cmd")).isEmpty()) {
            return null;
        }
        List<String> args = new ArrayList<>();
        if (m.get("args") instanceof List<?> list) {
            list.forEach(a -> args.add(String.valueOf(a)));
        }
        return new PostRenderer(String.valueOf(m.get("cmd")), List.copyOf(args));
    }

    /** MergeAndPostRender, then SplitManifests. */
    Map<String, String> run(Map<String, String> outputs) {
        StringBuilder merged = new StringBuilder();
        new TreeMap<>(outputs)
                .forEach((file, text) -> merged.append("---\n")
                        .append(FILE_KEY)
                        .append(' ')
                        .append(file)
                        .append('\n')
                        .append(text.strip())
                        .append('\n'));
        return split(exec(merged.toString()));
    }

    private String exec(String input) {
        Path in = null;
        Path out = null;
        Path err = null;
        try {
            in = Files.createTempFile("runway-post-render-in", ".yaml");
            out = Files.createTempFile("runway-post-render-out", ".yaml");
            err = Files.createTempFile("runway-post-render-err", ".txt");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>();
            cmd.add(command);
            cmd.addAll(args);
            Process process = new ProcessBuilder(cmd)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failed("it did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (Files.size(out) > MAX_OUTPUT_BYTES) {
                throw failed("it printed more than " + MAX_OUTPUT_BYTES + " bytes");
            }
            if (process.exitValue() != 0) {
                String stderr = Files.size(err) > MAX_OUTPUT_BYTES ? "(too long)" : Files.readString(err);
                throw failed("error while running command " + command + ". error output:\n" + stderr + ": exit status "
                        + process.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed("error while running command " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted");
        } finally {
            for (Path p : new Path[] {in, out, err}) {
                if (p != null) {
                    p.toFile().delete();
                }
            }
        }
    }

    private static UnittestException failed(String why) {
        return new UnittestException("post-render failed: " + why);
    }

    /** SplitManifests: each block from a {@code ---\n#### file: <name>} line to the next. */
    static Map<String, String> split(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String separator = "---\n" + FILE_KEY;
        int at = text.indexOf(separator);
        while (at >= 0) {
            int next = text.indexOf(separator, at + separator.length());
            String block = text.substring(at, next < 0 ? text.length() : next);
            int lineEnd = block.indexOf('\n', 4);
            String header = block.substring(4, lineEnd < 0 ? block.length() : lineEnd);
            if (header.startsWith(FILE_KEY + " ")) {
                out.put(header.substring(FILE_KEY.length() + 1), lineEnd < 0 ? "" : block.substring(lineEnd + 1));
            }
            at = next;
        }
        if (out.isEmpty()) {
            out.put("manifest.yaml", text);
        }
        return out;
    }
}
