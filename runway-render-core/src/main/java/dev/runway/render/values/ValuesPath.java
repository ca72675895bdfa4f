package dev.runway.render.values;

import dev.runway.render.gofmt.GoStrconv;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a value sits in the values tree: map keys ({@link String}) and list indexes ({@link Integer}).
 * Printed the way people write it in {@code --set}: {@code gcpWorkloadIdentity.credentialSource}, {@code tolerations[0].key},
 * with keys that are not plain names quoted: {@code podAnnotations["prometheus.io/scrape"]}.
 */
public record ValuesPath(List<Object> segments) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    public static final ValuesPath ROOT = new ValuesPath(List.of());

    public ValuesPath {
        segments = List.copyOf(segments);
        for (Object segment : segments) {
            if (!(segment instanceof String) && !(segment instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a key or an index, not " + segment);
            }
        }
    }

    public static ValuesPath of(Object... segments) {
        return new ValuesPath(List.of(segments));
    }

    public ValuesPath child(String key) {
        return append(key);
    }

    public ValuesPath child(int index) {
        return append(index);
    }

    private ValuesPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new ValuesPath(longer);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public ValuesPath parent() {
        return isRoot() ? this : new ValuesPath(segments.subList(0, segments.size() - 1));
    }

    public boolean startsWith(ValuesPath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** This path under {@code prefix} (for a subchart's values inside its parent's). */
    public ValuesPath under(ValuesPath prefix) {
        List<Object> joined = new ArrayList<>(prefix.segments);
        joined.addAll(segments);
        return new ValuesPath(joined);
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(top level)";
        }
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                String key = (String) segment;
                if (PLAIN.matcher(key).matches()) {
                    if (out.length() > 0) {
                        out.append('.');
                    }
                    out.append(key);
                } else {
                    out.append('[').append(GoStrconv.quote(key)).append(']');
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValuesPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segments);
    }
}
