package dev.runway.render.values;

import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.io.BoundedFiles;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYamlException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helm's {@code --set} language (Go package {@code helm.sh/helm/v3/pkg/strvals}), with the same results and the
 * same error texts.
 *
 * <p>A line is {@code name1=value1,name2=value2}. Names are dotted paths ({@code a.b.c}) with list indexes
 * ({@code list[0]}, {@code list[0][1]}, {@code list[0].name}); a backslash escapes the next character
 * ({@code a\.b=x} sets the key {@code a.b}, {@code a=x\,y} the value {@code x,y}); {@code a={x,y}} is a list.
 * Helm's limits apply: at most 30 dots in a name, list indexes up to 65536.
 *
 * <p>How a value is typed depends on the flag:
 * <ul>
 *   <li>{@code --set} ({@link #parseInto}): {@code true}/{@code false} (any case) become booleans, {@code null}
 *       becomes nil, {@code 0} and decimal integers that do not start with {@code 0} become int64 ({@link Long});
 *       everything else stays a string ({@code 007}, {@code 1.5}, {@code 1e3}).</li>
 *   <li>{@code --set-string} ({@link #parseIntoString}): always a string.</li>
 *   <li>{@code --set-file} ({@link #parseIntoFile}): the value names a file; its content is the string.</li>
 *   <li>{@code --set-json} ({@link #parseJson}): the value is JSON (numbers are float64, {@link Double});
 *       an empty value is null.</li>
 *   <li>{@code --set-literal} ({@link #parseLiteralInto}): the whole rest of the line is the string, no escapes.</li>
 * </ul>
 *
 * <p>The target map is changed in place, exactly as Helm changes it, also when an error stops the parse half way.
 * Maps and lists inside it must be mutable ({@link LinkedHashMap}, {@link ArrayList}).
 */
public final class Strvals {

    /** Helm's {@code strvals.MaxIndex}. */
    public static final int MAX_INDEX = 65536;
    /** Helm's {@code strvals.MaxNestedNameLevel}. */
    public static final int MAX_NESTED_NAME_LEVEL = 30;

    private Strvals() {}

    /** {@code --set}: Helm's {@code strvals.ParseInto}. */
    public static void parseInto(String line, Map<String, Object> dest) {
        new Parser(line, Mode.TYPED, null).parse(dest);
    }

    /** {@code --set-string}: Helm's {@code strvals.ParseIntoString}. */
    public static void parseIntoString(String line, Map<String, Object> dest) {
        new Parser(line, Mode.STRING, null).parse(dest);
    }

    /** {@code --set-json}: Helm's {@code strvals.ParseJSON}. */
    public static void parseJson(String line, Map<String, Object> dest) {
        new Parser(line, Mode.JSON, null).parse(dest);
    }

    /** {@code --set-file}: Helm's {@code strvals.ParseIntoFile}; {@code files} reads each named file. */
    public static void parseIntoFile(String line, Map<String, Object> dest, FileValueReader files) {
        new Parser(line, Mode.FILE, Objects.requireNonNull(files, "files")).parse(dest);
    }

    /** {@code --set-literal}: Helm's {@code strvals.ParseLiteralInto}. */
    public static void parseLiteralInto(String line, Map<String, Object> dest) {
        new Parser(line, Mode.LITERAL, null).parse(dest);
    }

    /** {@code --set} into a new map: Helm's {@code strvals.Parse}. */
    public static Map<String, Object> parse(String line) {
        Map<String, Object> values = new LinkedHashMap<>();
        parseInto(line, values);
        return values;
    }

    /** Helm's typing of a {@code --set} value ({@code typedVal}). */
    public static Object typedValue(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("null")) {
            return null;
        }
        if (value.equals("0")) {
            return 0L;
        }
        // Only values that do not start with '0' are tried as integers: "007" stays a string.
        if (!value.isEmpty() && value.charAt(0) != '0') {
            Long parsed = parseGoInt64(value);
            if (parsed != null) {
                return parsed;
            }
        }
        return value;
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, ASCII digits only; null when Go returns an error. */
    static Long parseGoInt64(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null; // out of int64 range
        }
    }

    /** Go's message for an error from {@code os.ReadFile}. */
    static String goFileError(String path, IOException e) {
        if (e instanceof BoundedFiles.NotARegularFileException notRegular) {
            // Helm's wording for a directory; Helm would wait on a pipe or read a device without end.
            return notRegular.kind().equals("a directory")
                    ? "read " + path + ": is a directory"
                    : path + " is " + notRegular.kind() + ", not a regular file; save the content to a regular"
                            + " file and name that file";
        }
        if (e instanceof BoundedFiles.FileTooLargeException tooLarge) {
            return path + " has more than " + tooLarge.limit() + " bytes; a file given to --set-file is limited"
                    + " to the size of a values file";
        }
        if (e instanceof NoSuchFileException) {
            return "open " + path + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "open " + path + ": permission denied";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.toLowerCase(java.util.Locale.ROOT).contains("is a directory")) {
            return "read " + path + ": is a directory";
        }
        return "open " + path + ": " + detail;
    }

    private enum Mode {
        TYPED,
        STRING,
        FILE,
        JSON,
        LITERAL
    }

    /** A Go error value: a message, and whether it is (or wraps) {@code io.EOF}. */
    private record Failure(String message, boolean eof) {
        static final Failure EOF = new Failure("EOF", true);

        static Failure of(String message) {
            return new Failure(message, false);
        }

        /**
         * A wrapped error. Helm 3 compares with {@code err == io.EOF}, so a wrapped EOF is a real error
         * ({@code a[1} fails with "error parsing index: EOF"; the oracle confirms it).
         */
        Failure wrap(String prefix) {
            return new Failure(prefix + message, false);
        }
    }

    /** A Go runtime panic (a failed type assertion); {@code key} recovers it as Helm does. */
    private static final class GoPanic extends RuntimeException {
        GoPanic(String message) {
            super(message, null, false, false);
        }
    }

    /** Runes read up to a stop character: {@code last} is the stop character or -1 at the end of input. */
    private record Runes(String text, int last) {
        boolean eof() {
            return last < 0;
        }
    }

    private record ListResult(List<Object> list, Failure failure) {}

    private record ValueResult(Object value, Failure failure) {}

    private record IndexResult(long index, Failure failure) {}

    private static final String KEY_STOP = "=[,.";
    private static final String LITERAL_KEY_STOP = "=[.";
    private static final String LIST_ITEM_STOP = "[.=";
    private static final Failure NOT_LIST = Failure.of("not a list");

    @SuppressWarnings("ReferenceEquality") // NOT_LIST is a sentinel: only that instance, not an equal failure, means it
    private static boolean isNotList(Failure failure) {
        return failure == NOT_LIST;
    }

    private static final class Parser {
        private final String text;
        private final Mode mode;
        private final FileValueReader files;
        private int pos;
        /** The line's JSON values, read from one copy of the line ({@link GoJson.Values}); made at the first. */
        private GoJson.Values json;

        Parser(String text, Mode mode, FileValueReader files) {
            this.text = Objects.requireNonNull(text, "line");
            this.mode = mode;
            this.files = files;
        }

        private GoJson.Values jsonValues() {
            if (json == null) {
                json = new GoJson.Values(text);
            }
            return json;
        }

        void parse(Map<String, Object> data) {
            Objects.requireNonNull(data, "dest");
            while (true) {
                Failure failure = key(data, 0);
                if (failure == null) {
                    continue;
                }
                if (failure.eof()) {
                    return;
                }
                throw new SetValueException(failure.message());
            }
        }

        private Failure key(Map<String, Object> data, int nestedNameLevel) {
            try {
                return mode == Mode.LITERAL ? literalKey(data, nestedNameLevel) : keyUnrecovered(data, nestedNameLevel);
            } catch (GoPanic panic) {
                return Failure.of("unable to parse key: " + panic.getMessage());
            }
        }

        private Failure keyUnrecovered(Map<String, Object> data, int nestedNameLevel) {
            Runes k = runesUntil(KEY_STOP, true);
            if (k.eof()) {
                return k.text().isEmpty()
                        ? Failure.EOF
                        : Failure.of("key " + GoStrconv.quote(k.text()) + " has no value");
            }
            switch (k.last()) {
                case '[' -> {
                    return listKey(data, k.text(), nestedNameLevel);
                }
                case '=' -> {
                    if (mode == Mode.JSON) {
                        return jsonValue(data, k.text());
                    }
                    ListResult list = valList();
                    if (list.failure() == null) {
                        set(data, k.text(), list.list());
                        return null;
                    }
                    if (list.failure().eof()) {
                        set(data, k.text(), "");
                        return list.failure();
                    }
                    if (isNotList(list.failure())) {
                        Runes value = runesUntil(",", true);
                        ValueResult converted = convert(value.text());
                        set(data, k.text(), converted.value());
                        return converted.failure();
                    }
                    return list.failure();
                }
                case ',' -> {
                    set(data, k.text(), "");
                    return Failure.of("key " + GoStrconv.quote(k.text()) + " has no value (cannot end with ,)");
                }
                default -> {
                    // '.'
                    return nestedKey(data, k.text(), nestedNameLevel);
                }
            }
        }

        private Failure literalKey(Map<String, Object> data, int nestedNameLevel) {
            Runes k = runesUntil(LITERAL_KEY_STOP, false);
            if (k.eof()) {
                return k.text().isEmpty()
                        ? Failure.EOF
                        : Failure.of("key " + GoStrconv.quote(k.text()) + " has no value");
            }
            return switch (k.last()) {
                case '=' -> {
                    set(data, k.text(), rest());
                    yield null;
                }
                case '[' -> listKey(data, k.text(), nestedNameLevel);
                default ->
                    // '.'
                    nestedKey(data, k.text(), nestedNameLevel);
            };
        }

        private Failure nestedKey(Map<String, Object> data, String k, int nestedNameLevel) {
            int level = nestedNameLevel + 1;
            if (level > MAX_NESTED_NAME_LEVEL) {
                return Failure.of("value name nested level is greater than maximum supported nested level of "
                        + MAX_NESTED_NAME_LEVEL);
            }
            Map<String, Object> inner = new LinkedHashMap<>();
            if (data.containsKey(k)) {
                inner = asMap(data.get(k));
            }
            Failure failure = key(inner, level);
            if (failure == null && inner.isEmpty()) {
                return Failure.of("key map " + GoStrconv.quote(k) + " has no value");
            }
            if (!inner.isEmpty()) {
                set(data, k, inner);
            }
            return failure;
        }

        private Failure listKey(Map<String, Object> data, String k, int nestedNameLevel) {
            IndexResult index = keyIndex();
            if (index.failure() != null) {
                return index.failure().wrap("error parsing index: ");
            }
            List<Object> list = new ArrayList<>();
            if (data.containsKey(k)) {
                list = asList(data.get(k));
            }
            ListResult result = listItem(list, index.index(), nestedNameLevel);
            set(data, k, result.list());
            return result.failure();
        }

        private Failure jsonValue(Map<String, Object> data, String k) {
            if (emptyVal()) {
                set(data, k, null);
                return null;
            }
            GoJson.Decoded decoded;
            try {
                decoded = jsonValues().decode(pos);
            } catch (GoYamlException e) {
                return Failure.of(e.getMessage());
            }
            set(data, k, decoded.value());
            pos = decoded.end();
            emptyVal();
            return null;
        }

        private ListResult listItem(List<Object> list, long i, int nestedNameLevel) {
            if (i < 0) {
                return new ListResult(list, Failure.of("negative " + i + " index not allowed"));
            }
            Runes k = runesUntil(LIST_ITEM_STOP, mode != Mode.LITERAL);
            if (!k.text().isEmpty()) {
                return new ListResult(
                        list, Failure.of("unexpected data at end of array index: " + GoStrconv.quoteRunes(k.text())));
            }
            if (k.eof()) {
                return new ListResult(list, Failure.EOF);
            }
            switch (k.last()) {
                case '=' -> {
                    return listItemValue(list, i);
                }
                case '[' -> {
                    IndexResult next = keyIndex();
                    if (next.failure() != null) {
                        return new ListResult(list, next.failure().wrap("error parsing index: "));
                    }
                    List<Object> current = new ArrayList<>();
                    if (list.size() > i) {
                        Object existing = list.get((int) i);
                        if (existing != null) {
                            current = asList(existing);
                        }
                    }
                    ListResult inner = listItem(current, next.index(), nestedNameLevel);
                    if (inner.failure() != null) {
                        return new ListResult(list, inner.failure());
                    }
                    return setIndex(list, i, inner.list());
                }
                default -> {
                    // '.'
                    Map<String, Object> inner = new LinkedHashMap<>();
                    if (list.size() > i) {
                        Object existing = list.get((int) i);
                        if (existing instanceof Map) {
                            inner = castMap(existing);
                        } else {
                            // Indexes out of order: Helm replaces whatever was there with an empty map.
                            list.set((int) i, inner);
                        }
                    }
                    Failure failure = key(inner, nestedNameLevel);
                    if (failure != null) {
                        return new ListResult(list, failure);
                    }
                    return setIndex(list, i, inner);
                }
            }
        }

        private ListResult listItemValue(List<Object> list, long i) {
            if (mode == Mode.LITERAL) {
                return setIndex(list, i, rest());
            }
            if (mode == Mode.JSON) {
                if (emptyVal()) {
                    return setIndex(list, i, null);
                }
                GoJson.Decoded decoded;
                try {
                    decoded = jsonValues().decode(pos);
                } catch (GoYamlException e) {
                    return new ListResult(list, Failure.of(e.getMessage()));
                }
                ListResult result = setIndex(list, i, decoded.value());
                if (result.failure() != null) {
                    return result;
                }
                pos = decoded.end();
                emptyVal();
                return result;
            }
            ListResult values = valList();
            if (values.failure() == null) {
                return setIndex(list, i, values.list());
            }
            if (values.failure().eof()) {
                return setIndex(list, i, "");
            }
            if (isNotList(values.failure())) {
                Runes value = runesUntil(",", true);
                ValueResult converted = convert(value.text());
                if (converted.failure() != null) {
                    return new ListResult(list, converted.failure());
                }
                return setIndex(list, i, converted.value());
            }
            return new ListResult(list, values.failure());
        }

        /** Helm's {@code setIndex}: grows into a new list (as Go's copy does), sets in place otherwise. */
        private static ListResult setIndex(List<Object> list, long index, Object value) {
            if (index < 0) {
                return new ListResult(list, Failure.of("negative " + index + " index not allowed"));
            }
            if (index > MAX_INDEX) {
                return new ListResult(
                        list,
                        Failure.of("index of " + index + " is greater than maximum supported index of " + MAX_INDEX));
            }
            List<Object> target = list;
            if (list.size() <= index) {
                target = new ArrayList<>((int) index + 1);
                target.addAll(list);
                while (target.size() <= index) {
                    target.add(null);
                }
            }
            target.set((int) index, value);
            return new ListResult(target, null);
        }

        private IndexResult keyIndex() {
            Runes v = runesUntil("]", mode != Mode.LITERAL);
            if (v.eof()) {
                return new IndexResult(0, Failure.EOF);
            }
            return atoi(v.text());
        }

        /** Go's {@code strconv.Atoi} on a 64-bit platform, with its error texts. */
        private static IndexResult atoi(String s) {
            Long parsed = parseGoInt64(s);
            if (parsed != null) {
                return new IndexResult(parsed, null);
            }
            boolean digits = !s.isEmpty();
            int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
            if (start == s.length()) {
                digits = false;
            }
            for (int j = start; j < s.length() && digits; j++) {
                digits = s.charAt(j) >= '0' && s.charAt(j) <= '9';
            }
            String reason = digits ? "value out of range" : "invalid syntax";
            return new IndexResult(0, Failure.of("strconv.Atoi: parsing " + GoStrconv.quote(s) + ": " + reason));
        }

        /** Skips blanks; true (consuming it) at a comma or the end, false (not consuming it) at anything else. */
        private boolean emptyVal() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                    return true;
                }
                if (!isGoSpace(c)) {
                    return false;
                }
                pos++;
            }
            return true;
        }

        private static boolean isGoSpace(char c) {
            return c == ' '
                    || c == '\t'
                    || c == '\n'
                    || c == 0x0B
                    || c == '\f'
                    || c == '\r'
                    || c == 0x85
                    || c == 0xA0
                    || (Character.isSpaceChar(c) && c != 0x200B);
        }

        private ListResult valList() {
            if (pos >= text.length()) {
                return new ListResult(new ArrayList<>(), Failure.EOF);
            }
            if (text.charAt(pos) != '{') {
                return new ListResult(new ArrayList<>(), NOT_LIST);
            }
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                Runes item = runesUntil(",}", true);
                if (item.eof()) {
                    return new ListResult(list, Failure.of("list must terminate with '}'"));
                }
                if (item.last() == '}') {
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                    }
                    ValueResult converted = convert(item.text());
                    list.add(converted.value());
                    return new ListResult(list, converted.failure());
                }
                ValueResult converted = convert(item.text());
                if (converted.failure() != null) {
                    return new ListResult(list, converted.failure());
                }
                list.add(converted.value());
            }
        }

        private ValueResult convert(String runes) {
            switch (mode) {
                case STRING -> {
                    return new ValueResult(runes, null);
                }
                case FILE -> {
                    try {
                        return new ValueResult(files.read(runes), null);
                    } catch (IOException e) {
                        return new ValueResult(null, Failure.of(goFileError(runes, e)));
                    }
                }
                default -> {
                    return new ValueResult(typedValue(runes), null);
                }
            }
        }

        private String rest() {
            String value = text.substring(pos);
            pos = text.length();
            return value;
        }

        private Runes runesUntil(String stop, boolean escapes) {
            StringBuilder v = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    return new Runes(v.toString(), -1);
                }
                char c = text.charAt(pos++);
                if (stop.indexOf(c) >= 0) {
                    return new Runes(v.toString(), c);
                }
                if (escapes && c == '\\') {
                    if (pos >= text.length()) {
                        return new Runes(v.toString(), -1);
                    }
                    v.append(text.charAt(pos++));
                } else {
                    v.append(c);
                }
            }
        }

        private static void set(Map<String, Object> data, String key, Object value) {
            if (key.isEmpty()) {
                return;
            }
            data.put(key, value);
        }

        private static Map<String, Object> asMap(Object value) {
            if (value instanceof Map) {
                return castMap(value);
            }
            throw new GoPanic("interface conversion: interface {} is " + GoValues.runtimeTypeName(value)
                    + ", not map[string]interface {}");
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castMap(Object value) {
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        private static List<Object> asList(Object value) {
            if (value instanceof List) {
                return (List<Object>) value;
            }
            throw new GoPanic("interface conversion: interface {} is " + GoValues.runtimeTypeName(value)
                    + ", not []interface {}");
        }
    }
}
