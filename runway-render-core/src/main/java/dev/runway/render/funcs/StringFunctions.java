package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.gofmt.ValueLimits;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's string functions (strings.go and the goutils/xstrings helpers it wraps). */
final class StringFunctions {
    /** repeat builds at most this many characters (a render's whole output is capped at the same size). */
    static final long MAX_REPEAT_CHARS = 64L * 1024 * 1024;

    private StringFunctions() {}

    /** This theme's function {@code name}, one of the names FunctionTheme lists for it (FunctionTheme.create checks). */
    static TemplateFunction lookup(String name) {
        return new StringFunction(name);
    }

    /**
     * Sprig's string functions: one class that switches on the name rather than a lambda per function: in a fresh JVM
     * each lambda is a class spun at its first use (about half a millisecond, interpreted), and a render calls several.
     */
    private static final class StringFunction implements TemplateFunction {
        private final String name;
        private final ArgumentReads reads;

        StringFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
            this.reads = switch (name) {
                case "toString" -> ArgumentReads.NONE; // a string is itself (substr and trunc count its bytes)
                case "join", "sortAlpha", "toStrings" -> ArgumentReads.WHOLE; // a list of empty strings joins to ""
                default -> ArgumentReads.STRINGS;
            };
        }

        @Override
        public ArgumentReads argumentReads() {
            return reads;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "trim" -> {
                    Args.count("trim", a, 1);
                    return GoStrings.trimSpace(Args.string(a, 0));
                }
                case "upper" -> {
                    Args.count("upper", a, 1);
                    return GoStrings.toUpper(Args.string(a, 0));
                }
                case "lower" -> {
                    Args.count("lower", a, 1);
                    return GoStrings.toLower(Args.string(a, 0));
                }
                case "title" -> {
                    Args.count("title", a, 1);
                    return GoStrings.title(Args.string(a, 0));
                }
                case "untitle" -> {
                    Args.count("untitle", a, 1);
                    return uncapitalize(Args.string(a, 0));
                }
                case "substr" -> {
                    Args.count("substr", a, 3);
                    int start = Args.integer(a, 0);
                    int end = Args.integer(a, 1);
                    String s = Args.string(a, 2);
                    try {
                        if (start < 0) {
                            return GoStrings.sliceBytes(s, null, end);
                        }
                        int len = GoStrings.utf8(s).length;
                        if (end < 0 || end > len) {
                            return GoStrings.sliceBytes(s, start, null);
                        }
                        return GoStrings.sliceBytes(s, start, end);
                    } catch (GoStrings.SlicePanic e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "repeat" -> {
                    Args.count("repeat", a, 2);
                    int count = Args.integer(a, 0);
                    String s = Args.string(a, 1);
                    if (count < 0) {
                        throw new TemplateFunctionException("strings: negative Repeat count");
                    }
                    if ((long) count * s.length() > MAX_REPEAT_CHARS) {
                        throw new TemplateFunctionException("repeat would build " + (long) count * s.length()
                                + " characters; the limit is " + MAX_REPEAT_CHARS);
                    }
                    return s.repeat(count);
                }
                case "trimAll", "trimall" -> {
                    Args.count(name, a, 2);
                    return GoStrings.trimCutset(Args.string(a, 1), Args.string(a, 0));
                }
                case "trimSuffix" -> {
                    Args.count("trimSuffix", a, 2);
                    String suffix = Args.string(a, 0);
                    String s = Args.string(a, 1);
                    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
                }
                case "trimPrefix" -> {
                    Args.count("trimPrefix", a, 2);
                    String prefix = Args.string(a, 0);
                    String s = Args.string(a, 1);
                    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
                }
                case "nospace" -> {
                    Args.count("nospace", a, 1);
                    StringBuilder sb = new StringBuilder();
                    Args.string(a, 0)
                            .codePoints()
                            .filter(cp -> !GoStrings.isSpace(cp))
                            .forEach(sb::appendCodePoint);
                    return sb.toString();
                }
                case "initials" -> {
                    Args.count("initials", a, 1);
                    return initials(Args.string(a, 0));
                }
                case "swapcase" -> {
                    Args.count("swapcase", a, 1);
                    return swapCase(Args.string(a, 0));
                }
                case "snakecase" -> {
                    Args.count("snakecase", a, 1);
                    return CaseConversion.toSnakeCase(Args.string(a, 0));
                }
                case "kebabcase" -> {
                    Args.count("kebabcase", a, 1);
                    return CaseConversion.toKebabCase(Args.string(a, 0));
                }
                case "camelcase" -> {
                    Args.count("camelcase", a, 1);
                    return CaseConversion.toCamelCase(Args.string(a, 0));
                }
                case "wrap" -> {
                    Args.count("wrap", a, 2);
                    return WordWrap.wrap(Args.string(a, 1), Args.integer(a, 0), "\n", false);
                }
                case "wrapWith" -> {
                    Args.count("wrapWith", a, 3);
                    return WordWrap.wrap(Args.string(a, 2), Args.integer(a, 0), Args.string(a, 1), true);
                }
                case "contains" -> {
                    Args.count("contains", a, 2);
                    return Args.string(a, 1).contains(Args.string(a, 0));
                }
                case "hasPrefix" -> {
                    Args.count("hasPrefix", a, 2);
                    return Args.string(a, 1).startsWith(Args.string(a, 0));
                }
                case "hasSuffix" -> {
                    Args.count("hasSuffix", a, 2);
                    return Args.string(a, 1).endsWith(Args.string(a, 0));
                }
                case "quote" -> {
                    if (a.size() == 1) {
                        // Nearly every call quotes one value: no list and no join.
                        Object o = a.get(0);
                        return o == null ? "" : quoted(GoValues.strval(o));
                    }
                    List<String> out = new ArrayList<>();
                    for (Object o : a) {
                        if (o != null) {
                            out.add(quoted(GoValues.strval(o)));
                        }
                    }
                    return String.join(" ", out);
                }
                case "squote" -> {
                    if (a.size() == 1) {
                        Object o = a.get(0);
                        return o == null ? "" : "'" + GoFmt.formatValue(o) + "'";
                    }
                    List<String> out = new ArrayList<>();
                    for (Object o : a) {
                        if (o != null) {
                            out.add("'" + GoFmt.formatValue(o) + "'");
                        }
                    }
                    return String.join(" ", out);
                }
                case "cat" -> {
                    List<Object> nonNil = new ArrayList<>();
                    for (Object o : a) {
                        if (o != null) {
                            nonNil.add(o);
                        }
                    }
                    String format = String.join(" ", java.util.Collections.nCopies(nonNil.size(), "%v"));
                    return GoFmt.sprintf(format, nonNil.toArray());
                }
                case "indent" -> {
                    Args.count("indent", a, 2);
                    return indent(Args.integer(a, 0), Args.string(a, 1));
                }
                case "nindent" -> {
                    Args.count("nindent", a, 2);
                    return indent(Args.integer(a, 0), Args.string(a, 1), true);
                }
                case "replace" -> {
                    Args.count("replace", a, 3);
                    return goReplace(Args.string(a, 2), Args.string(a, 0), Args.string(a, 1));
                }
                case "plural" -> {
                    Args.count("plural", a, 3);
                    String one = Args.string(a, 0);
                    String many = Args.string(a, 1);
                    int count = Args.integer(a, 2);
                    return count == 1 ? one : many;
                }
                case "toString" -> {
                    Args.count("toString", a, 1);
                    return GoValues.strval(a.get(0));
                }
                case "toStrings" -> {
                    Args.count("toStrings", a, 1);
                    return GoSlice.ofStrings(strslice(a.get(0)));
                }
                case "split" -> {
                    Args.count("split", a, 2);
                    return indexedParts(goSplit(Args.string(a, 1), Args.string(a, 0), -1));
                }
                case "splitn" -> {
                    Args.count("splitn", a, 3);
                    String sep = Args.string(a, 0);
                    int n = Args.integer(a, 1);
                    return indexedParts(goSplit(Args.string(a, 2), sep, n));
                }
                case "splitList" -> {
                    Args.count("splitList", a, 2);
                    return GoSlice.ofStrings(goSplit(Args.string(a, 1), Args.string(a, 0), -1));
                }
                case "join" -> {
                    Args.count("join", a, 2);
                    String sep = Args.string(a, 0);
                    return String.join(sep, strslice(a.get(1)));
                }
                case "abbrev" -> {
                    Args.count("abbrev", a, 2);
                    int width = Args.integer(a, 0);
                    String s = Args.string(a, 1);
                    if (width < 4) {
                        return s;
                    }
                    return abbreviate(s, 0, width);
                }
                case "abbrevboth" -> {
                    Args.count("abbrevboth", a, 3);
                    int left = Args.integer(a, 0);
                    int right = Args.integer(a, 1);
                    String s = Args.string(a, 2);
                    if (right < 4 || (left > 0 && right < 7)) {
                        return s;
                    }
                    return abbreviate(s, left, right);
                }
                case "trunc" -> {
                    Args.count("trunc", a, 2);
                    int n = Args.integer(a, 0);
                    String s = Args.string(a, 1);
                    byte[] b = GoStrings.utf8(s);
                    if (n < 0 && b.length + n > 0) {
                        return GoStrings.fromUtf8(b, b.length + n, b.length);
                    }
                    if (n >= 0 && b.length > n) {
                        return GoStrings.fromUtf8(b, 0, n);
                    }
                    return s;
                }
                case "sortAlpha" -> {
                    Args.count("sortAlpha", a, 1);
                    Object v = a.get(0);
                    if (GoValues.isList(v)) {
                        List<String> strings = new ArrayList<>(strslice(v));
                        strings.sort(StringFunctions::compareBytes);
                        return GoSlice.ofStrings(strings);
                    }
                    return GoSlice.ofStrings(List.of(GoValues.strval(v)));
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    /** Go compares strings by bytes: UTF-8 order, which is code point order. */
    static int compareBytes(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /**
     * sprig's quote of one value, {@code fmt.Sprintf("%q", s)}: Go's strconv.Quote, without parsing the format each
     * time; with the same limit and message as {@link GoFmt#sprintf}.
     */
    static String quoted(String s) {
        String q = GoStrconv.quote(s);
        if (q.length() > ValueLimits.MAX_VALUE_CHARS) {
            throw ValueLimits.tooLong("the printed value");
        }
        return q;
    }

    static String indent(int spaces, String v) throws TemplateFunctionException {
        return indent(spaces, v, false);
    }

    /**
     * sprig's indent (and nindent, with {@code leadingNewline}): the pad before the text and after every newline.
     * One pass into one builder of the final size: charts indent every included block, so this runs many times
     * per render on long texts.
     */
    static String indent(int spaces, String v, boolean leadingNewline) throws TemplateFunctionException {
        if (spaces < 0) { // sprig's indent calls strings.Repeat, which panics; text/template reports the panic
            throw new TemplateFunctionException("strings: negative Repeat count");
        }
        int length = v.length();
        long lines = 1;
        for (int i = 0; i < length; i++) {
            if (v.charAt(i) == '\n') {
                lines++;
            }
        }
        long size = length + lines * spaces + (leadingNewline ? 1 : 0);
        if (spaces > 0 && size > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) {
            throw dev.runway.render.gofmt.ValueLimits.tooLong("indent's result");
        }
        StringBuilder b = new StringBuilder((int) Math.min(size, Integer.MAX_VALUE - 16));
        if (leadingNewline) {
            b.append('\n');
        }
        pad(b, spaces);
        int from = 0;
        for (int nl = v.indexOf('\n'); nl >= 0; nl = v.indexOf('\n', from)) {
            b.append(v, from, nl + 1);
            pad(b, spaces);
            from = nl + 1;
        }
        b.append(v, from, length);
        return b.toString();
    }

    /** Enough spaces for the indents charts use, appended as one run rather than one append call per space. */
    private static final String SPACES = " ".repeat(64);

    private static void pad(StringBuilder b, int spaces) {
        int left = spaces;
        while (left > SPACES.length()) {
            b.append(SPACES);
            left -= SPACES.length();
        }
        b.append(SPACES, 0, left);
    }

    /** strings.Replace(s, old, new, -1), including Go's behaviour for an empty old string. */
    static String goReplace(String s, String old, String replacement) {
        if (old.isEmpty()) {
            if ((long) replacement.length() * (s.length() + 1) + s.length()
                    > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) {
                throw dev.runway.render.gofmt.ValueLimits.tooLong("replace's result");
            }
            StringBuilder sb = new StringBuilder();
            sb.append(replacement);
            s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
            return sb.toString();
        }
        return s.replace(old, replacement);
    }

    /** strings.SplitN (n < 0: all). */
    static List<String> goSplit(String s, String sep, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (sep.isEmpty()) {
            int[] cps = s.codePoints().toArray();
            int limit = n < 0 || n > cps.length ? cps.length : n;
            for (int i = 0; i < limit; i++) {
                if (i == limit - 1 && limit < cps.length) {
                    StringBuilder rest = new StringBuilder();
                    for (int k = i; k < cps.length; k++) {
                        rest.appendCodePoint(cps[k]);
                    }
                    out.add(rest.toString());
                } else {
                    out.add(new String(Character.toChars(cps[i])));
                }
            }
            return out;
        }
        int start = 0;
        while (n < 0 || out.size() < n - 1) {
            int idx = s.indexOf(sep, start);
            if (idx < 0) {
                break;
            }
            out.add(s.substring(start, idx));
            start = idx + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    private static Map<String, Object> indexedParts(List<String> parts) {
        Map<String, Object> res = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            res.put("_" + i, parts.get(i));
        }
        return res;
    }

    /** Sprig's strslice: a []string from a list (nil items dropped) or a single value. */
    static List<String> strslice(Object v) {
        if (GoValues.isList(v)) {
            List<String> out = new ArrayList<>();
            for (Object o : GoValues.asList(v)) {
                if (o != null) {
                    out.add(GoValues.strval(o));
                }
            }
            return out;
        }
        if (v == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(GoValues.strval(v)));
    }

    /** goutils.Uncapitalize: the first letter of every whitespace-separated word in lower case. */
    static String uncapitalize(String s) {
        StringBuilder sb = new StringBuilder();
        boolean next = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (GoStrings.isSpace(c)) {
                next = true;
                sb.appendCodePoint(c);
            } else if (next) {
                sb.appendCodePoint(Character.toLowerCase(c));
                next = false;
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    /** goutils.Initials. */
    static String initials(String s) {
        StringBuilder sb = new StringBuilder();
        boolean lastWasGap = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (GoStrings.isSpace(c)) {
                lastWasGap = true;
            } else if (lastWasGap) {
                sb.appendCodePoint(c);
                lastWasGap = false;
            }
        }
        return sb.toString();
    }

    /** goutils.SwapCase: a lower-case letter after whitespace becomes title case. */
    static String swapCase(String s) {
        StringBuilder sb = new StringBuilder();
        boolean whitespace = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                sb.appendCodePoint(Character.toLowerCase(c));
                whitespace = false;
            } else if (Character.isLowerCase(c)) {
                sb.appendCodePoint(whitespace ? Character.toTitleCase(c) : Character.toUpperCase(c));
                whitespace = false;
            } else {
                sb.appendCodePoint(c);
                whitespace = GoStrings.isSpace(c);
            }
        }
        return sb.toString();
    }

    /** goutils.AbbreviateFull (rune based). */
    static String abbreviate(String str, int offset, int maxWidth) {
        final String abbrevMarker = "...";
        int[] cps = str.codePoints().toArray();
        int len = cps.length;
        if (len <= maxWidth) {
            return str;
        }
        if (offset > len) {
            offset = len;
        }
        if (len - offset < maxWidth - 3) {
            offset = len - (maxWidth - 3);
        }
        if (offset <= 4) {
            return sub(cps, 0, maxWidth - 3) + abbrevMarker;
        }
        if (offset + maxWidth - 3 < len) {
            return abbrevMarker + abbreviate(sub(cps, offset, len), 0, maxWidth - 3);
        }
        return abbrevMarker + sub(cps, len - (maxWidth - 3), len);
    }

    private static String sub(int[] cps, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(from, 0); i < to && i < cps.length; i++) {
            sb.appendCodePoint(cps[i]);
        }
        return sb.toString();
    }
}
