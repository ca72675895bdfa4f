package dev.runway.render.yaml;

import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.io.DeepStack;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Go's encoding/json over the renderer's value model: {@code toJson} (json.Marshal: sorted keys, HTML characters
 * escaped as <code>&#92;u003c</code>, float64 formatting), {@code toPrettyJson} (json.MarshalIndent with two spaces),
 * {@code toRawJson} (an Encoder with HTML escaping off), and {@link #read} (json.Unmarshal into interface{}: numbers
 * become float64), with Go's error texts.
 */
public final class GoJson {

    private GoJson() {}

    /** json.Marshal; throws {@link GoJsonException} where Go returns an error (NaN, infinities). */
    public static String marshal(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, true, null, 0);
        return sb.toString();
    }

    /** Helm's toJson: json.Marshal, or the empty string when marshalling fails. */
    public static String toJson(Object v) {
        try {
            return marshal(v);
        } catch (GoJsonException e) {
            return "";
        }
    }

    /** Sprig's toPrettyJson: json.MarshalIndent(v, "", "  "), or the empty string on error. */
    public static String toPrettyJson(Object v) {
        try {
            return marshalIndent(v);
        } catch (GoJsonException e) {
            return "";
        }
    }

    /** json.MarshalIndent(v, "", "  "); throws {@link GoJsonException} where Go returns an error. */
    public static String marshalIndent(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, true, "  ", 0);
        return sb.toString();
    }

    /** Sprig's mustToRawJson: an Encoder with SetEscapeHTML(false), trailing newline trimmed. */
    public static String marshalRaw(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, false, null, 0);
        return sb.toString();
    }

    /** Sprig's toRawJson (it panics on error; the engine reports that as a failed call). */
    public static String toRawJson(Object v) {
        return marshalRaw(v);
    }

    /** A value json.Marshal cannot encode; the message is Go's ({@code json: unsupported value: NaN}). */
    public static final class GoJsonException extends RuntimeException {
        public GoJsonException(String message) {
            super(message);
        }

        /** json.Marshal's UnsupportedTypeError, for a value of Go type {@code goType} (complex128). */
        static GoJsonException unsupportedType(String goType) {
            return new GoJsonException("json: unsupported type: " + goType);
        }
    }

    /** encoding/json's startDetectingCyclesAfter: past this nesting, maps and lists on the path are remembered. */
    private static final int CYCLE_DEPTH = 1000;
    /** encoding/json's scanner limit, which MarshalIndent's Indent enforces. */
    private static final int MAX_INDENT_DEPTH = 10_000;

    private static void write(StringBuilder sb, Object v, boolean escapeHtml, String indent, int depth) {
        write(sb, v, escapeHtml, indent, depth, null);
    }

    private static void write(
            StringBuilder sb, Object v, boolean escapeHtml, String indent, int depth, java.util.Set<Object> path) {
        if (v == null
                || v instanceof dev.runway.render.gofmt.GoNilMap
                || (v instanceof dev.runway.render.gofmt.GoSlice slice && slice.isNil())) {
            sb.append("null");
        } else if (v instanceof String s) {
            writeString(sb, s, escapeHtml);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(formatNumber(((Number) v).doubleValue(), v instanceof Float ? 32 : 64));
        } else if (v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof byte[] bytes) {
            sb.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
        } else if (v instanceof Map<?, ?> map) {
            path = enter(map, "map[string]interface {}", indent, '{', depth, path);
            writeMap(sb, map, escapeHtml, indent, depth, path);
            leave(map, path);
        } else if (v instanceof Collection<?> list) {
            path = enter(list, "[]interface {}", indent, '[', depth, path);
            writeList(sb, new ArrayList<>(list), escapeHtml, indent, depth, path);
            leave(list, path);
        } else if (v instanceof Object[] arr) {
            writeList(sb, List.of(arr), escapeHtml, indent, depth, path);
        } else if (v instanceof JsonMarshaler m) {
            write(sb, m.toJsonValue(), escapeHtml, indent, depth, path);
        } else if (v instanceof dev.runway.render.gofmt.GoComplex) {
            throw GoJsonException.unsupportedType("complex128");
        } else {
            writeString(sb, GoFmt.formatValue(v), escapeHtml);
        }
    }

    /**
     * encode.go's cycle check: past {@link #CYCLE_DEPTH} levels a map or list already on the path is a cycle
     * ({@code json: unsupported value: encountered a cycle via map[string]interface {}}); MarshalIndent also stops
     * past 10000 levels as its scanner does.
     */
    private static java.util.Set<Object> enter(
            Object value, String type, String indent, char open, int depth, java.util.Set<Object> path) {
        if (indent != null && depth >= MAX_INDENT_DEPTH) {
            throw new GoJsonException("invalid character '" + open + "' exceeded max depth");
        }
        if (depth < CYCLE_DEPTH) {
            return path;
        }
        java.util.Set<Object> p =
                path == null ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : path;
        if (!p.add(value)) {
            throw new GoJsonException("json: unsupported value: encountered a cycle via " + type);
        }
        return p;
    }

    private static void leave(Object value, java.util.Set<Object> path) {
        if (path != null) {
            path.remove(value);
        }
    }

    /**
     * A Go struct as json.Marshal encodes it: an object whose fields keep their declaration order (maps are sorted,
     * struct fields are not). A {@link JsonMarshaler} returns one for a struct.
     */
    public static final class StructObject extends LinkedHashMap<String, Object> {
        /** Adds a field, in declaration order; returns this. */
        public StructObject field(String name, Object value) {
            put(name, value);
            return this;
        }

        /** A field with {@code omitempty}: left out when false, 0, "", nil or an empty map or slice; returns this. */
        public StructObject fieldOmitEmpty(String name, Object value) {
            boolean empty = value == null
                    || Boolean.FALSE.equals(value)
                    || "".equals(value)
                    || (value instanceof Number n && n.doubleValue() == 0)
                    || (value instanceof Collection<?> c && c.isEmpty())
                    || (value instanceof Map<?, ?> m && m.isEmpty());
            return empty ? this : field(name, value);
        }
    }

    /** Engine objects that json.Marshal would encode as a struct implement this to give their JSON shape. */
    public interface JsonMarshaler {
        Object toJsonValue();
    }

    private static void newline(StringBuilder sb, String indent, int depth) {
        // Indentation grows with depth: check before it does, not only after each element.
        checkLength(sb);
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append(indent);
        }
    }

    private static void writeMap(
            StringBuilder sb, Map<?, ?> map, boolean escapeHtml, String indent, int depth, java.util.Set<Object> path) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        if (!(map instanceof StructObject)) {
            keys.sort(UTF8_ORDER);
        }
        Map<String, Object> byString = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            byString.put(String.valueOf(e.getKey()), e.getValue());
        }
        sb.append('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (indent != null) {
                newline(sb, indent, depth + 1);
            }
            writeString(sb, k, escapeHtml);
            sb.append(':');
            if (indent != null) {
                sb.append(' ');
            }
            write(sb, byString.get(k), escapeHtml, indent, depth + 1, path);
            checkLength(sb);
        }
        if (indent != null) {
            newline(sb, indent, depth);
        }
        sb.append('}');
    }

    private static void writeList(
            StringBuilder sb, List<?> list, boolean escapeHtml, String indent, int depth, java.util.Set<Object> path) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (indent != null) {
                newline(sb, indent, depth + 1);
            }
            write(sb, list.get(i), escapeHtml, indent, depth + 1, path);
            checkLength(sb);
        }
        if (indent != null) {
            newline(sb, indent, depth);
        }
        sb.append(']');
    }

    private static void checkLength(StringBuilder sb) {
        if (sb.length() > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) {
            throw dev.runway.render.gofmt.ValueLimits.tooLong("the JSON text");
        }
    }

    /**
     * Go's string order ({@link #compareUtf8}) as a Comparator. A named class, not a method reference: each of those
     * spins a class (and, for a private method, LambdaForms) at its first use in a fresh JVM (issue 19).
     */
    public static final Comparator<String> UTF8_ORDER = new Utf8Order();

    private static final class Utf8Order implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return compareUtf8(a, b);
        }
    }

    /** Go compares map keys as byte strings: UTF-8 order, which is code point order. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** encoding/json's float encoding: 'f' format, or 'e' below 1e-6 and from 1e21, with e-07 cleaned to e-7. */
    public static String formatNumber(double f, int bits) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new GoJsonException("json: unsupported value: " + GoStrconv.formatFloat(f, 'g', -1, 64));
        }
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0) {
            if ((bits == 64 && (abs < 1e-6 || abs >= 1e21))
                    || (bits == 32 && ((float) abs < 1e-6f || (float) abs >= 1e21f))) {
                fmt = 'e';
            }
        }
        String s = GoStrconv.formatFloat(f, fmt, -1, bits);
        if (fmt == 'e') {
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.charAt(n - 1);
            }
        }
        return s;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * A string as encoding/json writes it without HTML escaping: quoted, control characters escaped, on one line.
     * Messages that show a value (snapshot and drift differences) quote strings with it.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        writeString(sb, s, false);
        return sb.toString();
    }

    static void writeString(StringBuilder sb, String s, boolean escapeHtml) {
        sb.append('"');
        int i = 0;
        while (i < s.length()) {
            // Characters written as they are go in runs, one append each: most strings are nothing else.
            int run = i;
            while (run < s.length() && unescaped(s.charAt(run), escapeHtml)) {
                run++;
            }
            if (run > i) {
                sb.append(s, i, run);
                i = run;
                continue;
            }
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            i++;
            if (Character.isSurrogate(c)) {
                sb.append("\\ufffd");
                continue;
            }
            switch (c) {
                case '\\', '"' -> sb.append('\\').append(c);
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20 || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** True for a character {@link #writeString} writes as it is (the default branch, no surrogate). */
    private static boolean unescaped(char c, boolean escapeHtml) {
        if (c < 0x80) {
            return c >= 0x20 && c != '"' && c != '\\' && !(escapeHtml && (c == '<' || c == '>' || c == '&'));
        }
        return !Character.isSurrogate(c) && c != '\u2028' && c != '\u2029';
    }

    // ---- reading (encoding/json Unmarshal into interface{})

    /** Whether {@code text} holds only JSON whitespace (space, tab, line feed, carriage return), or nothing. */
    public static boolean isBlank(String text) {
        return spaceEnd(text.toCharArray(), 0) == text.length();
    }

    /**
     * The index after the JSON whitespace (space, tab, line feed, carriage return) from {@code from}. The test is
     * written out in the loop: a first read runs interpreted, where a method call a character would cost more.
     */
    private static int spaceEnd(char[] chars, int from) {
        int i = from;
        while (i < chars.length) {
            char c = chars[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** json.Unmarshal into interface{}: objects are maps, arrays lists, numbers Double. */
    public static Object read(String text) {
        Unmarshalled read = unmarshal(text);
        if (read.savedError() != null) {
            throw read.savedError();
        }
        return read.value();
    }

    /**
     * What json.Unmarshal into interface{} leaves: the value, and the error it saved on the way, or null. A number
     * past float64's range is not a syntax error: Go stores nil there, reads on and returns the first such error at
     * the end (after any syntax error, which it finds before decoding), so Helm's fromJson keeps the rest of the map.
     */
    public record Unmarshalled(Object value, GoYamlException savedError) {}

    static Unmarshalled unmarshal(String text) {
        try {
            return new JsonParser(text, 0, "unexpected end of JSON input", false).unmarshalDocument();
        } catch (StackOverflowError e) {
            return onDeepStack(
                    () -> new JsonParser(text, 0, "unexpected end of JSON input", false).unmarshalDocument());
        }
    }

    /**
     * Up to encoding/json's 10,000 levels, one parser frame each: more than a default thread's stack holds. The
     * readers parse on the calling thread first and come here when it overflows.
     */
    private static <T> T onDeepStack(Supplier<T> parse) {
        return DeepStack.rerun(
                parse, overflow -> new GoYamlException("the JSON text nests too deeply to read", -1, -1));
    }

    /**
     * The value {@link #decode} reads from the start of {@code text} by a Decoder with {@code UseNumber}: each number
     * is a {@link JsonNumber} holding its literal, so that {@code 5} and {@code 5.0} stay apart and no digit is
     * rounded. What follows the value is not looked at (nor is its end returned: a schema's first read needs only the
     * value, and no {@link Decoded} class to load).
     */
    public static Object decodeUseNumber(String text) {
        try {
            return new JsonParser(text, 0, "unexpected EOF", true).firstValue();
        } catch (StackOverflowError e) {
            return onDeepStack(() -> new JsonParser(text, 0, "unexpected EOF", true).firstValue());
        }
    }

    /** Go's json.Number: a number's literal as the JSON text wrote it. */
    public record JsonNumber(String text) {
        /** Whether the literal has neither a fraction nor an exponent (Jackson reads such a literal as an integer). */
        public boolean integral() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }
    }

    /** A value decoded from the middle of a text, and the index just after it. */
    public record Decoded(Object value, int end) {}

    /**
     * Go's {@code json.Decoder.Decode} into {@code interface{}} of the value that starts at {@code start} (JSON
     * whitespace before it skipped): the value and where it ended, so {@code --set-json a={"x":1},b=2} can go on after
     * it. Unlike {@link #read}, the text may go on after the value (the decoder complains about that only on its next
     * call, which strvals never makes), an empty text is {@code EOF} and one that ends inside the value
     * {@code unexpected EOF}. Errors are {@link GoYamlException}s with encoding/json's words.
     */
    public static Decoded decode(String text, int start) {
        return new Values(text).decode(start);
    }

    /**
     * Values {@linkplain #decode decoded} one after another from the same text, its characters copied once: strvals
     * decodes a value per key of one {@code --set-json} line, and a copy of the whole line per value would make a
     * line of many keys quadratic.
     */
    public static final class Values {
        private final String text;
        private final char[] chars;

        public Values(String text) {
            this.text = text;
            this.chars = text.toCharArray();
        }

        /** {@link GoJson#decode} of the value that starts at {@code start}. */
        public Decoded decode(int start) {
            try {
                return new JsonParser(text, chars, start, "unexpected EOF", false).decodeValue();
            } catch (StackOverflowError e) {
                return onDeepStack(() -> new JsonParser(text, chars, start, "unexpected EOF", false).decodeValue());
            }
        }
    }

    /** Helm's fromJson: a map, or a map holding {@code Error} with Go's message. */
    public static Map<String, Object> fromJson(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            Unmarshalled read = unmarshal(text);
            Object v = read.value();
            if (v instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                if (read.savedError() != null) {
                    // What was read stays, with nil where a number did not fit, and the error beside it.
                    typed.put("Error", read.savedError().getMessage());
                }
                return typed;
            }
            if (v == null && read.savedError() == null) {
                // json.Unmarshal of null sets the map to nil.
                @SuppressWarnings("unchecked")
                Map<String, Object> nil =
                        (Map<String, Object>) (Map<String, ?>) dev.runway.render.gofmt.GoNilMap.INSTANCE;
                return nil;
            }
            m.put("Error", notThe(v, "map[string]interface {}"));
        } catch (GoYamlException e) {
            m.put("Error", e.getMessage());
        }
        return m;
    }

    /** Helm's fromJsonArray: a list, or a one-element list holding Go's error message. */
    public static List<Object> fromJsonArray(String text) {
        try {
            Unmarshalled read = unmarshal(text);
            Object v = read.value();
            if (v instanceof List<?> list) {
                return read.savedError() != null
                        ? new ArrayList<>(List.of(read.savedError().getMessage()))
                        : new ArrayList<>(list);
            }
            if (v == null && read.savedError() == null) {
                return dev.runway.render.gofmt.GoSlice.nilInterfaces();
            }
            return new ArrayList<>(List.of(notThe(v, "[]interface {}")));
        } catch (GoYamlException e) {
            return new ArrayList<>(List.of(e.getMessage()));
        }
    }

    /**
     * encoding/json's type error for a document of another kind than {@code goType}. Go skips such a value, so a
     * number past float64's range inside it is never looked at; one at the top is null here and a number to
     * {@link #jsonKind}.
     */
    private static String notThe(Object v, String goType) {
        return "json: cannot unmarshal " + jsonKind(v) + " into Go value of type " + goType;
    }

    /** The JSON kind encoding/json names in a type error: object, array, string, bool or number. */
    public static String jsonKind(Object v) {
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return "number";
    }

    /** A recursive-descent JSON reader that reports errors in encoding/json's words. */
    private static final class JsonParser {
        private final String s;
        /** {@link #s}'s characters: a first read runs interpreted, where a charAt per character is a call. */
        private final char[] cs;
        /** What a text that ends inside a value is called: Unmarshal's and Decoder's words differ. */
        private final String eof;
        /** Decoder.UseNumber: numbers stay literals ({@link JsonNumber}) instead of float64. */
        private final boolean useNumber;
        /** The first number past float64's range: encoding/json saves that error, stores nil and reads on. */
        private GoYamlException saved;

        private int pos;
        private int depth;
        private int values;

        JsonParser(String s, int start, String eof, boolean useNumber) {
            this(s, s.toCharArray(), start, eof, useNumber);
        }

        JsonParser(String s, char[] cs, int start, String eof, boolean useNumber) {
            this.s = s;
            this.cs = cs;
            this.pos = start;
            this.eof = eof;
            this.useNumber = useNumber;
        }

        /** json.Decoder.Decode: one value from {@code pos}, no look at what follows it. */
        Decoded decodeValue() {
            Object v = firstValue();
            return new Decoded(v, pos);
        }

        /** {@link #decodeValue}'s value alone ({@link #pos} is then just after it). */
        Object firstValue() {
            skipWs();
            if (pos >= cs.length) {
                throw error("EOF");
            }
            Object v = value("looking for beginning of value");
            if (saved != null) {
                throw saved;
            }
            return v;
        }

        Unmarshalled unmarshalDocument() {
            skipWs();
            if (pos >= cs.length) {
                throw error(eof);
            }
            Object v = value("looking for beginning of value");
            skipWs();
            if (pos < cs.length) {
                throw invalid("after top-level value");
            }
            return new Unmarshalled(v, saved);
        }

        /**
         * Go's words, located at {@code pos}: encoding/json's message carries no position (its SyntaxError keeps a byte
         * offset aside), so the line and column (1-based, in characters; one past the end for a text that ends too
         * soon) go in {@link GoYamlException#line()} and {@link GoYamlException#column()}, and what Helm's functions
         * print stays Go's message alone.
         */
        private GoYamlException error(String msg) {
            int at = Math.min(pos, cs.length);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (cs[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new GoYamlException(msg, line, at - lineStart + 1);
        }

        private GoYamlException invalid(String context) {
            if (pos >= cs.length) {
                return error(eof);
            }
            return error("invalid character " + quoteChar(firstByte(pos)) + " " + context);
        }

        /** encoding/json scans bytes: its error names the first byte of the character there, as a rune. */
        private int firstByte(int at) {
            if (GoBytes.isEscape(s, at)) {
                return GoBytes.escapedByte(s, at);
            }
            int c = s.codePointAt(at);
            return c < 0x80 ? c : GoBytes.bytes(new String(Character.toChars(c)))[0] & 0xFF;
        }

        private static String quoteChar(int c) {
            if (c == '\'') {
                return "'\\''";
            }
            if (c == '"') {
                return "'\"'";
            }
            String q = GoStrconv.quote(new String(Character.toChars(c)));
            return "'" + q.substring(1, q.length() - 1) + "'";
        }

        /**
         * encoding/json's scanner (pushParseState) refuses the 10,001st nested object or array, before decoding, as
         * {@code invalid character '[' exceeded max depth}; Unmarshal checks the whole text first, so this comes in
         * text order with the syntax errors, as here.
         */
        private void enter(char open) {
            if (++depth > MAX_INDENT_DEPTH) {
                throw error("invalid character '" + open + "' exceeded max depth");
            }
        }

        private void skipWs() {
            pos = spaceEnd(cs, pos);
        }

        private Object value(String context) {
            if (pos >= cs.length) {
                throw error(eof);
            }
            if (++values > YamlReader.MAX_NODES) {
                // fromJson of 16 MiB of [1,1,...] is 8 million Doubles: more than the heap may hold.
                throw new GoYamlException(
                        "the JSON text holds more than " + YamlReader.MAX_NODES
                                + " values, the most one text may hold here (to bound the memory it takes)",
                        -1,
                        -1);
            }
            char c = cs[pos];
            switch (c) {
                case '{' -> {
                    return object();
                }
                case '[' -> {
                    return array();
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
                    throw invalid(context);
                }
            }
        }

        private void literal(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (pos >= cs.length) {
                    throw error(eof);
                }
                if (cs[pos] != word.charAt(i)) {
                    throw invalid("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
                }
                pos++;
            }
        }

        private Object number() {
            int start = pos;
            if (cs[pos] == '-') {
                pos++;
                if (pos >= cs.length) {
                    throw error(eof);
                }
                if (!Character.isDigit(cs[pos]) || cs[pos] > '9') {
                    throw invalid("in numeric literal");
                }
            }
            if (cs[pos] == '0') {
                pos++;
            } else {
                while (pos < cs.length && cs[pos] >= '0' && cs[pos] <= '9') {
                    pos++;
                }
            }
            if (pos < cs.length && cs[pos] == '.') {
                pos++;
                if (pos >= cs.length) {
                    throw error(eof);
                }
                if (cs[pos] < '0' || cs[pos] > '9') {
                    throw invalid("after decimal point in numeric literal");
                }
                while (pos < cs.length && cs[pos] >= '0' && cs[pos] <= '9') {
                    pos++;
                }
            }
            if (pos < cs.length && (cs[pos] == 'e' || cs[pos] == 'E')) {
                pos++;
                if (pos < cs.length && (cs[pos] == '+' || cs[pos] == '-')) {
                    pos++;
                }
                if (pos >= cs.length) {
                    throw error(eof);
                }
                if (cs[pos] < '0' || cs[pos] > '9') {
                    throw invalid("in exponent of numeric literal");
                }
                while (pos < cs.length && cs[pos] >= '0' && cs[pos] <= '9') {
                    pos++;
                }
            }
            String text = s.substring(start, pos);
            if (useNumber) {
                return new JsonNumber(text);
            }
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                if (saved == null) {
                    int end = pos;
                    pos = start; // the error is about the whole literal: point at its start
                    saved = error("json: cannot unmarshal number " + text + " into Go value of type float64");
                    pos = end;
                }
                return null;
            }
            return d;
        }

        private String string() {
            int start = ++pos; // past the opening quote
            pos = plainEnd(pos);
            if (pos < cs.length && cs[pos] == '"') {
                // Most strings hold nothing to decode: the text between the quotes is the value.
                pos++;
                return s.substring(start, pos - 1);
            }
            StringBuilder sb = new StringBuilder().append(cs, start, pos - start);
            while (true) {
                int plain = plainEnd(pos);
                if (plain > pos) {
                    sb.append(cs, pos, plain - pos);
                    pos = plain;
                }
                if (pos >= cs.length) {
                    throw error(eof);
                }
                char c = cs[pos];
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw invalid("in string literal");
                }
                if (c == '\\') {
                    pos++;
                    if (pos >= cs.length) {
                        throw error(eof);
                    }
                    char e = cs[pos];
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            int cp = 0;
                            for (int k = 1; k <= 4; k++) {
                                if (pos + k >= cs.length) {
                                    throw error(eof);
                                }
                                int d = Character.digit(cs[pos + k], 16);
                                if (d < 0) {
                                    pos += k;
                                    throw invalid("in \\u hexadecimal character escape");
                                }
                                cp = cp * 16 + d;
                            }
                            pos += 4;
                            appendEscapedUnit(sb, cp);
                        }
                        default -> throw invalid("in string escape code");
                    }
                    pos++;
                    continue;
                }
                // An invalid UTF-8 byte inside a string becomes U+FFFD (encoding/json unquote).
                sb.append(GoBytes.isEscape(s, pos) ? '\uFFFD' : c);
                pos++;
            }
        }

        /**
         * The end of the run from {@code from} of characters a string holds as they are: neither a quote, a backslash,
         * a control character nor a surrogate (an escaped byte is one; a surrogate pair is also left to the caller's
         * check, character by character). The test is written out in the loop for a first, interpreted read.
         */
        private int plainEnd(int from) {
            int i = from;
            while (i < cs.length) {
                char c = cs[i];
                if (c == '"'
                        || c == '\\'
                        || c < 0x20
                        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                    break;
                }
                i++;
            }
            return i;
        }

        /**
         * A JSON escape of one UTF-16 unit: a high surrogate followed by an escaped low one is one character; any other
         * surrogate becomes U+FFFD, as encoding/json's unquote does (so no stray surrogate passes for a raw byte).
         */
        private void appendEscapedUnit(StringBuilder sb, int unit) {
            if (!Character.isSurrogate((char) unit)) {
                sb.append((char) unit);
                return;
            }
            if (Character.isHighSurrogate((char) unit)
                    && pos + 6 < cs.length
                    && cs[pos + 1] == '\\'
                    && cs[pos + 2] == 'u') {
                int low = 0;
                for (int k = 3; k <= 6; k++) {
                    int d = Character.digit(cs[pos + k], 16);
                    low = d < 0 ? -1 : low * 16 + d;
                    if (low < 0) {
                        break;
                    }
                }
                if (low >= 0 && Character.isLowSurrogate((char) low)) {
                    sb.append((char) unit).append((char) low);
                    pos += 6;
                    return;
                }
            }
            sb.append('\uFFFD');
        }

        private Map<String, Object> object() {
            enter('{');
            try {
                return objectBody();
            } finally {
                depth--;
            }
        }

        private Map<String, Object> objectBody() {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            skipWs();
            if (pos < cs.length && cs[pos] == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWs();
                if (pos >= cs.length) {
                    throw error(eof);
                }
                if (cs[pos] != '"') {
                    throw invalid("looking for beginning of object key string");
                }
                String key = string();
                skipWs();
                if (pos >= cs.length) {
                    throw error(eof);
                }
                if (cs[pos] != ':') {
                    throw invalid("after object key");
                }
                pos++;
                skipWs();
                Object v = value("looking for beginning of value");
                m.put(fixSurrogates(key), v);
                if (!another('}', "after object key:value pair")) {
                    return m;
                }
            }
        }

        private List<Object> array() {
            enter('[');
            try {
                return arrayBody();
            } finally {
                depth--;
            }
        }

        private List<Object> arrayBody() {
            pos++;
            List<Object> list = new ArrayList<>();
            skipWs();
            if (pos < cs.length && cs[pos] == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWs();
                list.add(value("looking for beginning of value"));
                if (!another(']', "after array element")) {
                    return list;
                }
            }
        }

        /**
         * encoding/json's stateEndValue inside an object or array: past a comma (true, another member or element
         * follows) or past the closing bracket (false); anything else is a syntax error {@code context}.
         */
        private boolean another(char close, String context) {
            skipWs();
            if (pos >= cs.length) {
                throw error(eof);
            }
            char c = cs[pos];
            if (c == ',' || c == close) {
                pos++;
                return c == ',';
            }
            throw invalid(context);
        }

        private static String fixSurrogates(String s) {
            return s;
        }
    }
}
