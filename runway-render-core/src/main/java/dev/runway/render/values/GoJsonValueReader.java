package dev.runway.render.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from the start of a text the way Go's {@code json.Decoder.Decode} into {@code interface{}}
 * does, and says where the value ended, so that {@code --set-json a={"x":1},b=2} can continue after it.
 *
 * <p>Go facts this follows: objects become {@code map[string]interface{}} (a later duplicate key wins), arrays
 * {@code []interface{}}, every number {@code float64} ({@link Double}); a value ends at the first character that
 * cannot continue it (the decoder complains about trailing text only on its next call, which strvals never makes).
 */
final class GoJsonValueReader {

    /** A decoded value and the index just after it. */
    record Decoded(Object value, int end) {}

    /** A JSON syntax error, with Go's wording where it matters. */
    static final class JsonSyntaxException extends RuntimeException {
        JsonSyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private GoJsonValueReader(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** Decodes the value that starts at {@code start} (leading JSON whitespace is skipped). */
    static Decoded read(String text, int start) {
        GoJsonValueReader reader = new GoJsonValueReader(text, start);
        reader.skipSpace();
        if (reader.pos >= text.length()) {
            throw new JsonSyntaxException("EOF");
        }
        Object value = reader.value(0);
        return new Decoded(value, reader.pos);
    }

    /** Go's json package refuses nesting deeper than 10000. */
    private static final int MAX_DEPTH = 10000;

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonSyntaxException("exceeded max depth");
        }
        char c = peek();
        switch (c) {
            case '{' -> {
                return object(depth + 1);
            }
            case '[' -> {
                return array(depth + 1);
            }
            case '"' -> {
                return string();
            }
            case 't' -> {
                literal("true");
                return true;
            }
            case 'f' -> {
                literal("false");
                return false;
            }
            case 'n' -> {
                literal("null");
                return null;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw invalid(c, "looking for beginning of value");
            }
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // {
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            char c = peek();
            if (c != '"') {
                throw invalid(c, "looking for beginning of object key string");
            }
            String key = string();
            skipSpace();
            c = peek();
            if (c != ':') {
                throw invalid(c, "after object key");
            }
            pos++;
            skipSpace();
            Object value = value(depth);
            map.remove(key);
            map.put(key, value);
            skipSpace();
            c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                pos--;
                throw invalid(c, "after object key:value pair");
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++; // [
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw invalid(c, "after array element");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unexpected EOF");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw invalid(c, "in string literal");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unexpected EOF");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw invalid(e, "in string escape code");
            }
        }
    }

    private String unicodeEscape() {
        int first = hex4();
        if (Character.isHighSurrogate((char) first)) {
            // Go pairs a high surrogate with a following \\uDC00-\\uDFFF escape; alone it becomes U+FFFD.
            if (pos + 6 <= text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                int save = pos;
                pos += 2;
                int second = hex4();
                if (Character.isLowSurrogate((char) second)) {
                    return new String(new char[] {(char) first, (char) second});
                }
                pos = save;
            }
            return "\uFFFD";
        }
        if (Character.isLowSurrogate((char) first)) {
            return "\uFFFD";
        }
        return String.valueOf((char) first);
    }

    private int hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unexpected EOF");
            }
            char h = text.charAt(pos++);
            int digit = Character.digit(h, 16);
            if (digit < 0 || h > 'f') {
                throw invalid(h, "in \\u hexadecimal character escape");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private Double number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
            char c = peek();
            if (!isDigit(c)) {
                throw invalid(c, "in numeric literal");
            }
        }
        if (text.charAt(pos) == '0') {
            pos++;
        } else {
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            char c = peek();
            if (!isDigit(c)) {
                throw invalid(c, "after decimal point in numeric literal");
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            char c = peek();
            if (!isDigit(c)) {
                throw invalid(c, "in exponent of numeric literal");
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new JsonSyntaxException(
                    "json: cannot unmarshal number " + literal + " into Go value of type float64");
        }
        return value;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unexpected EOF");
            }
            char c = text.charAt(pos);
            if (c != word.charAt(i)) {
                throw invalid(c, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new JsonSyntaxException("unexpected EOF");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static JsonSyntaxException invalid(char c, String context) {
        String shown = c == '\'' ? "'\\''" : c == '"' ? "'\"'" : "'" + c + "'";
        return new JsonSyntaxException("invalid character " + shown + " " + context);
    }
}
