package dev.runway.render.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path to a field inside one resource, written as failure messages print it:
 * {@code spec.template.spec.containers[payments].env[GOOGLE_APPLICATION_CREDENTIALS].value}.
 *
 * <p>Segments are separated by dots. A segment in brackets is a map key that contains dots or slashes
 * ({@code annotations[checksum/gcp-credentials]}), a list item addressed by its {@code name} field
 * ({@code containers[payments]}) or a list index ({@code containers[0]}). {@code *} (plain or in brackets) matches
 * any key or item, so {@code spec.template.spec.containers[*].image} masks every container's image.
 *
 * @param segments the keys, names or indexes from the resource's root
 */
public record FieldPath(List<FieldPath.Segment> segments) {

    /**
     * One step of a path.
     *
     * @param text      the map key, item name, item index or {@code *}
     * @param bracketed written in brackets: a list item, or a key that is not a plain word
     */
    public record Segment(String text, boolean bracketed) {
        public Segment {
            java.util.Objects.requireNonNull(text, "text");
        }

        /** Whether this segment selects the map key or list item {@code key} ({@code *} selects all). */
        boolean matches(String key) {
            return "*".equals(text) || text.equals(key);
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_\\-]+");
    /** The root of a resource: no segments. */
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a path; throws {@link IllegalArgumentException} naming the position of a syntax error.
     */
    public static FieldPath parse(String path) {
        String text = path.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("field path is empty: write it as in failure messages, "
                    + "for example spec.template.metadata.annotations[checksum/gcp-credentials]");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        boolean expectSegment = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw syntax(path, i, "'[' without a closing ']'");
                }
                String key = text.substring(i + 1, close);
                if (key.isEmpty()) {
                    throw syntax(path, i, "empty brackets");
                }
                segments.add(new Segment(key, true));
                i = close + 1;
                expectSegment = false;
            } else if (c == '.') {
                if (expectSegment) {
                    throw syntax(path, i, "empty segment before '.'");
                }
                expectSegment = true;
                i++;
                if (i == text.length()) {
                    throw syntax(path, i, "path ends with '.'");
                }
            } else {
                if (!expectSegment) {
                    throw syntax(path, i, "expected '.' or '[' after ']'");
                }
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                segments.add(new Segment(text.substring(i, end), false));
                i = end;
                expectSegment = false;
            }
        }
        return new FieldPath(segments);
    }

    private static IllegalArgumentException syntax(String path, int index, String problem) {
        return new IllegalArgumentException("bad field path '" + path + "' at character " + (index + 1) + ": "
                + problem + " (write paths as failure messages print them, for example "
                + "spec.template.spec.containers[payments].env[FOO] or metadata.annotations[checksum/config])");
    }

    /** This path with a map key appended. */
    FieldPath key(String key) {
        return append(new Segment(key, false));
    }

    /** This path with a list item appended: its name when it has one, else its index. */
    FieldPath item(String nameOrIndex) {
        return append(new Segment(nameOrIndex, true));
    }

    private FieldPath append(Segment segment) {
        List<Segment> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        next.add(segment);
        return new FieldPath(next);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path as messages print it; {@link #parse} reads it back. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            String text = segment.text();
            if (!segment.bracketed() && PLAIN_KEY.matcher(text).matches() && !isIndex(text)) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(text);
            } else {
                out.append('[').append(text).append(']');
            }
        }
        return out.toString();
    }

    static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i)) || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
