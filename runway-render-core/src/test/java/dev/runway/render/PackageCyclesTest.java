package dev.runway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of core depend on each other without cycles (docs/ARCHITECTURE.md, "Packages and their
 * dependencies"), measured on the imports and qualified names of core's main sources. The top-level package, which
 * holds the entry point {@code HelmRenderer}, is a node like the others ({@value #TOP}): the types every package shares
 * with callers live in {@code api}, which uses nothing else here, so nothing below needs the top level.
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/runway/render");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.runway\\.render\\.(?:([a-z][a-z0-9]*)|[A-Z])");
    private static final String TOP = "(top level)";

    /** Package to the packages it uses, each with one class that shows it (for the failure message). */
    private static Map<String, Map<String, String>> graph() throws IOException {
        Map<String, Map<String, String>> uses = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            Path relative = MAIN.relativize(file);
            String from =
                    relative.getNameCount() < 2 ? TOP : relative.getName(0).toString();
            String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .replaceAll("");
            Map<String, String> targets = uses.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                String to = m.group(1) == null ? TOP : m.group(1);
                if (!to.equals(from)) {
                    targets.putIfAbsent(to, relative.toString());
                }
            }
        }
        return uses;
    }

    @Test
    void corePackagesHaveNoCycle() throws IOException {
        Map<String, Map<String, String>> uses = graph();
        assertTrue(
                uses.keySet().containsAll(Set.of(TOP, "api", "chart", "values", "funcs", "yaml", "manifest", "verify")),
                uses.keySet().toString());
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            findCycle(start, uses, new ArrayList<>(), done, cycles);
        }
        assertEquals(List.of(), cycles, "package cycles (each edge names a class that makes it)");
    }

    /** Depth-first search; a package met again on the current path closes a cycle, reported with its edges. */
    private static void findCycle(
            String node, Map<String, Map<String, String>> uses, List<String> path, Set<String> done, List<String> out) {
        int at = path.indexOf(node);
        if (at >= 0) {
            StringBuilder cycle = new StringBuilder();
            for (int i = at; i < path.size(); i++) {
                String from = path.get(i);
                String to = i + 1 < path.size() ? path.get(i + 1) : node;
                cycle.append(from)
                        .append(" -> ")
                        .append(to)
                        .append(" (")
                        .append(uses.get(from).get(to))
                        .append(") ");
            }
            out.add(cycle.toString().strip());
            return;
        }
        if (done.contains(node) || !uses.containsKey(node)) {
            return;
        }
        path.add(node);
        for (String next : uses.get(node).keySet()) {
            findCycle(next, uses, path, done, out);
        }
        path.remove(path.size() - 1);
        done.add(node);
    }
}
