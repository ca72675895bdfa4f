package dev.runway.render.glob;

import com.google.re2j.Pattern;

/**
 * A glob in the syntax of gobwas/glob, which Helm's {@code .Files.Glob} compiles with '/' as separator:
 * {@code *} any run of characters but '/', {@code **} any run, {@code ?} one character but '/', {@code [abc]},
 * {@code [!abc]}, {@code [a-z]} and {@code [!a-z]} one character ('/' included; one range or one list per class, as
 * gobwas lexes them), {@code {a,b}} alternatives (nesting, an unclosed one ends with the pattern), {@code \} escapes.
 * It is compiled to an RE2/J pattern, which matches in time linear in the name (no backtracking).
 *
 * <p>Two quirks of gobwas' Row matcher (used when every part of the pattern has a fixed length) are not
 * reproduced: it gives a one-character part a single byte of the name, so {@code g/?.txt} misses {@code g/é.txt}
 * (see conformance/known-differences.txt), and an empty group {@code {}} there matches nothing.
 */
public final class GobwasGlob {
    private final Pattern pattern;

    private GobwasGlob(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * The compiled glob, or null where gobwas refuses the pattern (then Helm's Glob matches every file, as it
     * compiles {@code **} instead).
     */
    public static GobwasGlob compile(String glob) {
        String regex = new Translation(glob).regex();
        return regex == null ? null : new GobwasGlob(Pattern.compile(regex, Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return pattern.matches(name);
    }

    /** gobwas' lexer and parser, writing the RE2 pattern as they go; null for what they refuse. */
    private static final class Translation {
        private final int[] p;
        private int at;
        private int terms;
        private final StringBuilder out = new StringBuilder();

        Translation(String glob) {
            this.p = glob.codePoints().toArray();
        }

        String regex() {
            while (at < p.length) {
                int c = p[at++];
                if (c == '{') {
                    terms++;
                    out.append("(?:");
                } else if (c == ',' && terms > 0) {
                    out.append('|');
                } else if (c == '}' && terms > 0) {
                    terms--;
                    out.append(')');
                } else if (c == '[') {
                    if (!range()) {
                        return null;
                    }
                } else if (c == '?') {
                    out.append("[^/]");
                } else if (c == '*') {
                    if (at < p.length && p[at] == '*') {
                        at++;
                        out.append(".*");
                    } else {
                        out.append("[^/]*");
                    }
                } else {
                    at--;
                    text();
                }
            }
            // gobwas' parser accepts alternatives still open at the end of the pattern.
            out.append(")".repeat(terms));
            return out.toString();
        }

        /** A run of literal characters; a backslash makes the next one literal, a trailing one is dropped. */
        private void text() {
            boolean escaped = false;
            while (at < p.length) {
                int c = p[at];
                if (!escaped) {
                    if (c == '\\') {
                        escaped = true;
                        at++;
                        continue;
                    }
                    if (c == '?' || c == '*' || c == '[' || c == '{' || (terms > 0 && (c == '}' || c == ','))) {
                        return;
                    }
                }
                escaped = false;
                literal(c);
                at++;
            }
        }

        /** gobwas' fetchRange and parserRange: [!]lo-hi] or [!]chars], anything else refused. */
        private boolean range() {
            boolean not = false;
            if (at < p.length && p[at] == '!') {
                not = true;
                at++;
            }
            if (at >= p.length) {
                return false;
            }
            if (at + 1 < p.length && p[at + 1] == '-') {
                int lo = p[at];
                if (at + 2 >= p.length) {
                    return false;
                }
                int hi = p[at + 2];
                at += 3;
                if (at >= p.length || p[at] != ']' || hi < lo || lo == 0 || hi == 0) {
                    return false;
                }
                at++;
                out.append(not ? "[^" : "[");
                classChar(lo);
                out.append('-');
                classChar(hi);
                out.append(']');
                return true;
            }
            StringBuilder chars = new StringBuilder();
            boolean escaped = false;
            while (at < p.length && (escaped || p[at] != ']')) {
                if (!escaped && p[at] == '\\') {
                    escaped = true;
                } else {
                    escaped = false;
                    chars.appendCodePoint(p[at]);
                }
                at++;
            }
            if (at >= p.length || chars.length() == 0) {
                return false;
            }
            at++;
            out.append(not ? "[^" : "[");
            chars.codePoints().forEach(this::classChar);
            out.append(']');
            return true;
        }

        private void literal(int c) {
            out.append(String.format("\\x{%x}", c));
        }

        private void classChar(int c) {
            out.append(String.format("\\x{%x}", c));
        }
    }
}
