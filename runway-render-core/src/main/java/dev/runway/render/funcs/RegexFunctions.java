package dev.runway.render.funcs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.regexp.GoRegexp;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Sprig's regex functions (regex.go) with Go's own regexp: RE2 syntax and linear-time matching through RE2/J
 * ({@link GoRegexp}), Go's rules for successive empty matches (regexp.go allMatches), and Go's {@code $name} /
 * {@code ${name}} expansion in replacements (regexp.go expand).
 */
final class RegexFunctions {

    private RegexFunctions() {}

    /** This theme's function {@code name}, created for a function map's first lookup of the name, or null. */
    static TemplateFunction lookup(String name, Registry r) {
        return switch (name) {
            case "regexQuoteMeta" -> new RegexFunction(name, null);
            default -> new RegexFunction(name, r.patterns());
        };
    }

    /**
     * Sprig's regex functions: one class that switches on the name rather than a lambda per function, as the other
     * themes do: in a fresh JVM each lambda is a class spun at its first use (issue 19).
     */
    private static final class RegexFunction implements TemplateFunction {
        private final String name;
        /** The function map's compiled patterns (null for regexQuoteMeta, which compiles none). */
        private final PatternCache patterns;
        /** The must- form: a bad pattern's error is regexp.MustCompile's panic text. */
        private final boolean must;

        RegexFunction(String name, PatternCache patterns) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
            this.patterns = patterns;
            this.must = name.startsWith("must");
        }

        /** A regular expression runs over its text at tens of nanoseconds a character, several times a scan. */
        @Override
        public ArgumentReads argumentReads() {
            return patterns == null ? ArgumentReads.STRINGS : ArgumentReads.MATCHES;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "regexQuoteMeta" -> {
                    Args.count("regexQuoteMeta", a, 1);
                    StringBuilder sb = new StringBuilder();
                    for (char ch : Args.string(a, 0).toCharArray()) {
                        if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                            sb.append('\\');
                        }
                        sb.append(ch);
                    }
                    return sb.toString();
                }
                case "regexMatch", "mustRegexMatch" -> {
                    Args.count(name, a, 2);
                    String expr = Args.string(a, 0);
                    String s = Args.string(a, 1);
                    if (!must) {
                        // Sprig's regexMatch drops the compile error and answers false.
                        try {
                            return patterns.find(patterns.compile(expr, true), expr, s);
                        } catch (TemplateFunctionException e) {
                            return false;
                        }
                    }
                    return patterns.find(patterns.compile(expr, true), expr, s);
                }
                case "regexFindAll", "mustRegexFindAll" -> {
                    Args.count(name, a, 3);
                    Pattern p = patterns.compile(Args.string(a, 0), must);
                    String s = Args.string(a, 1);
                    int n = Args.integer(a, 2);
                    List<String> out = new ArrayList<>();
                    for (int[] m : findAll(p, s, n)) {
                        out.add(s.substring(m[0], m[1]));
                    }
                    return out.isEmpty() ? GoSlice.nilStrings() : GoSlice.ofStrings(out);
                }
                case "regexFind", "mustRegexFind" -> {
                    Args.count(name, a, 2);
                    Matcher m = patterns.compile(Args.string(a, 0), must).matcher(Args.string(a, 1));
                    return m.find() ? m.group() : "";
                }
                case "regexReplaceAll",
                        "mustRegexReplaceAll",
                        "regexReplaceAllLiteral",
                        "mustRegexReplaceAllLiteral" -> {
                    Args.count(name, a, 3);
                    Pattern p = patterns.compile(Args.string(a, 0), must);
                    return replaceAll(p, Args.string(a, 1), Args.string(a, 2), name.endsWith("Literal"));
                }
                case "regexSplit", "mustRegexSplit" -> {
                    Args.count(name, a, 3);
                    Pattern p = patterns.compile(Args.string(a, 0), must);
                    int n = Args.integer(a, 2);
                    return n == 0
                            ? GoSlice.nilStrings()
                            : GoSlice.ofStrings(split(p, Args.string(a, 0), Args.string(a, 1), n));
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    /** regexp.Compile (returnsError) or regexp.MustCompile (its panic text otherwise). */
    static Pattern compile(String expr, boolean returnsError) throws TemplateFunctionException {
        try {
            return GoRegexp.compile(expr);
        } catch (PatternSyntaxException e) {
            if (returnsError) {
                throw new TemplateFunctionException(e.getMessage());
            }
            throw new TemplateFunctionException("regexp: Compile(" + backquote(expr) + "): " + e.getMessage());
        }
    }

    /** regexp's quote: strconv.CanBackquote decides between `s` and a quoted string. */
    private static String backquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch < ' ' && ch != '\t')
                    || ch == '`'
                    || ch == 0x7F
                    || ch == 0xFEFF
                    || (Character.isSurrogate(ch)
                            && !(Character.isHighSurrogate(ch)
                                    && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(++i))))) {
                return dev.runway.render.gofmt.GoStrconv.quote(s);
            }
        }
        return "`" + s + "`";
    }

    /** Go's FindAll: successive matches, an empty match right after a previous match is skipped. */
    static List<int[]> findAll(Pattern p, String s, int n) {
        List<int[]> out = new ArrayList<>();
        if (n < 0) {
            n = s.length() + 1;
        }
        int pos = 0;
        int prevMatchEnd = -1;
        Matcher m = p.matcher(s);
        while (out.size() < n && pos <= s.length()) {
            if (!m.find(pos)) {
                break;
            }
            boolean accept = true;
            if (m.end() == pos) {
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    static String replaceAll(Pattern p, String src, String repl, boolean literal) {
        StringBuilder buf = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        Matcher m = p.matcher(src);
        while (searchPos <= src.length()) {
            if (!m.find(searchPos)) {
                break;
            }
            buf.append(src, lastMatchEnd, m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
                if (literal) {
                    buf.append(repl);
                } else {
                    expand(buf, repl, m);
                }
            }
            lastMatchEnd = m.end();
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > m.end()) {
                searchPos += width;
            } else if (searchPos + 1 > m.end()) {
                searchPos++;
            } else {
                searchPos = m.end();
            }
        }
        buf.append(src, lastMatchEnd, src.length());
        return buf.toString();
    }

    /** regexp.Expand: $1, ${1}, $name, ${name}; $$ is a dollar; unknown names expand to nothing. */
    private static void expand(StringBuilder buf, String template, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                buf.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '$') {
                buf.append('$');
                i += 2;
                continue;
            }
            String name = null;
            int next = i + 1;
            if (next < template.length() && template.charAt(next) == '{') {
                int close = template.indexOf('}', next);
                if (close > next + 1) {
                    String candidate = template.substring(next + 1, close);
                    if (candidate.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                        name = candidate;
                        next = close + 1;
                    }
                }
            } else {
                int j = next;
                while (j < template.length()
                        && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
                    j++;
                }
                if (j > next) {
                    name = template.substring(next, j);
                    next = j;
                }
            }
            if (name == null) {
                // Malformed: Go copies the '$' literally.
                buf.append('$');
                i++;
                continue;
            }
            buf.append(group(m, name));
            i = next;
        }
    }

    private static String group(Matcher m, String name) {
        String g = null;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int idx = Integer.parseInt(name);
                if (idx <= m.groupCount()) {
                    g = m.group(idx);
                }
            } catch (NumberFormatException e) {
                g = null;
            }
        } else {
            try {
                g = m.group(name);
            } catch (IllegalArgumentException e) {
                g = null;
            }
        }
        return g == null ? "" : g;
    }

    private static List<String> split(Pattern p, String expr, String s, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (!expr.isEmpty() && s.isEmpty()) {
            out.add("");
            return out;
        }
        List<int[]> matches = findAll(p, s, n);
        int beg = 0;
        int end = 0;
        for (int[] match : matches) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                out.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }

    /**
     * Compiled expressions by their Go source text, bounded so a chart that builds expressions from values cannot
     * grow it without end. Only successful compiles are kept; a bad expression fails again with its message.
     */
    /** One cache per function map ({@link Registry#patterns}): charts match the same few expressions on every render. */
    static final class PatternCache {
        private static final int MAX_ENTRIES = 512;
        private final java.util.concurrent.ConcurrentHashMap<String, Pattern> compiled =
                new java.util.concurrent.ConcurrentHashMap<>();

        Pattern compile(String expr, boolean returnsError) throws TemplateFunctionException {
            Pattern known = compiled.get(expr);
            if (known != null) {
                return known;
            }
            Pattern fresh = RegexFunctions.compile(expr, returnsError);
            if (compiled.size() >= MAX_ENTRIES) {
                compiled.clear();
            }
            compiled.put(expr, fresh);
            return fresh;
        }

        /**
         * Recent regexMatch answers, one slot per hash of expression and text: a chart often matches the same value
         * many times in one render (runway-eks checks the service id in every template through its serviceId
         * helper), while distinct renders bring distinct values, so the answers worth keeping are the latest ones. A
         * slot holds one immutable answer until the next text hashing there replaces it: the table never holds more
         * than {@link #RECENT_SLOTS} answers of at most {@link #RECENT_MAX_CHARS} characters, and threads that race
         * on a slot lose only a remembered answer. The answer depends on the expression and the text alone.
         */
        private final AtomicReferenceArray<Answer> recent = new AtomicReferenceArray<>(RECENT_SLOTS);

        private static final int RECENT_SLOTS = 64;
        private static final int RECENT_MAX_CHARS = 256;

        /** {@code pattern.matcher(text).find()}, where {@code pattern} is {@code expr} compiled. */
        boolean find(Pattern pattern, String expr, String text) {
            if (text.length() > RECENT_MAX_CHARS) {
                return pattern.matcher(text).find();
            }
            int slot = (31 * expr.hashCode() + text.hashCode()) & (RECENT_SLOTS - 1);
            Answer known = recent.get(slot);
            if (known != null && known.text().equals(text) && known.expr().equals(expr)) {
                return known.found();
            }
            boolean found = pattern.matcher(text).find();
            recent.set(slot, new Answer(expr, text, found));
            return found;
        }

        private record Answer(String expr, String text, boolean found) {}
    }
}
