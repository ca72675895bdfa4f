package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.template.TemplateFunctionException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Sprig's regex functions over Go's RE2 semantics: Go syntax translated to java.util.regex, Go's rules for
 * successive empty matches, and Go's {@code $name} / {@code ${name}} expansion in replacements.
 */
final class RegexFunctions {

    private RegexFunctions() {
    }

    static void register(Registry r) {
        for (String prefix : List.of("", "must")) {
            String match = prefix.isEmpty() ? "regexMatch" : "mustRegexMatch";
            boolean must = !prefix.isEmpty();
            r.add(match, (c, a) -> {
                Args.count(match, a, 2);
                String expr = Args.string(a, 0);
                String s = Args.string(a, 1);
                if (!must) {
                    // Sprig's regexMatch drops the compile error and answers false.
                    try {
                        return compile(expr, true).matcher(s).find();
                    } catch (TemplateFunctionException e) {
                        return false;
                    }
                }
                return compile(expr, true).matcher(s).find();
            });
            String findAll = prefix.isEmpty() ? "regexFindAll" : "mustRegexFindAll";
            r.add(findAll, (c, a) -> {
                Args.count(findAll, a, 3);
                Pattern p = compile(Args.string(a, 0), must);
                String s = Args.string(a, 1);
                int n = Args.integer(a, 2);
                List<String> out = new ArrayList<>();
                for (int[] m : findAll(p, s, n)) {
                    out.add(s.substring(m[0], m[1]));
                }
                return out.isEmpty() ? GoSlice.nilStrings() : GoSlice.ofStrings(out);
            });
            String find = prefix.isEmpty() ? "regexFind" : "mustRegexFind";
            r.add(find, (c, a) -> {
                Args.count(find, a, 2);
                Matcher m = compile(Args.string(a, 0), must).matcher(Args.string(a, 1));
                return m.find() ? m.group() : "";
            });
            String replace = prefix.isEmpty() ? "regexReplaceAll" : "mustRegexReplaceAll";
            r.add(replace, (c, a) -> {
                Args.count(replace, a, 3);
                Pattern p = compile(Args.string(a, 0), must);
                return replaceAll(p, Args.string(a, 1), Args.string(a, 2), false);
            });
            String literal = prefix.isEmpty() ? "regexReplaceAllLiteral" : "mustRegexReplaceAllLiteral";
            r.add(literal, (c, a) -> {
                Args.count(literal, a, 3);
                Pattern p = compile(Args.string(a, 0), must);
                return replaceAll(p, Args.string(a, 1), Args.string(a, 2), true);
            });
            String split = prefix.isEmpty() ? "regexSplit" : "mustRegexSplit";
            r.add(split, (c, a) -> {
                Args.count(split, a, 3);
                Pattern p = compile(Args.string(a, 0), must);
                int n = Args.integer(a, 2);
                return n == 0 ? GoSlice.nilStrings() : GoSlice.ofStrings(split(p, Args.string(a, 0), Args.string(a, 1), n));
            });
        }
        r.add("regexQuoteMeta", (c, a) -> {
            Args.count("regexQuoteMeta", a, 1);
            StringBuilder sb = new StringBuilder();
            for (char ch : Args.string(a, 0).toCharArray()) {
                if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                    sb.append('\\');
                }
                sb.append(ch);
            }
            return sb.toString();
        });
    }

    /** regexp.Compile with Go's syntax mapped to Java's; errors in Go's words where they can be recognised. */
    static Pattern compile(String expr, boolean returnsError) throws TemplateFunctionException {
        try {
            return Pattern.compile(translate(expr));
        } catch (PatternSyntaxException e) {
            String err = "error parsing regexp: " + goProblem(e, expr);
            if (returnsError) {
                throw new TemplateFunctionException(err);
            }
            // regexp.MustCompile's panic text.
            throw new TemplateFunctionException("regexp: Compile(" + backquote(expr) + "): " + err);
        }
    }

    private static String backquote(String s) {
        boolean can = s.indexOf('`') < 0 && s.chars().noneMatch(ch -> ch < ' ' && ch != '\t');
        return can ? "`" + s + "`" : dev.runway.render.gofmt.GoStrconv.quote(s);
    }

    private static String goProblem(PatternSyntaxException e, String expr) {
        String d = e.getDescription();
        if (d.contains("Unclosed group")) {
            return "missing closing ): `" + expr + "`";
        }
        if (d.contains("Unclosed character class") || d.contains("Illegal character range")) {
            int idx = expr.lastIndexOf('[');
            return "missing closing ]: `" + (idx >= 0 ? expr.substring(idx) : expr) + "`";
        }
        if (d.contains("Unmatched closing ')'")) {
            return "unexpected ): `" + expr + "`";
        }
        if (d.contains("Dangling meta character")) {
            return "missing argument to repetition operator: `" + expr.charAt(Math.max(e.getIndex(), 0)) + "`";
        }
        return d + ": `" + expr + "`";
    }

    /** Go RE2 syntax that Java spells differently: named groups, POSIX classes, \z. */
    static String translate(String expr) {
        String t = expr.replace("(?P<", "(?<");
        t = t.replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\p{Digit}")
                .replace("[:alnum:]", "\\p{Alnum}").replace("[:upper:]", "\\p{Upper}")
                .replace("[:lower:]", "\\p{Lower}").replace("[:space:]", "\\s")
                .replace("[:punct:]", "\\p{Punct}").replace("[:xdigit:]", "\\p{XDigit}")
                .replace("[:word:]", "\\w").replace("[:blank:]", "\\p{Blank}").replace("[:cntrl:]", "\\p{Cntrl}")
                .replace("[:print:]", "\\p{Print}").replace("[:graph:]", "\\p{Graph}")
                .replace("[:ascii:]", "\\p{ASCII}");
        return t;
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
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j))
                        || template.charAt(j) == '_')) {
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
}
