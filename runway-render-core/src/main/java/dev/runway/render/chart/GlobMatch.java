package dev.runway.render.chart;

/**
 * Go's path.Match / filepath.Match on '/'-separated names: {@code *} and {@code ?} never cross a '/',
 * {@code [...]} classes with ranges and {@code ^} negation, {@code \} escapes.
 */
final class GlobMatch {
    private GlobMatch() {
    }

    static boolean matches(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                    if (k < s.length() && s.charAt(k) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char sc = s.charAt(si);
            if (c == '?') {
                if (sc == '/') {
                    return false;
                }
                pi++;
                si++;
            } else if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end < 0) {
                    return false;
                }
                String cls = p.substring(pi + 1, end);
                boolean negate = cls.startsWith("^");
                if (negate) {
                    cls = cls.substring(1);
                }
                boolean in = false;
                for (int k = 0; k < cls.length(); k++) {
                    char lo = cls.charAt(k);
                    if (lo == '\\' && k + 1 < cls.length()) {
                        lo = cls.charAt(++k);
                    }
                    char hi = lo;
                    if (k + 2 < cls.length() && cls.charAt(k + 1) == '-') {
                        hi = cls.charAt(k + 2);
                        k += 2;
                    }
                    if (sc >= lo && sc <= hi) {
                        in = true;
                    }
                }
                if (in == negate || sc == '/') {
                    return false;
                }
                pi = end + 1;
                si++;
            } else {
                if (c == '\\' && pi + 1 < p.length()) {
                    c = p.charAt(++pi);
                }
                if (c != sc) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }
}
