package dev.runway.render.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fast path for {@link GoYaml#fromYaml} on the text toYaml writes for a small map of label-like strings: lines of
 * {@code key: value} at column 0, each key and value a plain scalar of letters, digits and {@code . _ / -} that
 * starts with a letter or digit and reads as a string. Label helpers read such a text back in every render (include
 * of the selector labels, then fromYaml); a full parse of it was about a twentieth of a warm runway-eks render.
 * Anything else (quotes, spaces, comments, nesting, a value that reads as a number, bool, null or timestamp, a
 * repeated key, an empty text) gets null, and the caller runs the full parse, which gives the exact result and
 * error. Where it answers, its map equals the full parse's (FlatYamlMapTest checks this on generated texts).
 */
final class FlatYamlMap {
    /** Longer texts are left to the full parse: this path is for a handful of labels. */
    private static final int MAX_TEXT = 4096;
    /** Far below libyaml's 1024-character limit on simple keys. */
    private static final int MAX_KEY = 256;

    private FlatYamlMap() {}

    /** The map the full parse would give for {@code text}, or null when this path is not sure. */
    static Map<String, Object> read(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_TEXT) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int pos = 0;
        while (pos < length) {
            int keyEnd = scalarEnd(text, pos, length);
            if (keyEnd == pos
                    || keyEnd - pos > MAX_KEY
                    || keyEnd + 2 >= length
                    || text.charAt(keyEnd) != ':'
                    || text.charAt(keyEnd + 1) != ' ') {
                return null;
            }
            int valueStart = keyEnd + 2;
            int valueEnd = scalarEnd(text, valueStart, length);
            if (valueEnd == valueStart || (valueEnd < length && text.charAt(valueEnd) != '\n')) {
                return null;
            }
            String key = text.substring(pos, keyEnd);
            String value = text.substring(valueStart, valueEnd);
            if (!readsAsString(key) || !readsAsString(value) || out.put(key, value) != null) {
                return null;
            }
            pos = valueEnd + 1;
        }
        return out;
    }

    /** The end of the plain scalar of safe characters starting at {@code start} (start itself when there is none). */
    private static int scalarEnd(String text, int start, int length) {
        if (start >= length || !letterOrDigit(text.charAt(start))) {
            return start;
        }
        int i = start + 1;
        while (i < length) {
            char c = text.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '/' && c != '-') {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** go-yaml v2 reads the plain scalar as the string itself: not a bool, number, null, timestamp or merge key. */
    private static boolean readsAsString(String s) {
        return YamlResolver.resolvePlain(s).kind() == YamlResolver.Kind.STR;
    }
}
