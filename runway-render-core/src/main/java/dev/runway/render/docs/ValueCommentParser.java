package dev.runway.render.docs;

import com.google.re2j.Pattern;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads helm-docs style comments from a values file. A comment block that starts with {@code # --} documents
 * the key on the line right after it; the following {@code #} lines continue the description. A blank line
 * or any other content ends the block without attaching it.
 *
 * <p>Works on the text, line by line, because YAML parsers drop comments. It follows block mappings by
 * indentation and skips list items and block scalars ({@code |}, {@code >}), which is what values files use.
 */
public final class ValueCommentParser {

    // RE2/J, not java.util.regex: a block scalar's header is short, but values.yaml comes from the chart.
    private static final Pattern BLOCK_SCALAR = Pattern.compile("^[|>][-+0-9]*\\s*(#.*)?$");

    private ValueCommentParser() {}

    /** The documented keys, by dotted path, in file order. */
    public static Map<String, ValueComment> parse(String valuesYaml) {
        Map<String, ValueComment> comments = new LinkedHashMap<>();
        Deque<Key> parents = new ArrayDeque<>();
        StringBuilder pending = null;
        int blockScalarKeyIndent = -1;
        String[] lines = valuesYaml.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            int indent = indentOf(line);
            if (blockScalarKeyIndent >= 0) {
                if (trimmed.isEmpty() || indent > blockScalarKeyIndent) {
                    continue;
                }
                blockScalarKeyIndent = -1;
            }
            if (trimmed.isEmpty()) {
                pending = null;
                continue;
            }
            if (trimmed.startsWith("#")) {
                String text = trimmed.substring(1).strip();
                if (text.equals("--") || text.startsWith("-- ")) {
                    pending = new StringBuilder(text.substring(2).strip());
                } else if (pending != null && !text.startsWith("@")) {
                    appendWord(pending, text);
                }
                continue;
            }
            if (trimmed.equals("---")) {
                pending = null;
                parents.clear();
                continue;
            }
            KeyLine key = trimmed.startsWith("- ") || trimmed.equals("-") ? null : keyLine(line, indent);
            if (key == null) {
                pending = null;
                continue;
            }
            while (!parents.isEmpty() && parents.peek().indent() >= indent) {
                parents.pop();
            }
            if (pending != null) {
                // The path only for a documented key: built for every key, 10,000 nested keys cost 10,000 paths.
                String path = pathOf(parents, key.name());
                comments.put(path, toComment(path, i + 1, pending.toString()));
                pending = null;
            }
            parents.push(new Key(indent, key.name()));
            String value = key.value();
            if (BLOCK_SCALAR.matcher(value).matches()) {
                blockScalarKeyIndent = indent;
            }
        }
        return comments;
    }

    /**
     * A line that names a key, read in one pass as the expression
     * {@code ^( *)("[^"]*"|'[^']*'|[^\s#'"\-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$} (RE2's {@code \s}: space,
     * tab, newline, form feed, carriage return) read it: the key, stripped and unquoted, and the value after the
     * colon, stripped; null when the line names no key. By hand because the expression ran in RE2/J's NFA, with
     * captures, at about 0.2 µs a character (an 8 MB line: 1.4 s), and a values.yaml comes with the chart.
     *
     * @param indent the number of spaces the line starts with
     */
    static KeyLine keyLine(String line, int indent) {
        if (indent >= line.length()) {
            return null;
        }
        char first = line.charAt(indent);
        int keyEnd;
        int colon;
        if (first == '"' || first == '\'') {
            // A quoted key ends at the next quote of its kind and may hold ':' and '#'.
            keyEnd = line.indexOf(first, indent + 1) + 1;
            if (keyEnd == 0) {
                return null;
            }
            colon = keyEnd;
            while (colon < line.length() && isSpace(line.charAt(colon))) {
                colon++;
            }
            if (colon == line.length() || line.charAt(colon) != ':') {
                return null;
            }
        } else {
            if (isSpace(first) || first == '#') {
                return null;
            }
            if (first == '-') {
                char second = indent + 1 < line.length() ? line.charAt(indent + 1) : ' ';
                if (isSpace(second) || second == ':' || second == '#') {
                    return null;
                }
            }
            // A plain key holds neither ':' nor '#', so its colon is the first one after its first character.
            colon = line.indexOf(':', indent + 1);
            if (colon < 0) {
                return null;
            }
            int hash = line.indexOf('#', indent + 1);
            if (hash >= 0 && hash < colon) {
                return null;
            }
            keyEnd = colon;
        }
        if (colon + 1 < line.length() && !isSpace(line.charAt(colon + 1))) {
            return null;
        }
        return new KeyLine(
                unquote(line.substring(indent, keyEnd).strip()),
                line.substring(colon + 1).strip());
    }

    /** The key a line names and the value after its colon. */
    record KeyLine(String name, String value) {}

    /** RE2's {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /**
     * Leading {@code (word)} hints, as {@code ^\(([^)]*)\)\s*} matched again and again on what follows: read by
     * index, since cutting the text after each hint copied the rest once per hint (16,000 hints: 2.3 s).
     */
    private static ValueComment toComment(String path, int line, String text) {
        String typeHint = "";
        boolean required = false;
        int at = 0;
        while (at < text.length() && text.charAt(at) == '(') {
            int close = text.indexOf(')', at + 1);
            if (close < 0) {
                break;
            }
            String word = text.substring(at + 1, close).strip();
            if (word.equalsIgnoreCase("required")) {
                required = true;
            } else {
                typeHint = word;
            }
            at = close + 1;
            while (at < text.length() && isSpace(text.charAt(at))) {
                at++;
            }
        }
        return new ValueComment(path, line, text.substring(at).strip(), typeHint, required);
    }

    private static void appendWord(StringBuilder description, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (description.length() > 0) {
            description.append(' ');
        }
        description.append(text);
    }

    private static String pathOf(Deque<Key> parents, String name) {
        StringBuilder path = new StringBuilder();
        var it = parents.descendingIterator();
        while (it.hasNext()) {
            path.append(it.next().name()).append('.');
        }
        return path.append(name).toString();
    }

    private static String unquote(String key) {
        if (key.length() >= 2
                && ((key.startsWith("\"") && key.endsWith("\"")) || (key.startsWith("'") && key.endsWith("'")))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private record Key(int indent, String name) {}
}
