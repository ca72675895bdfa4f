package dev.runway.render.unittest;

import com.google.re2j.PatternSyntaxException;
import dev.runway.render.regexp.GoRegexp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One suite's {@code __snapshot__/<suite file>.snap}, in helm-unittest's format (snapshot/cache.go): a yaml.v3
 * map from test name to a map from the assertion's snapshot number (1, 2, ... in the order the test compares) to
 * the snapshotted value as YAML text. New snapshots are stored; changed ones fail unless updating ({@code -u}),
 * and the file is rewritten when updating, when a snapshot was added, or when one vanished.
 */
final class SnapshotCache {
    /** One comparison: passed, the snapshot number, the cached and new text, and the regex message if any. */
    record Compared(boolean passed, int index, String cached, String fresh, String message, String error) {}

    private final Path file;
    private final boolean updating;
    private final Map<String, Map<Integer, String>> cached = new LinkedHashMap<>();
    private final Map<String, Map<Integer, String>> current = new LinkedHashMap<>();
    private int updated;
    private int inserted;
    private int compared;

    private SnapshotCache(Path file, boolean updating) {
        this.file = file;
        this.updating = updating;
    }

    /** CreateSnapshotOfSuite: the cache file beside the suite, read when it exists. */
    static SnapshotCache ofSuite(Path suiteFile, String snapshotId, boolean updating) {
        String base = suiteFile.getFileName().toString() + (snapshotId.isEmpty() ? "" : "_" + snapshotId);
        Path dir = suiteFile.toAbsolutePath().getParent().resolve("__snapshot__");
        SnapshotCache cache = new SnapshotCache(dir.resolve(base + ".snap"), updating);
        cache.restore();
        return cache;
    }

    Path file() {
        return file;
    }

    private void restore() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnittestException("cannot read snapshot file " + file + ": " + e.getMessage(), e);
        }
        Object doc;
        try {
            doc = UnittestYaml.read(text, file.toString());
        } catch (RuntimeException e) {
            throw new UnittestException("snapshot file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (doc == null) {
            return;
        }
        if (!(doc instanceof Map<?, ?> tests)) {
            throw new UnittestException("snapshot file " + file + " must map test names to snapshots");
        }
        for (Map.Entry<?, ?> test : tests.entrySet()) {
            Map<Integer, String> byIndex = new TreeMap<>();
            if (test.getValue() instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    try {
                        byIndex.put(Integer.parseInt(String.valueOf(e.getKey())), String.valueOf(e.getValue()));
                    } catch (NumberFormatException ex) {
                        throw new UnittestException("snapshot file " + file + ": test " + test.getKey()
                                + " has snapshot key " + e.getKey() + ", expected a number");
                    }
                }
            }
            cached.put(String.valueOf(test.getKey()), byIndex);
        }
    }

    /** Compare: the value's YAML against the cached snapshot (or the regex checks when a pattern is given). */
    Compared compare(String test, int index, Object content, String matchPattern, String notMatchPattern) {
        compared++;
        Map<Integer, String> byTest = cached.get(test);
        String old = byTest == null ? null : byTest.get(index);
        boolean existed = old != null;
        if (!existed) {
            inserted++;
        }
        boolean match = true;
        String message = "";
        String error = null;
        String fresh = UnittestYaml.marshal(content);
        String match1 = matchPattern == null ? "" : matchPattern.strip();
        String match2 = notMatchPattern == null ? "" : notMatchPattern.strip();
        if (!match1.isEmpty() || !match2.isEmpty()) {
            try {
                if (!match1.isEmpty()) {
                    match = GoRegexp.compile(match1).matcher(fresh).find();
                    if (!match) {
                        message = " pattern '" + match1 + "' not found in snapshot";
                    }
                }
                if (!match2.isEmpty()
                        && match
                        && GoRegexp.compile(match2).matcher(fresh).find()) {
                    match = false;
                    message = " pattern '" + match2 + "' should not be in snapshot";
                }
            } catch (PatternSyntaxException e) {
                error = "failed to compile regex pattern: " + e.getMessage();
            }
        } else if (existed && !fresh.equals(old)) {
            match = false;
            updated++;
        }
        current.computeIfAbsent(test, t -> new TreeMap<>()).put(index, updating || !existed ? fresh : old);
        return new Compared(updating || match, index, old == null ? "" : old, fresh, message, error);
    }

    boolean changed() {
        if (updated > 0 || inserted > 0) {
            return true;
        }
        return vanished() > 0;
    }

    /** StoreToFileIfNeeded: writes through a temporary file and an atomic move. */
    boolean storeIfNeeded() {
        if (!changed() || !(updating || inserted > 0 || vanished() > 0)) {
            return false;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        current.forEach((test, byIndex) -> {
            // Integer keys: yaml.v3 writes the map[uint]string keys plain (1:), not as quoted strings.
            Map<Object, Object> m = new LinkedHashMap<>();
            byIndex.forEach(m::put);
            doc.put(test, m);
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".snap", ".tmp");
            try {
                Files.writeString(tmp, UnittestYaml.marshal(doc), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UnittestException("cannot write snapshot file " + file + ": " + e.getMessage(), e);
        }
        return true;
    }

    int failed() {
        return updating ? 0 : updated;
    }

    int inserted() {
        return inserted;
    }

    int total() {
        return compared;
    }

    int vanished() {
        int count = 0;
        for (Map.Entry<String, Map<Integer, String>> e : cached.entrySet()) {
            Map<Integer, String> now = current.get(e.getKey());
            for (Integer idx : e.getValue().keySet()) {
                if (now == null || !now.containsKey(idx)) {
                    count++;
                }
            }
        }
        return count;
    }
}
