package dev.runway.render.glob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's path.Clean and path.Match on '/'-separated names. Match is Go's own algorithm: the pattern is cut into
 * chunks at each {@code *}, and each chunk is matched at the leftmost place it fits; only the last star's place is
 * ever moved. So a match costs at most (name length x pattern length) steps, where a recursive matcher goes
 * exponential on {@code *a*a*a*...z}.
 */
public final class GoPath {
    private static final int NO_MATCH = -1;
    private static final int BAD = -2;

    /** The separator of path.Match: '*' and '?' do not match it. */
    private final int separator;

    private GoPath(int separator) {
        this.separator = separator;
    }

    /** Go's path.Match (and filepath.Match on Unix): '*' and '?' stop at '/'. */
    public static final GoPath MATCH = new GoPath('/');
    /**
     * The copy of path.Match in drone/envsubst (which Flux's post-build substitution uses): it has no separator,
     * so '*' and '?' match '/' too.
     */
    public static final GoPath ENVSUBST = new GoPath(-1);

    /** Go's path.Clean: no empty or "." elements, ".." taken back where it can be, "." for nothing. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /**
     * Whether the name matches the pattern; null where Go returns ErrBadPattern ("syntax error in pattern"). As in
     * Go, a malformed part of the pattern after a successful match goes unnoticed.
     */
    public Boolean match(String pattern, String name) {
        int[] p = codePoints(pattern);
        int[] n = codePoints(name);
        int pi = 0;
        int ni = 0;
        outer:
        while (pi < p.length) {
            boolean star = false;
            while (pi < p.length && p[pi] == '*') {
                pi++;
                star = true;
            }
            int chunkEnd = chunkEnd(p, pi);
            int[] chunk = Arrays.copyOfRange(p, pi, chunkEnd);
            pi = chunkEnd;
            if (star && chunk.length == 0) {
                // A trailing star matches the rest of the name unless the rest holds a separator.
                return indexOf(n, ni, separator) < 0;
            }
            int t = matchChunk(chunk, n, ni);
            if (t >= 0 && (t == n.length || pi < p.length)) {
                ni = t;
                continue;
            }
            if (t == BAD) {
                return null;
            }
            if (star) {
                // Go: look for a match skipping i+1 characters; a star cannot skip the separator.
                for (int i = ni; i < n.length && n[i] != separator; i++) {
                    int u = matchChunk(chunk, n, i + 1);
                    if (u >= 0) {
                        if (pi == p.length && u < n.length) {
                            continue;
                        }
                        ni = u;
                        continue outer;
                    }
                    if (u == BAD) {
                        return null;
                    }
                }
            }
            // Before answering false, Go checks that the rest of the pattern is well formed.
            while (pi < p.length) {
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                }
                int end = chunkEnd(p, pi);
                if (matchChunk(Arrays.copyOfRange(p, pi, end), new int[0], 0) == BAD) {
                    return null;
                }
                pi = end;
            }
            return false;
        }
        return ni == n.length;
    }

    private static int indexOf(int[] n, int from, int c) {
        for (int i = from; i < n.length; i++) {
            if (n[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Go's scanChunk: the chunk ends at the next '*' outside a [...] class. */
    private static int chunkEnd(int[] p, int from) {
        boolean inRange = false;
        int i = from;
        for (; i < p.length; i++) {
            int c = p[i];
            if (c == '\\') {
                if (i + 1 < p.length) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /** Go's matchChunk: the index in name after the chunk, NO_MATCH, or BAD for a malformed chunk. */
    private int matchChunk(int[] chunk, int[] name, int at) {
        boolean failed = false;
        int ci = 0;
        int s = at;
        while (ci < chunk.length) {
            if (!failed && s >= name.length) {
                failed = true;
            }
            int c = chunk[ci];
            if (c == '[') {
                int r = 0;
                if (!failed) {
                    r = name[s++];
                }
                ci++;
                boolean negated = false;
                if (ci < chunk.length && chunk[ci] == '^') {
                    negated = true;
                    ci++;
                }
                boolean match = false;
                int ranges = 0;
                while (true) {
                    if (ci < chunk.length && chunk[ci] == ']' && ranges > 0) {
                        ci++;
                        break;
                    }
                    int[] lo = escaped(chunk, ci);
                    if (lo == null) {
                        return BAD;
                    }
                    ci = lo[1];
                    int hi = lo[0];
                    if (chunk[ci] == '-') {
                        int[] h = escaped(chunk, ci + 1);
                        if (h == null) {
                            return BAD;
                        }
                        hi = h[0];
                        ci = h[1];
                    }
                    if (lo[0] <= r && r <= hi) {
                        match = true;
                    }
                    ranges++;
                }
                if (match == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (name[s] == separator) {
                        failed = true;
                    }
                    s++;
                }
                ci++;
            } else {
                if (c == '\\') {
                    ci++;
                    if (ci >= chunk.length) {
                        return BAD;
                    }
                    c = chunk[ci];
                }
                if (!failed) {
                    if (c != name[s]) {
                        failed = true;
                    }
                    s++;
                }
                ci++;
            }
        }
        return failed ? NO_MATCH : s;
    }

    /** Go's getEsc: {char, next index}, or null when the class is malformed. */
    /**
     * The string's code points. A loop, not {@code String.codePoints()}: its stream would load some twenty
     * java.util.stream classes into every render, which matches each chart file against .helmignore.
     */
    private static int[] codePoints(String s) {
        int[] cps = new int[s.codePointCount(0, s.length())];
        for (int i = 0, k = 0; i < s.length(); k++) {
            int cp = s.codePointAt(i);
            cps[k] = cp;
            i += Character.charCount(cp);
        }
        return cps;
    }

    private static int[] escaped(int[] chunk, int ci) {
        if (ci >= chunk.length || chunk[ci] == '-' || chunk[ci] == ']') {
            return null;
        }
        if (chunk[ci] == '\\') {
            ci++;
            if (ci >= chunk.length) {
                return null;
            }
        }
        int r = chunk[ci];
        ci++;
        if (ci >= chunk.length) {
            return null;
        }
        return new int[] {r, ci};
    }
}
