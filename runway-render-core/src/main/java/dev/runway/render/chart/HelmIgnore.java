package dev.runway.render.chart;

import dev.runway.render.api.RenderException;
import dev.runway.render.glob.GoPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a chart's {@code .helmignore}, with the semantics of Helm's pkg/ignore: patterns without a '/'
 * match the base name, others the whole path; a trailing '/' matches directories only; a leading '/' anchors
 * at the chart root; '!' negates. Helm always adds {@code templates/.?*}. Rules match with Go's filepath.Match
 * ({@link GoPath#MATCH}), in time bounded by name length times rule length.
 */
final class HelmIgnore {
    private record Rule(String glob, boolean negate, boolean dirOnly, boolean baseNameOnly) {}

    private final List<Rule> rules = new ArrayList<>();

    static HelmIgnore parse(String text, String file) {
        HelmIgnore ignore = new HelmIgnore();
        if (text != null) {
            int lineNo = 0;
            for (String line : text.split("\n", -1)) {
                lineNo++;
                ignore.add(line, file, lineNo);
            }
        }
        ignore.add("templates/.?*", "(defaults)", 0);
        return ignore;
    }

    private void add(String line, String file, int lineNo) {
        String rule = line.strip();
        if (rule.isEmpty() || rule.startsWith("#")) {
            return;
        }
        if (rule.contains("**")) {
            throw new RenderException("double-star (**) syntax is not supported (" + file + " line " + lineNo + ": "
                    + rule + "); .helmignore rules match one path element per '*'");
        }
        // pkg/ignore parseRule: the whole rule must be a valid filepath.Match pattern.
        if (GoPath.MATCH.match(rule, "abc") == null) {
            throw new RenderException("syntax error in pattern (" + file + " line " + lineNo + ": " + rule
                    + "); close every [...] class and escape a trailing backslash");
        }
        boolean negate = rule.startsWith("!");
        if (negate) {
            rule = rule.substring(1);
        }
        boolean dirOnly = rule.endsWith("/");
        if (dirOnly) {
            rule = rule.substring(0, rule.length() - 1);
        }
        boolean anchored = rule.startsWith("/");
        if (anchored) {
            rule = rule.substring(1);
        }
        rules.add(new Rule(rule, negate, dirOnly, !anchored && !rule.contains("/")));
    }

    /** @param path the path relative to the chart root, '/'-separated */
    boolean ignores(String path, boolean directory) {
        if (path.isEmpty() || path.equals(".") || path.equals("./")) {
            return false;
        }
        for (Rule r : rules) {
            if (r.negate) {
                if (r.dirOnly && !directory) {
                    return true;
                }
                if (!matches(r, path)) {
                    return true;
                }
                continue;
            }
            if (r.dirOnly && !directory) {
                continue;
            }
            if (matches(r, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Rule r, String path) {
        String name = r.baseNameOnly ? path.substring(path.lastIndexOf('/') + 1) : path;
        // A pattern Go finds malformed only now matches nothing, as in pkg/ignore.
        return Boolean.TRUE.equals(GoPath.MATCH.match(r.glob, name));
    }
}
