package dev.runway.render.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Differences between what a render produces now and the manifests committed in a directory (for example
 * {@code deploy/production/}), as readable unified diffs.
 */
public final class Drift {

    private Drift() {
    }

    /** One file that differs. {@code diff} is a unified diff from committed to rendered. */
    public record FileDrift(String name, Kind kind, String diff) {
        public enum Kind { CHANGED, MISSING_IN_COMMITTED, NOT_RENDERED }

        /** One line for a log: what differs and what to do. */
        public String summary() {
            return switch (kind) {
                case CHANGED -> name + ": the committed file differs from the render";
                case MISSING_IN_COMMITTED -> name + ": rendered but not committed";
                case NOT_RENDERED -> name + ": committed but no longer rendered";
            };
        }
    }

    /** Compares {@code rendered} files with the YAML files in {@code committed}; a missing directory is empty. */
    public static List<FileDrift> compare(List<OutputFile> rendered, Path committed) {
        Map<String, String> existing = new TreeMap<>();
        if (Files.isDirectory(committed)) {
            try (Stream<Path> entries = Files.list(committed)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (Files.isRegularFile(entry) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        existing.put(name, Files.readString(entry, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + committed + ": " + e.getMessage(), e);
            }
        }
        List<FileDrift> drifts = new ArrayList<>();
        for (OutputFile file : rendered) {
            String before = existing.remove(file.name());
            String committedName = committed.resolve(file.name()).toString();
            if (before == null) {
                drifts.add(new FileDrift(file.name(), FileDrift.Kind.MISSING_IN_COMMITTED,
                        LineDiff.unified("/dev/null", "", "rendered/" + file.name(), file.content())));
            } else if (!before.equals(file.content())) {
                drifts.add(new FileDrift(file.name(), FileDrift.Kind.CHANGED,
                        LineDiff.unified(committedName, before, "rendered/" + file.name(), file.content())));
            }
        }
        existing.forEach((name, text) -> drifts.add(new FileDrift(name, FileDrift.Kind.NOT_RENDERED,
                LineDiff.unified(committed.resolve(name).toString(), text, "/dev/null", ""))));
        return drifts;
    }
}
