package dev.runway.render.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * go-yaml v2's encoder and emitter (encode.go, emitterc.go) for the values {@link GoYaml#toYaml} produces after the
 * JSON round trip: block mappings with sorted keys, indentless block sequences under mapping keys, {@code []} and
 * {@code {}} for empty collections, and the emitter's scalar style choice (plain, single-quoted, double-quoted,
 * literal) with its line folding past column 80. The state is the emitter's own: column, indent stack, and the
 * whitespace and indention flags that decide where spaces and line breaks go.
 */
final class YamlEmitter {

    private static final int BEST_INDENT = 2;
    /** go-yaml v2 folds past column 80; yaml.v3 (toYamlPretty) starts with an unlimited width. */
    private final int bestWidth;
    /** yaml.v3 indents a block sequence under a mapping key; v2 writes it at the key's indentation. */
    private final boolean indentSequences;

    enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        LITERAL
    }

    /**
     * A scalar as the encoder hands it to the emitter: its text and the style the encoder asked for. Written-out equals
     * and hashCode (the encoder keys maps with these): records' generated ones bootstrap through
     * java.lang.runtime.ObjectMethods, which spins many method-handle classes the first time in a JVM (issue 19).
     */
    record ScalarValue(String text, Style requested) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ScalarValue v && text.equals(v.text) && requested == v.requested;
        }

        @Override
        public int hashCode() {
            return 31 * text.hashCode() + requested.hashCode();
        }
    }

    // Most toYaml outputs are a few hundred characters: start there rather than growing from 16.
    private final StringBuilder out = new StringBuilder(256);
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;
    private boolean mappingContext;
    private boolean simpleKeyContext;

    // The code points of the scalar being written and its analysis, reused from scalar to scalar: a key is written in
    // full before its value is looked at, so one of each serves the whole document. A new int[] and Analysis per key
    // and per scalar were a tenth of a warm runway-eks render's allocation.
    private int[] scalar = new int[64];
    private final Analysis analysis = new Analysis();
    /**
     * The chars of the scalar being written (taken with one getChars), and whether {@link #scalar} holds its code
     * points yet: a scalar of plain printable ASCII is analysed from the chars alone, and its code points are only
     * made when a writer needs them one by one (a plain scalar that fits on its line is appended as it is). Cold, a
     * char array read in a loop costs a fraction of codePointAt and the analysis' helper calls per character.
     */
    private char[] chars = new char[64];

    private boolean loaded;

    private YamlEmitter(boolean v3) {
        this.bestWidth = v3 ? Integer.MAX_VALUE : 80;
        this.indentSequences = v3;
    }

    /**
     * Emits one document. {@code value} holds only null, Boolean, ScalarValue, Map (keys already in go-yaml order)
     * and List.
     */
    static String emit(Object value) {
        return emit(value, false);
    }

    /** As {@link #emit(Object)}, with yaml.v3's layout when {@code v3} is set (Helm's toYamlPretty). */
    static String emit(Object value, boolean v3) {
        YamlEmitter e = new YamlEmitter(v3);
        e.emitNode(value, false, false);
        e.writeIndent();
        return e.out.toString();
    }

    /** As {@link #emit(Object)} without its one trailing newline (Helm's toYaml), trimmed before the text is copied. */
    static String emitTrimmed(Object value) {
        YamlEmitter e = new YamlEmitter(false);
        e.emitNode(value, false, false);
        e.writeIndent();
        int length = e.out.length();
        if (length > 0 && e.out.charAt(length - 1) == '\n') {
            e.out.setLength(length - 1);
        }
        return e.out.toString();
    }

    private void emitNode(Object value, boolean mapping, boolean simpleKey) {
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                emitEmptyFlow('{', '}');
            } else {
                emitBlockMapping(map);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                emitEmptyFlow('[', ']');
            } else {
                emitBlockSequence(list);
            }
        } else {
            emitScalar((ScalarValue) value);
        }
    }

    private void emitEmptyFlow(char open, char close) {
        writeIndicator(open, true, true, false);
        increaseIndent(true, false);
        flowLevel++;
        flowLevel--;
        popIndent();
        writeIndicator(close, false, false, false);
    }

    private void emitBlockSequence(List<?> list) {
        if (indentSequences) {
            int original = indent;
            increaseIndent(false, false);
            if (indent > original + 2) {
                indent -= 2;
            }
        } else {
            increaseIndent(false, mappingContext && !indention);
        }
        for (Object item : list) {
            writeIndent();
            writeIndicator('-', true, false, true);
            emitNode(item, false, false);
        }
        popIndent();
    }

    private void emitBlockMapping(Map<?, ?> map) {
        increaseIndent(false, false);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            writeIndent();
            ScalarValue key = (ScalarValue) entry.getKey();
            // The key is analysed once, for the simple-key check and for its style (libyaml does it twice).
            int n = prepare(key.text());
            boolean simple = !analysis.multiline && (loaded ? utf8Length(scalar, n) : n) <= 128;
            mappingContext = true;
            if (simple) {
                simpleKeyContext = true;
                emitScalar(key, n);
                writeIndicator(':', false, false, false);
            } else {
                writeIndicator('?', true, false, true);
                simpleKeyContext = false;
                emitScalar(key, n);
                writeIndent();
                writeIndicator(':', true, false, true);
            }
            emitNode(entry.getValue(), true, false);
        }
        popIndent();
    }

    private void emitScalar(ScalarValue value) {
        emitScalar(value, prepare(value.text()));
    }

    /**
     * Analyses {@code s} into {@link #analysis} and returns its number of code points: from its chars when it is
     * plain printable ASCII ({@link #loaded} stays false, and the count is also its UTF-8 length), else from its code
     * points, loaded into {@link #scalar}.
     */
    private int prepare(String s) {
        int length = s.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        s.getChars(0, length, chars, 0);
        if (analyzeAscii(s, chars, length, analysis)) {
            loaded = false;
            return length;
        }
        int n = load(s);
        analyze(scalar, n, indentSequences, analysis);
        return n;
    }

    /** The code points of the scalar being written, in {@link #scalar}: loaded now if {@link #prepare} did not. */
    private int[] codePoints(String s) {
        if (!loaded) {
            load(s);
        }
        return scalar;
    }

    /** The code points of {@code s} into {@link #scalar} (grown when too small); returns how many there are. */
    private int load(String s) {
        loaded = true;
        int length = s.length();
        if (scalar.length < length) {
            scalar = new int[Math.max(length, 2 * scalar.length)];
        }
        int[] cps = scalar;
        int n = 0;
        for (int i = 0; i < length; ) {
            int cp = s.codePointAt(i);
            cps[n++] = cp;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int utf8Length(int[] cps, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            int cp = cps[i];
            n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
        return n;
    }

    /** Writes the scalar whose {@code n} code points are in {@link #scalar}, already analysed into {@link #analysis}. */
    private void emitScalar(ScalarValue value, int n) {
        Style style = selectStyle(value.requested(), analysis, n == 0);
        increaseIndent(true, false);
        String text = value.text();
        switch (style) {
            case PLAIN -> writePlain(text, n, !simpleKeyContext);
            case SINGLE_QUOTED -> writeSingleQuoted(codePoints(text), n, !simpleKeyContext);
            case DOUBLE_QUOTED -> writeDoubleQuoted(text, n, !simpleKeyContext);
            case LITERAL -> writeLiteral(codePoints(text), n);
        }
        popIndent();
    }

    private Style selectStyle(Style requested, Analysis a, boolean empty) {
        Style style = requested;
        if (simpleKeyContext && a.multiline) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.PLAIN) {
            if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed)) {
                style = Style.SINGLE_QUOTED;
            }
            if (empty && (flowLevel > 0 || simpleKeyContext)) {
                style = Style.SINGLE_QUOTED;
            }
        }
        if (style == Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
            style = Style.DOUBLE_QUOTED;
        }
        return style;
    }

    // ---- analysis (yaml_emitter_analyze_scalar)

    static final class Analysis {
        boolean multiline;
        boolean flowPlainAllowed;
        boolean blockPlainAllowed;
        boolean singleQuotedAllowed;
        boolean blockAllowed;
        /** Set by {@link #analyzeAscii} only: no {@code "} and no backslash, so double quotes copy it as is. */
        boolean noEscapes;
    }

    // Sets of the characters below 128, as bit masks over c & 63 (one long for 0-63, one for 64-127).
    /** Printable ASCII, 0x20 to 0x7E. */
    private static final long PRINTABLE_LO = 0xFFFFFFFF00000000L;

    private static final long PRINTABLE_HI = 0x7FFFFFFFFFFFFFFFL;
    /** The flow indicators {@code , ? [ ] { }}: a plain scalar holding one is not plain in flow context. */
    private static final long FLOW_LO = 1L << ',' | 1L << '?';

    private static final long FLOW_HI = 1L << ('[' - 64) | 1L << (']' - 64) | 1L << ('{' - 64) | 1L << ('}' - 64);
    /** What only a double-quoted scalar escapes among printable ASCII: {@code "} and backslash. */
    private static final long ESCAPED_LO = 1L << '"';

    private static final long ESCAPED_HI = 1L << ('\\' - 64);

    /**
     * {@link #analyze} for the common scalar: {@code n} chars of printable ASCII (no line break, tab or control
     * character), not starting with an indicator or "...". Returns false, with {@code a} untouched, for any other text
     * (the full analysis then decides). One loop collects which characters occur; the few that matter past the first
     * character ({@code :} and {@code #} only in context) are then found with String.indexOf.
     */
    static boolean analyzeAscii(String s, char[] v, int n, Analysis a) {
        if (n == 0) {
            return false;
        }
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < n; i++) {
            char c = v[i];
            if (c < 64) {
                lo |= 1L << c;
            } else if (c < 128) {
                hi |= 1L << c;
            } else {
                return false;
            }
        }
        if ((lo & ~PRINTABLE_LO) != 0 || (hi & ~PRINTABLE_HI) != 0) {
            return false;
        }
        switch (v[0]) {
            case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':', '-' -> {
                return false;
            }
            case '.' -> {
                if (n >= 3 && v[1] == '.' && v[2] == '.') {
                    return false;
                }
            }
            default -> {}
        }
        boolean flowIndicators = (lo & FLOW_LO) != 0 || (hi & FLOW_HI) != 0;
        boolean blockIndicators = false;
        if ((lo & 1L << ':') != 0) {
            flowIndicators = true;
            blockIndicators = v[n - 1] == ':' || s.indexOf(": ") >= 0;
        }
        if ((lo & 1L << '#') != 0 && s.indexOf(" #") >= 0) {
            flowIndicators = true;
            blockIndicators = true;
        }
        boolean edgeSpace = v[0] == ' ' || v[n - 1] == ' ';
        a.multiline = false;
        a.flowPlainAllowed = !edgeSpace && !flowIndicators;
        a.blockPlainAllowed = !edgeSpace && !blockIndicators;
        a.singleQuotedAllowed = true;
        a.blockAllowed = v[n - 1] != ' ';
        a.noEscapes = (lo & ESCAPED_LO) == 0 && (hi & ESCAPED_HI) == 0;
        return true;
    }

    /**
     * The first {@code n} code points of {@code v} analysed into {@code a} (every field is set). {@code v3}: yaml.v3
     * lets tabs into literal blocks but keeps them out of plain and single-quoted scalars.
     */
    static void analyze(int[] v, int n, boolean v3, Analysis a) {
        if (n == 0) {
            a.multiline = false;
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = true;
            a.singleQuotedAllowed = true;
            a.blockAllowed = false;
            return;
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        boolean tabs = false;

        if (n >= 3 && ((v[0] == '-' && v[1] == '-' && v[2] == '-') || (v[0] == '.' && v[1] == '.' && v[2] == '.'))) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        for (int i = 0; i < n; i++) {
            int c = v[i];
            boolean followedByWhitespace = i + 1 >= n || isBlank(v[i + 1]);
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {}
                }
            } else {
                switch (c) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {}
                }
            }
            if (v3 && c == '\t') {
                tabs = true;
            } else if (!isPrintable(c)) {
                specialCharacters = true;
            }
            if (c == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i == n - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i == n - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlankz(c);
        }
        a.multiline = lineBreaks;
        a.flowPlainAllowed = true;
        a.blockPlainAllowed = true;
        a.singleQuotedAllowed = true;
        a.blockAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
        }
        if (trailingSpace) {
            a.blockAllowed = false;
        }
        if (breakSpace) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
        }
        if (spaceBreak || specialCharacters) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
            a.blockAllowed = false;
        }
        if (tabs) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
        }
        if (lineBreaks) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
        }
        if (flowIndicators) {
            a.flowPlainAllowed = false;
        }
        if (blockIndicators) {
            a.blockPlainAllowed = false;
        }
    }

    /** libyaml's is_printable, on code points (4-byte UTF-8 sequences are not printable there). */
    static boolean isPrintable(int c) {
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBlankz(int c) {
        return isBlank(c) || isBreak(c) || c == 0;
    }

    // ---- writer primitives

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents.pop();
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(int cp) {
        // appendCodePoint goes through two more calls for every character; nearly all are in the BMP.
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            out.append((char) cp);
        } else {
            out.appendCodePoint(cp);
        }
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
        indention = true;
    }

    private void writeBreak(int cp) {
        if (cp == '\n') {
            putBreak();
        } else {
            write(cp);
            column = 0;
            indention = true;
        }
    }

    private void writeIndent() {
        // Indentation grows with nesting (a 9999-deep map is 10^8 characters of YAML): bound the text as it grows.
        if (out.length() > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) {
            throw dev.runway.render.gofmt.ValueLimits.tooLong("the YAML text");
        }
        int ind = Math.max(indent, 0);
        if (!indention || column > ind || (column == ind && !whitespace)) {
            putBreak();
        }
        while (column < ind) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    /** Every indicator the emitter writes is one ASCII character. */
    private void writeIndicator(char indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        put(indicator);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writePlain(String text, int n, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        if (!allowBreaks || column + n <= bestWidth) {
            // No space can be past the width, and a plain scalar has no line breaks (analyze rules them out): the
            // loop would copy the text as it is.
            out.append(text);
            column += n;
        } else {
            writeFlowText(codePoints(text), n, allowBreaks, false);
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(int[] v, int n, boolean allowBreaks) {
        writeIndicator('\'', true, false, false);
        writeFlowText(v, n, allowBreaks, true);
        writeIndicator('\'', false, false, false);
        whitespace = false;
        indention = false;
    }

    /**
     * The text of a plain or single-quoted scalar, libyaml's write_plain and write_single_quoted in one loop: a space
     * past the width may become a line break and line breaks are kept. They differ in two points only: a
     * single-quoted scalar never breaks at its first or last character, and doubles its quotes.
     */
    private void writeFlowText(int[] v, int n, boolean allowBreaks, boolean singleQuoted) {
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < n; i++) {
            int c = v[i];
            if (c == ' ') {
                boolean nextIsSpace = i + 1 < n && v[i + 1] == ' ';
                boolean inside = !singleQuoted || (i > 0 && i < n - 1);
                if (allowBreaks && !spaces && column > bestWidth && inside && !nextIsSpace) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (singleQuoted && c == '\'') {
                    put('\'');
                }
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
    }

    private static boolean escaped(int c) {
        return !isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\';
    }

    private void writeDoubleQuoted(String text, int n, boolean allowBreaks) {
        writeIndicator('"', true, false, false);
        if (!allowBreaks || column + n <= bestWidth) {
            // No space can be past the width: unless a character needs escaping, the loop would copy the text.
            boolean verbatim = true;
            if (loaded) {
                int[] v = scalar;
                for (int i = 0; i < n && verbatim; i++) {
                    verbatim = !escaped(v[i]);
                }
            } else {
                verbatim = analysis.noEscapes; // printable ASCII: only " and backslash are escaped
            }
            if (verbatim) {
                out.append(text);
                column += n;
                writeIndicator('"', false, false, false);
                whitespace = false;
                indention = false;
                return;
            }
        }
        int[] v = codePoints(text);
        boolean spaces = false;
        for (int i = 0; i < n; i++) {
            int c = v[i];
            if (escaped(c)) {
                put('\\');
                switch (c) {
                    case 0x00 -> put('0');
                    case 0x07 -> put('a');
                    case 0x08 -> put('b');
                    case 0x09 -> put('t');
                    case 0x0A -> put('n');
                    case 0x0B -> put('v');
                    case 0x0C -> put('f');
                    case 0x0D -> put('r');
                    case 0x1B -> put('e');
                    case 0x22 -> put('"');
                    case 0x5C -> put('\\');
                    case 0x85 -> put('N');
                    case 0xA0 -> put('_');
                    case 0x2028 -> put('L');
                    case 0x2029 -> put('P');
                    default -> {
                        int width;
                        if (c <= 0xFF) {
                            put('x');
                            width = 2;
                        } else if (c <= 0xFFFF) {
                            put('u');
                            width = 4;
                        } else {
                            put('U');
                            width = 8;
                        }
                        for (int k = (width - 1) * 4; k >= 0; k -= 4) {
                            int digit = (c >> k) & 0x0F;
                            put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
                        }
                    }
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth && i > 0 && i < n - 1) {
                    writeIndent();
                    if (v[i + 1] == ' ') {
                        put('\\');
                    }
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
        }
        writeIndicator('"', false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeLiteral(int[] v, int n) {
        writeIndicator('|', true, false, false);
        writeBlockScalarHints(v, n);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int i = 0; i < n; i++) {
            int c = v[i];
            if (isBreak(c)) {
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                breaks = false;
            }
        }
    }

    private void writeBlockScalarHints(int[] v, int n) {
        if (n > 0 && (v[0] == ' ' || isBreak(v[0]))) {
            writeIndicator((char) ('0' + BEST_INDENT), false, false, false);
        }
        char chomp = 0;
        if (n == 0) {
            chomp = '-';
        } else {
            int last = n - 1;
            if (!isBreak(v[last])) {
                chomp = '-';
            } else if (last == 0) {
                chomp = '+';
            } else if (isBreak(v[last - 1])) {
                chomp = '+';
            }
        }
        if (chomp != 0) {
            writeIndicator(chomp, false, false, false);
        }
    }

    /**
     * go-yaml v2's key order (sorter.go keyList.Less) for string keys, a natural order of letters and numbers: the
     * items (keys, or entries with distinct keys) sorted by the key each has.
     */
    static <T> List<T> sortByKey(Collection<T> items, Function<? super T, String> key) {
        List<T> sorted = new ArrayList<>(items);
        GoSort.sort(sorted, (x, y) -> keyLess(key.apply(x), key.apply(y)));
        return sorted;
    }

    /**
     * As {@link #sortByKey} for entries with distinct string keys, sorted in place. A named comparison rather than a
     * lambda over a key function: toYaml sorts every map, and cold, each comparison went through two more interpreted
     * calls, besides the classes the lambdas spin the first time in every class loader (issue 19).
     */
    static <V> void sortEntriesByKey(List<Map.Entry<String, V>> entries) {
        GoSort.sort(entries, new EntryKeyLess<>());
    }

    private static final class EntryKeyLess<V> implements BiPredicate<Map.Entry<String, V>, Map.Entry<String, V>> {
        @Override
        public boolean test(Map.Entry<String, V> x, Map.Entry<String, V> y) {
            return keyLess(x.getKey(), y.getKey());
        }
    }

    /**
     * keyList.Less over the runes of two keys, read from the strings where they are rather than from a code point
     * array per key (those arrays were a twentieth of a warm render's allocation). Equal runes are equal chars, so
     * up to the first difference both strings stand at the same char index; past it, runes are read one by one.
     */
    static boolean keyLess(String a, String b) {
        // The common prefix char by char (equal runes are equal chars): one call per string and character instead
        // of codePointAt and charCount, which cost several interpreted calls each in a cold sort.
        int common = Math.min(a.length(), b.length());
        int i = 0;
        while (i < common && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i < common) {
            // Inside a surrogate pair whose high half both share, the differing runes start at that half.
            if (i > 0
                    && Character.isHighSurrogate(a.charAt(i - 1))
                    && (Character.isLowSurrogate(a.charAt(i)) || Character.isLowSurrogate(b.charAt(i)))) {
                i--;
            }
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            boolean al = Character.isLetter(ca);
            boolean bl = Character.isLetter(cb);
            if (al && bl) {
                return ca < cb;
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (ca == '0' || cb == '0') {
                // A run of digits before this one that is not all zeros: the zeros here count (1 for both).
                for (int j = i; j > 0; ) {
                    int d = a.codePointBefore(j);
                    if (!Character.isDigit(d)) {
                        break;
                    }
                    if (d != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                    j -= Character.charCount(d);
                }
            }
            int aDigits = 0;
            for (int k = i; k < a.length(); ) {
                int d = a.codePointAt(k);
                if (!Character.isDigit(d)) {
                    break;
                }
                an = an * 10 + (d - '0');
                aDigits++;
                k += Character.charCount(d);
            }
            int bDigits = 0;
            for (int k = i; k < b.length(); ) {
                int d = b.codePointAt(k);
                if (!Character.isDigit(d)) {
                    break;
                }
                bn = bn * 10 + (d - '0');
                bDigits++;
                k += Character.charCount(d);
            }
            if (an != bn) {
                return an < bn;
            }
            if (aDigits != bDigits) {
                return aDigits < bDigits;
            }
            return ca < cb;
        }
        // One is a prefix of the other, rune for rune and so char for char.
        return a.length() < b.length();
    }
}
