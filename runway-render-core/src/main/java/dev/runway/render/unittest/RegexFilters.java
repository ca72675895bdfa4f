package dev.runway.render.unittest;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.jayway.jsonpath.Filter;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.Predicate;
import dev.runway.render.regexp.GoRegexp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * JSONPath filters with {@code =~} ({@code containers[?(@.name =~ /^web-/)]}) matched as helm-unittest matches them:
 * with Go's regexp (its yaml-jsonpath fork compiles the literal between the slashes with {@code regexp.Compile},
 * {@code \/} standing for {@code /}, and matches unanchored). Jayway JsonPath would match them with
 * java.util.regex, which backtracks and reads another syntax, so each filter that holds {@code =~} becomes a
 * {@code [?]} placeholder evaluated by a {@link Predicate} of ours: its {@code &&}, {@code ||}, {@code !} and
 * parentheses here, each {@code =~} term with {@link GoRegexp} (RE2/J: linear time), every other term by Jayway.
 *
 * <p>As in yaml-jsonpath, a term {@code path =~ /re/} holds when the path finds at least one value and every value
 * it finds is a string the expression matches; flags after the closing slash are not Go syntax ({@code (?i)} is).
 */
final class RegexFilters {
    /** A path with its {@code =~} filters replaced by {@code [?]}, and their predicates in order. */
    record Rewritten(String path, List<Predicate> predicates) {}

    private RegexFilters() {}

    /** Rewrites {@code path}; {@code evaluate} finds the values of a term's own path (which may hold filters too). */
    static Rewritten rewrite(String path, BiFunction<Object, String, List<Object>> evaluate) {
        if (!path.contains("=~")) {
            return new Rewritten(path, List.of());
        }
        StringBuilder out = new StringBuilder();
        List<Predicate> predicates = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            if (path.startsWith("[?(", i)) {
                int close = closeOfGroup(path, i + 2);
                int end = skipSpaces(path, close + 1);
                if (end >= path.length() || path.charAt(end) != ']') {
                    throw new ValuePaths.PathException(
                            "invalid path " + path + ": filter at position " + i + " is not closed by )]");
                }
                String body = path.substring(i + 3, close);
                if (containsRegexTerm(body)) {
                    predicates.add(new Parser(path, body, evaluate).parse());
                    out.append("[?]");
                } else {
                    out.append(path, i, end + 1);
                }
                i = end + 1;
            } else {
                int next = skipLiteral(path, i);
                out.append(path, i, next);
                i = next;
            }
        }
        return new Rewritten(out.toString(), predicates);
    }

    private static boolean containsRegexTerm(String body) {
        for (int i = 0; i < body.length(); ) {
            if (body.startsWith("=~", i)) {
                return true;
            }
            i = skipLiteral(body, i);
        }
        return false;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The index after the token at {@code i}: a quoted string, a regular expression literal after {@code =~}, the
     * operator {@code =~} itself, or one character.
     */
    private static int skipLiteral(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != c) {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, s.length());
        }
        if (s.startsWith("=~", i)) {
            int j = skipSpaces(s, i + 2);
            return j < s.length() && s.charAt(j) == '/' ? regexEnd(s, j) : j;
        }
        return i + 1;
    }

    /** The index after the closing slash of the regular expression literal that opens at {@code start}. */
    private static int regexEnd(String s, int start) {
        int j = start + 1;
        while (j < s.length() && s.charAt(j) != '/') {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= s.length()) {
            throw new ValuePaths.PathException(
                    "unmatched regular expression delimiter / at position " + start + " in " + s);
        }
        return j + 1;
    }

    /** The index of the ')' that closes the '(' at {@code open}, skipping strings and regular expressions. */
    private static int closeOfGroup(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i = skipLiteral(s, i);
        }
        throw new ValuePaths.PathException("invalid path " + s + ": unbalanced parentheses");
    }

    /**
     * A filter body as a predicate: or := and ('||' and)*; and := unary ('&&' unary)*;
     * unary := '!' unary | '(' or ')' | term.
     */
    private static final class Parser {
        private final String path;
        private final String body;
        private final BiFunction<Object, String, List<Object>> evaluate;
        private int pos;

        Parser(String path, String body, BiFunction<Object, String, List<Object>> evaluate) {
            this.path = path;
            this.body = body;
            this.evaluate = evaluate;
        }

        Predicate parse() {
            Predicate p = or();
            pos = skipSpaces(body, pos);
            if (pos < body.length()) {
                throw error("unexpected " + body.substring(pos));
            }
            return p;
        }

        private Predicate or() {
            Predicate left = and();
            while (consume("||")) {
                Predicate l = left;
                Predicate r = and();
                left = ctx -> l.apply(ctx) || r.apply(ctx);
            }
            return left;
        }

        private Predicate and() {
            Predicate left = unary();
            while (consume("&&")) {
                Predicate l = left;
                Predicate r = unary();
                left = ctx -> l.apply(ctx) && r.apply(ctx);
            }
            return left;
        }

        private Predicate unary() {
            pos = skipSpaces(body, pos);
            if (pos < body.length() && body.charAt(pos) == '!' && !body.startsWith("!=", pos)) {
                pos++;
                Predicate inner = unary();
                return ctx -> !inner.apply(ctx);
            }
            if (pos < body.length() && body.charAt(pos) == '(') {
                int close = closeOfGroup(body, pos);
                Parser group = new Parser(path, body.substring(pos + 1, close), evaluate);
                pos = close + 1;
                return group.parse();
            }
            return term();
        }

        /** A term runs to the next top-level {@code &&} or {@code ||}. */
        private Predicate term() {
            int start = pos;
            int depth = 0;
            while (pos < body.length()) {
                char c = body.charAt(pos);
                if (depth == 0 && (body.startsWith("&&", pos) || body.startsWith("||", pos))) {
                    break;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                pos = skipLiteral(body, pos);
            }
            String term = body.substring(start, pos).strip();
            if (term.isEmpty()) {
                throw error("empty filter term");
            }
            int op = operator(term);
            if (op < 0) {
                return jayway(term);
            }
            return regexTerm(
                    term.substring(0, op).strip(), term.substring(op + 2).strip());
        }

        /** The index of a top-level {@code =~} in a term, or -1. */
        private static int operator(String term) {
            int depth = 0;
            for (int i = 0; i < term.length(); ) {
                char c = term.charAt(i);
                if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                } else if (depth == 0 && term.startsWith("=~", i)) {
                    return i;
                }
                i = skipLiteral(term, i);
            }
            return -1;
        }

        private Predicate jayway(String term) {
            if (containsRegexTerm(term)) {
                // a nested filter with =~ inside a comparison: Jayway would match it with java.util.regex
                throw error("a =~ filter nested in the comparison " + term + " is not supported");
            }
            Filter filter;
            try {
                filter = Filter.parse("[?(" + term + ")]");
            } catch (InvalidPathException e) {
                throw error(e.getMessage());
            }
            return filter;
        }

        private Predicate regexTerm(String left, String right) {
            if (!right.startsWith("/") || regexEnd(right, 0) != right.length()) {
                if (right.startsWith("/") && right.length() > regexEnd(right, 0)) {
                    throw error("flags after the regular expression " + right + " are not Go syntax: write them"
                            + " inside it, as (?i)");
                }
                throw error("=~ needs a regular expression between slashes, not " + right);
            }
            String expr = right.substring(1, right.length() - 1).replace("\\/", "/");
            Pattern compiled;
            try {
                compiled = GoRegexp.compile(expr);
            } catch (PatternSyntaxException e) {
                throw error("invalid regular expression " + right + ": " + e.getMessage());
            }
            boolean fromRoot = left.startsWith("$");
            if (!fromRoot && !left.startsWith("@")) {
                throw error("the left side of =~ must be a path (@... or $...), not " + left);
            }
            String own = "$" + left.substring(1);
            return ctx -> {
                List<Object> values = evaluate.apply(fromRoot ? ctx.root() : ctx.item(), own);
                if (values.isEmpty()) {
                    return false;
                }
                for (Object v : values) {
                    if (!(v instanceof String s) || !compiled.matcher(s).find()) {
                        return false;
                    }
                }
                return true;
            };
        }

        private boolean consume(String token) {
            pos = skipSpaces(body, pos);
            if (body.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private ValuePaths.PathException error(String why) {
            return new ValuePaths.PathException("invalid path " + path + ": " + why);
        }
    }
}
