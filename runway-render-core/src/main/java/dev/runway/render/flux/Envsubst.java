package dev.runway.render.flux;

import dev.runway.render.glob.GoPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flux's post-build variable substitution language: fluxcd/pkg/envsubst (a fork of drone/envsubst), which
 * kustomize-controller runs over each resource's YAML. {@link #parse} reproduces its parser, {@link #evaluate}
 * its template.go and funcs.go, including the places where it differs from bash: every defaulting operator
 * ({@code :=}, {@code :-}, {@code =}, {@code :+}, {@code :?}) means "the value if non-empty, else the default";
 * {@code $$} in plain text becomes {@code $}; {@code $var} without braces is left alone; lengths and substring
 * offsets count UTF-8 bytes.
 */
public final class Envsubst {

    private Envsubst() {}

    /** Parses like Flux: the first malformed expression throws, with Flux's error text. */
    public static EnvsubstNode parse(String text) {
        return new EnvsubstParser(text).parse();
    }

    /**
     * Evaluates text with a variable lookup. The lookup returns empty for an unset variable; in strict mode
     * (kustomize-controller's {@code StrictPostBuildSubstitutions}) that fails unless the operator supplies a
     * default; otherwise the variable reads as the empty string.
     */
    public static String eval(String text, Function<String, Optional<String>> lookup, boolean strict) {
        return evaluate(parse(text), lookup, strict);
    }

    /** Evaluates a parsed template; see {@link #eval}. */
    public static String evaluate(EnvsubstNode node, Function<String, Optional<String>> lookup, boolean strict) {
        StringBuilder out = new StringBuilder();
        evaluate(node, lookup, strict, out);
        return out.toString();
    }

    private static void evaluate(
            EnvsubstNode node, Function<String, Optional<String>> lookup, boolean strict, StringBuilder out) {
        if (node instanceof EnvsubstNode.Text text) {
            out.append(text.value());
        } else if (node instanceof EnvsubstNode.Sequence sequence) {
            for (EnvsubstNode child : sequence.nodes()) {
                evaluate(child, lookup, strict, out);
            }
        } else if (node instanceof EnvsubstNode.Func func) {
            // template.go evaluates the arguments first, so an unset variable in a default fails strict mode
            // even when the outer variable is set.
            String[] args = new String[func.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = evaluate(func.args().get(i), lookup, strict);
            }
            Optional<String> value = lookup.apply(func.param());
            if (value.isEmpty() && strict && !isDefaultOperator(func.operator())) {
                throw new EnvsubstException(
                        EnvsubstException.Kind.VARIABLE_NOT_SET,
                        EnvsubstException.Kind.VARIABLE_NOT_SET.text() + ": \"" + func.param() + "\"",
                        func.start(),
                        func.start());
            }
            out.append(apply(func.operator(), value.orElse(""), args));
        }
    }

    /** The operators template.go's isDefaultOp lists: they tolerate an unset variable in strict mode. */
    public static boolean isDefaultOperator(String operator) {
        return switch (operator) {
            case "-", "+", "=", "?", ":-", ":+", ":=", ":?" -> true;
            default -> false;
        };
    }

    /** template.go's lookupFunc and funcs.go. */
    static String apply(String operator, String s, String... args) {
        return switch (operator) {
            case "," ->
                s.isEmpty()
                        ? s
                        : new String(Character.toChars(Character.toLowerCase(s.codePointAt(0))))
                                + s.substring(Character.charCount(s.codePointAt(0)));
            case ",," -> mapCodePoints(s, true);
            case "^" ->
                s.isEmpty()
                        ? s
                        : new String(Character.toChars(Character.toUpperCase(s.codePointAt(0))))
                                + s.substring(Character.charCount(s.codePointAt(0)));
            case "^^" -> mapCodePoints(s, false);
            case "#" -> args.length == 0 ? Integer.toString(utf8(s).length) : trimShortestPrefix(s, args);
            case "##" -> args.length == 0 ? s : trimLongest(s, args[0]);
            case "%" -> args.length == 0 ? s : reverse(trimShortest(reverse(s), reverse(args[0])));
            case "%%" -> args.length == 0 ? s : reverse(trimLongest(reverse(s), reverse(args[0])));
            case ":" -> substring(s, args);
            case "/#" -> args.length != 2 ? s : (s.startsWith(args[0]) ? goReplace(s, args[0], args[1], 1) : s);
            case "/%" ->
                args.length != 2
                        ? s
                        : (s.endsWith(args[0]) ? s.substring(0, s.length() - args[0].length()) + args[1] : s);
            case "/" -> args.length == 0 ? s : goReplace(s, args[0], args.length == 1 ? "" : args[1], 1);
            case "//" -> args.length == 0 ? s : goReplace(s, args[0], args.length == 1 ? "" : args[1], -1);
            default -> toDefault(s, args);
        };
    }

    private static String trimShortestPrefix(String s, String[] args) {
        return trimShortest(s, args[0]);
    }

    /** funcs.go toDefault: the value when non-empty, else the arguments joined. */
    private static String toDefault(String s, String[] args) {
        if (s.isEmpty() && args.length > 0) {
            return String.join("", args);
        }
        return s;
    }

    private static String mapCodePoints(String s, boolean lower) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .map(cp -> lower ? Character.toLowerCase(cp) : Character.toUpperCase(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** funcs.go toSubstr: offsets count bytes; an unparsable offset or length returns the value unchanged. */
    private static String substring(String s, String[] args) {
        if (args.length == 0) {
            return s;
        }
        byte[] b = utf8(s);
        Long parsedPos = atoi(args[0]);
        if (parsedPos == null) {
            return s;
        }
        long pos = parsedPos;
        if (pos < 0) {
            pos = b.length + pos;
            if (pos < 0) {
                pos = 0;
            }
        }
        if (args.length == 1) {
            return pos < b.length ? slice(b, (int) pos, b.length) : "";
        }
        Long parsedLength = atoi(args[1]);
        if (parsedLength == null) {
            return s;
        }
        long length = parsedLength;
        if (pos + length >= b.length) {
            return pos < b.length ? slice(b, (int) pos, b.length) : "";
        }
        long end = pos + length;
        if (end < pos) {
            // funcs.go toSubstr returns s[pos:pos+length] without a check: a negative length (unlike bash) makes
            // Go panic, and kustomize-controller's reconciliation fails with the recovered panic.
            throw new EnvsubstException(
                    EnvsubstException.Kind.PANIC,
                    "runtime error: slice bounds out of range "
                            + (end < 0 ? "[:" + end + "] with length " + b.length : "[" + pos + ":" + end + "]"),
                    -1,
                    -1);
        }
        return slice(b, (int) pos, (int) end);
    }

    private static String slice(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Go's strconv.Atoi: optional sign, decimal digits, within int64; null when it fails. */
    private static Long atoi(String s) {
        if (!s.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Go's strings.Replace(s, old, new, n); n &lt; 0 replaces all. An empty old inserts before each rune. */
    static String goReplace(String s, String old, String replacement, int n) {
        if (old.equals(replacement) || n == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int done = 0;
        if (old.isEmpty()) {
            int i = 0;
            while (i <= s.length()) {
                if (n >= 0 && done >= n) {
                    out.append(s, i, s.length());
                    return out.toString();
                }
                out.append(replacement);
                done++;
                if (i == s.length()) {
                    break;
                }
                int cp = s.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return out.toString();
        }
        int i = 0;
        while (true) {
            int at = s.indexOf(old, i);
            if (at < 0 || (n >= 0 && done >= n)) {
                out.append(s, i, s.length());
                return out.toString();
            }
            out.append(s, i, at).append(replacement);
            done++;
            i = at + old.length();
        }
    }

    private static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = cps.length - 1; i >= 0; i--) {
            out.appendCodePoint(cps[i]);
        }
        return out.toString();
    }

    /** funcs.go trimShortest: removes the shortest non-empty prefix matching the glob; a bad glob changes nothing. */
    private static String trimShortest(String s, String glob) {
        int[] cps = s.codePoints().toArray();
        int shortest = 0;
        for (int i = 0; i < cps.length; i++) {
            int prefix = cps.length - i;
            Boolean match = GoPath.ENVSUBST.match(glob, new String(cps, 0, prefix));
            if (match == null) {
                return s;
            }
            if (match) {
                shortest = prefix;
            }
        }
        return shortest > 0 ? new String(cps, shortest, cps.length - shortest) : s;
    }

    /** funcs.go trimLongest: removes the longest non-empty prefix matching the glob. */
    private static String trimLongest(String s, String glob) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int prefix = cps.length - i;
            Boolean match = GoPath.ENVSUBST.match(glob, new String(cps, 0, prefix));
            if (match == null) {
                return s;
            }
            if (match) {
                return new String(cps, prefix, cps.length - prefix);
            }
        }
        return s;
    }

    /** All {@code ${...}} expressions in a parsed template, outermost first, nested defaults included. */
    public static List<EnvsubstNode.Func> expressions(EnvsubstNode node) {
        List<EnvsubstNode.Func> out = new java.util.ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(EnvsubstNode node, List<EnvsubstNode.Func> out) {
        if (node instanceof EnvsubstNode.Sequence sequence) {
            sequence.nodes().forEach(n -> collect(n, out));
        } else if (node instanceof EnvsubstNode.Func func) {
            out.add(func);
            func.args().forEach(n -> collect(n, out));
        }
    }
}
