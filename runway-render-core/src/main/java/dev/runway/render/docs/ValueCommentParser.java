package dev.runway.render.docs;

import com.google.re2j.Matcher;
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

    // RE2/J, not java.util.regex: values.yaml comes with the chart, which may come from anywhere, and KEY_LINE's
    // lazy key followed by optional spaces backtracks quadratically in java.util.regex on a long line of spaces
    // (32,000 spaces: 4 s; a 1 MB line: hours). RE2/J matches in linear time.
    private static final Pattern KEY_LINE =
            Pattern.compile("^( *)(\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-][^:#]*?|-[^\\s:#][^:#]*?)\\s*:(?:\\s+(.*))?$");
    private static final Pattern BLOCK_SCALAR = Pattern.compile("^[|>][-+0-9]*\\s*(#.*)?$");
    private static final Pattern TYPE_HINT = Pattern.compile("^\\(([^)]*)\\)\\s*");

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
            Matcher key = KEY_LINE.matcher(line);
            if (trimmed.startsWith("- ") || trimmed.equals("-") || !key.matches()) {
                pending = null;
                continue;
            }
            while (!parents.isEmpty() && parents.peek().indent() >= indent) {
                parents.pop();
            }
            String name = unquote(key.group(2).strip());
            String path = pathOf(parents, name);
            if (pending != null) {
                comments.put(path, toComment(path, i + 1, pending.toString()));
                pending = null;
            }
            parents.push(new Key(indent, name));
            String value = key.group(3) == null ? "" : key.group(3).strip();
            if (BLOCK_SCALAR.matcher(value).matches()) {
                blockScalarKeyIndent = indent;
            }
        }
        return comments;
    }

    private static ValueComment toComment(String path, int line, String text) {
        String typeHint = "";
        boolean required = false;
        Matcher hint = TYPE_HINT.matcher(text);
        while (hint.find()) {
            String word = hint.group(1).strip();
            if (word.equalsIgnoreCase("required")) {
                required = true;
            } else {
                typeHint = word;
            }
            text = text.substring(hint.end());
            hint = TYPE_HINT.matcher(text);
        }
        return new ValueComment(path, line, text.strip(), typeHint, required);
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
