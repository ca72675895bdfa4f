package dev.runway.render.snapshot;

import dev.runway.render.yaml.GoJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One way the rendered chart differs from its snapshot.
 *
 * @param resource the resource as people name it ({@code Deployment/payments})
 * @param path     the field inside it; {@link FieldPath#ROOT} when the whole resource was added or removed
 * @param change   what happened to the field
 * @param expected the value in the snapshot ({@code null} when added)
 * @param actual   the value rendered now ({@code null} when removed)
 */
public record SnapshotDifference(String resource, FieldPath path, Change change, Object expected, Object actual) {

    /** Kinds of difference. */
    public enum Change {
        /** In the rendered chart, not in the snapshot. */
        ADDED,
        /** In the snapshot, not in the rendered chart. */
        REMOVED,
        /** In both, with different values. */
        CHANGED,
        /** A list whose items (matched by name) are the same but in another order. */
        REORDERED
    }

    private static final int MAX_VALUE_CHARS = 100;

    public SnapshotDifference {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(change, "change");
    }

    /** Where the difference is: {@code Deployment/payments spec.template.spec.containers[payments].image}. */
    public String location() {
        return path.isRoot() ? resource : resource + " " + path;
    }

    /** One line for a failure message. */
    public String describe() {
        if (path.isRoot()) {
            return switch (change) {
                case ADDED -> "+ " + resource + ": rendered now, not in the snapshot";
                case REMOVED -> "- " + resource + ": in the snapshot, not rendered any more";
                default -> "~ " + resource + ": changed";
            };
        }
        return switch (change) {
            case ADDED -> "+ " + location() + ": added " + brief(actual);
            case REMOVED -> "- " + location() + ": removed (was " + brief(expected) + ")";
            case REORDERED -> "~ " + location() + ": items reordered, " + brief(expected) + " -> " + brief(actual);
            case CHANGED -> "~ " + location() + ": " + describeChange(expected, actual);
        };
    }

    private static String describeChange(Object expected, Object actual) {
        if (expected instanceof String before
                && actual instanceof String after
                && (before.contains("\n") || after.contains("\n"))) {
            String[] beforeLines = before.split("\n", -1);
            String[] afterLines = after.split("\n", -1);
            int line = 0;
            while (line < beforeLines.length
                    && line < afterLines.length
                    && beforeLines[line].equals(afterLines[line])) {
                line++;
            }
            if (line >= beforeLines.length || line >= afterLines.length) {
                String was = line < beforeLines.length ? brief(beforeLines[line]) : "(no line)";
                String now = line < afterLines.length ? brief(afterLines[line]) : "(no line)";
                return "text differs from line " + (line + 1) + ": " + was + " -> " + now;
            }
            // Show both lines from a little before their first differing character.
            String was = beforeLines[line];
            String now = afterLines[line];
            int column = 0;
            while (column < was.length() && column < now.length() && was.charAt(column) == now.charAt(column)) {
                column++;
            }
            int from = Math.max(0, column - 30);
            String prefix = from > 0 ? "..." : "";
            return "text differs from line " + (line + 1) + ", column " + (column + 1) + ": " + prefix
                    + brief(was.substring(from)) + " -> " + prefix + brief(now.substring(from));
        }
        return brief(expected) + " -> " + brief(actual);
    }

    /** A value on one line, shortened: strings quoted, maps and lists in flow style. */
    static String brief(Object value) {
        String text = flow(value);
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    private static String flow(Object value) {
        if (value instanceof String s) {
            return GoJson.quote(s);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(entry.getKey()).append(": ").append(flow(entry.getValue()));
                if (out.length() > MAX_VALUE_CHARS) {
                    break;
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(flow(item));
                if (out.length() > MAX_VALUE_CHARS) {
                    break;
                }
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
