package dev.runway.render.semver;

import dev.runway.render.gofmt.GoStrconv;
import java.util.ArrayList;
import java.util.List;

/**
 * Versions and version ranges as Helm checks them with Masterminds/semver v3 (Helm 3.21 links v3.5.0, Helm 4.1 v3.4.0;
 * they differ only in the quoting of constraint errors): a chart's {@code version} must parse
 * ({@code semver.NewVersion}, loose "coerce" mode: {@code 1}, {@code v1.2}, {@code 1.2.3-rc.1+b}),
 * {@code chartutil.IsCompatibleRange} matches a Chart.yaml {@code kubeVersion} against the cluster's version and a
 * dependency's {@code version} against a subchart's (a range that does not parse matches nothing, as in Helm), and
 * Sprig's {@code semverCompare} checks its constraint here too.
 *
 * <p>Masterminds matches versions and constraints with regular expressions; they are read here by hand (see {@link Cv}),
 * with the same accepted texts and the same parts, because compiling those expressions was a measurable part of the
 * first render in a fresh JVM (a chart's kubeVersion is checked on every render). The reading is linear in the text,
 * except {@link #find}, which tries each start as the unanchored expression does (quadratic at worst, on one
 * constraint string). The test SemverRangeRegexTest compares it with the expressions over many strings.
 */
public final class SemverRange {
    /** The operators of constraints.go's opsRegex; any other run of operator characters does not parse. */
    private static final List<String> OPS = List.of("", "=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^");
    /** FIND tries the operators in the order of Masterminds' alternation, which decides a match's start. */
    private static final String[] FIND_ORDER = {"=", "", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"};

    private SemverRange() {}

    /** A parsed version; the numbers are unsigned 64-bit as in Go. */
    record Version(long major, long minor, long patch, String pre, String metadata) {
        int compare(Version o) {
            int c = Long.compareUnsigned(major, o.major);
            if (c == 0) {
                c = Long.compareUnsigned(minor, o.minor);
            }
            if (c == 0) {
                c = Long.compareUnsigned(patch, o.patch);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
            if (pre.isEmpty() && o.pre.isEmpty()) {
                return 0;
            }
            if (pre.isEmpty()) {
                return 1;
            }
            if (o.pre.isEmpty()) {
                return -1;
            }
            return comparePrerelease(pre, o.pre);
        }
    }

    /** Masterminds' NewVersion: the version, or null when it does not parse. */
    static Version parseVersion(String text) {
        Cv m = Cv.read(text, 0, false);
        if (m == null || m.end != text.length()) {
            return null;
        }
        String pre = m.pre(text).isEmpty() ? "" : m.pre(text).substring(1);
        String metadata = m.metadata(text).isEmpty() ? "" : m.metadata(text).substring(1);
        try {
            long major = Long.parseUnsignedLong(m.major(text));
            long minor = m.minor(text) == null
                    ? 0
                    : Long.parseUnsignedLong(m.minor(text).substring(1));
            long patch = m.patch(text) == null
                    ? 0
                    : Long.parseUnsignedLong(m.patch(text).substring(1));
            if ((!pre.isEmpty() && !validPrerelease(pre)) || (!metadata.isEmpty() && !validMetadata(metadata))) {
                return null;
            }
            return new Version(major, minor, patch, pre, metadata);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code version} is at least {@code minimum} (Masterminds' Compare: build metadata ignored); false when either
     * does not parse.
     */
    public static boolean isAtLeast(String version, String minimum) {
        Version v = parseVersion(version);
        Version m = parseVersion(minimum);
        return v != null && m != null && v.compare(m) >= 0;
    }

    /** pkg/chart/v2/metadata.go isValidSemver. */
    public static boolean isValidVersion(String text) {
        return parseVersion(text) != null;
    }

    /**
     * chartutil.IsCompatibleRange: true when {@code version} parses and satisfies {@code constraint}; false in every
     * other case, a constraint that does not parse included.
     */
    public static boolean isCompatible(String constraint, String version) {
        return constraints(constraint).allows(version);
    }

    /** Constraints.Check: {@code v} meets every constraint of at least one AND group of {@code ors}. */
    static boolean satisfies(List<List<Constraint>> ors, Version v) {
        for (List<Constraint> and : ors) {
            // A pre-release in any constraint of an AND group lets that group match pre-release versions.
            boolean includePre = false;
            for (Constraint c : and) {
                includePre |= !c.con.pre.isEmpty();
            }
            boolean all = true;
            for (Constraint c : and) {
                if (!c.check(v, includePre)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version Helm checks a chart's kubeVersion against: {@code "v" + ParseGeneric(v).String()}, the numeric
     * components only ({@code v1.30.2-eks.1} is checked as {@code v1.30.2}); Helm 3.21 and 4.1 alike.
     */
    public static String kubeVersionForCheck(String kubeVersion) {
        // ^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)*$ in RE2: '.' stops at a newline, so the rest may not hold one.
        int at = skipSpace(kubeVersion, 0);
        if (at < kubeVersion.length() && kubeVersion.charAt(at) == 'v') {
            at++;
        }
        int start = at;
        int end = digits(kubeVersion, at);
        if (end == at) {
            return kubeVersion;
        }
        while (end < kubeVersion.length() && kubeVersion.charAt(end) == '.' && digits(kubeVersion, end + 1) > end + 1) {
            end = digits(kubeVersion, end + 1);
        }
        if (kubeVersion.indexOf('\n', end) >= 0) {
            return kubeVersion;
        }
        StringBuilder b = new StringBuilder("v");
        String[] parts = kubeVersion.substring(start, end).split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            Long component = unsigned(parts[i]);
            if (component == null) {
                return kubeVersion;
            }
            b.append(Long.toUnsignedString(component));
        }
        return b.toString();
    }

    // ---- constraints (constraints.go)

    record Constraint(String op, Version con, boolean dirty, boolean minorDirty, boolean patchDirty) {
        boolean check(Version v, boolean includePre) {
            if (!v.pre.isEmpty() && !includePre) {
                return false;
            }
            return switch (op) {
                case "", "=" -> dirty ? tilde(v) : v.compare(con) == 0;
                case "!=" -> notEqual(v);
                case ">" -> greaterThan(v);
                case "<" -> v.compare(con) < 0;
                case ">=", "=>" -> v.compare(con) >= 0;
                case "<=", "=<" -> lessThanOrEqual(v);
                case "~", "~>" -> tilde(v);
                default -> caret(v);
            };
        }

        private boolean notEqual(Version v) {
            if (dirty) {
                if (con.major != v.major) {
                    return true;
                }
                if (con.minor != v.minor && !minorDirty) {
                    return true;
                } else if (minorDirty) {
                    return false;
                } else if (con.patch != v.patch && !patchDirty) {
                    return true;
                } else if (patchDirty) {
                    return (!v.pre.isEmpty() || !con.pre.isEmpty()) && comparePrerelease(v.pre, con.pre) != 0;
                }
            }
            return v.compare(con) != 0;
        }

        private boolean greaterThan(Version v) {
            if (!dirty) {
                return v.compare(con) == 1;
            }
            int major = Long.compareUnsigned(v.major, con.major);
            if (major != 0) {
                return major > 0;
            }
            if (minorDirty) {
                return false;
            }
            if (patchDirty) {
                return Long.compareUnsigned(v.minor, con.minor) > 0;
            }
            return v.compare(con) == 1;
        }

        private boolean lessThanOrEqual(Version v) {
            if (!dirty) {
                return v.compare(con) <= 0;
            }
            if (Long.compareUnsigned(v.major, con.major) > 0) {
                return false;
            }
            return !(v.major == con.major && Long.compareUnsigned(v.minor, con.minor) > 0 && !minorDirty);
        }

        private boolean tilde(Version v) {
            if (v.compare(con) < 0) {
                return false;
            }
            if (con.major == 0 && con.minor == 0 && con.patch == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major != con.major) {
                return false;
            }
            return v.minor == con.minor || minorDirty;
        }

        private boolean caret(Version v) {
            if (v.compare(con) < 0) {
                return false;
            }
            if (con.major != 0 || minorDirty) {
                return v.major == con.major;
            }
            if (v.major != 0) {
                return false;
            }
            if (con.minor != 0 || patchDirty) {
                return v.minor == con.minor;
            }
            if (v.minor != 0) {
                return false;
            }
            return con.patch == v.patch;
        }
    }

    /**
     * semver.NewConstraint's error for a constraint that does not parse, or null when it parses: Masterminds/semver
     * v3.5.0's wording (Helm 3.21), {@code improper constraint: "<the failing part>"}; v3.4.0 (Helm 4.1) leaves the
     * part unquoted.
     */
    public static String constraintError(String constraint) {
        return constraints(constraint).error(true);
    }

    /**
     * The error text as a Masterminds/semver release words it: v3.5.0 (Helm 3.21) quotes the failing part
     * ({@code improper constraint: "x"}), v3.4.0 (Helm 4.1) does not.
     */
    public static String constraintError(String constraint, boolean quoted) {
        return constraints(constraint).error(quoted);
    }

    /** semver.NewConstraint: the constraint read once, for its error in either wording and for checks. */
    public static Constraints constraints(String constraint) {
        List<List<Constraint>> ors = new ArrayList<>();
        String[] error = parseConstraints(constraint, ors);
        return error == null
                ? new Constraints(List.copyOf(ors), null, null)
                : new Constraints(null, error[0], error[1]);
    }

    /**
     * A constraint as semver.NewConstraint read it: its OR groups of AND-ed constraints, or why it does not parse. A
     * constraint can be long (ranges rewritten, each part read), so callers read it once.
     */
    public static final class Constraints {
        private final List<List<Constraint>> ors;
        private final String quotedError;
        private final String unquotedError;

        private Constraints(List<List<Constraint>> ors, String quotedError, String unquotedError) {
            this.ors = ors;
            this.quotedError = quotedError;
            this.unquotedError = unquotedError;
        }

        /** The parse error as v3.5.0 ({@code quoted}) or v3.4.0 words it, or null when the constraint parses. */
        public String error(boolean quoted) {
            return quoted ? quotedError : unquotedError;
        }

        /** chartutil.IsCompatibleRange: false when the version or the constraint does not parse. */
        public boolean allows(String version) {
            if (ors == null) {
                return false;
            }
            Version v = parseVersion(version);
            return v != null && satisfies(ors, v);
        }
    }

    /** NewConstraint: fills {@code ors} with the OR groups of AND-ed constraints; the error quoted and not, or null. */
    private static String[] parseConstraints(String text, List<List<Constraint>> ors) {
        String rewritten = rewriteRange(text);
        if (rewritten == null) {
            String tooMany = "constraint of " + text.length() + " characters has too many ranges to rewrite";
            return new String[] {tooMany, tooMany};
        }
        for (String or : splitOr(rewritten)) {
            if (!valid(or)) {
                return improper(or);
            }
            List<String> parts = new ArrayList<>();
            for (int from = 0; from < or.length(); ) {
                int[] found = find(or, from);
                if (found == null) {
                    break;
                }
                parts.add(or.substring(found[0], found[1]));
                from = found[1];
            }
            if (parts.isEmpty()) {
                parts.add(or);
            }
            List<Constraint> and = new ArrayList<>();
            for (String part : parts) {
                if (!part.isEmpty() && Anchored.read(part) == null) {
                    return improper(part);
                }
                Constraint c = parseConstraint(part);
                if (c == null) {
                    return new String[] {"constraint parser error", "constraint parser error"};
                }
                and.add(c);
            }
            ors.add(and);
        }
        return null;
    }

    private static String[] improper(String part) {
        return new String[] {"improper constraint: " + GoStrconv.quote(part), "improper constraint: " + part};
    }

    /**
     * rewriteRange: each "a - b" becomes ">= a, <= b ", or null when Masterminds' own order of replacements would cost
     * more than {@link #REPLACE_BUDGET}. Masterminds replaces each match's text where it first occurs in the text
     * rewritten so far, which is the match's own place unless an earlier "ws - ws" outside the matches can host it
     * (in "1 - 2 - 3 x 2 - 3" the second match lands in the first one's "<= 2 - 3").
     */
    private static String rewriteRange(String text) {
        List<RangeMatch> matches = new ArrayList<>();
        if (text.length() > LONG_RANGE_TEXT) {
            com.google.re2j.Matcher m = LongRange.RANGE.matcher(text);
            while (m.find()) {
                matches.add(new RangeMatch(m.start(), m.end(), m.group(1), m.group(11)));
            }
        } else {
            for (int from = 0; from <= text.length(); ) {
                RangeMatch found = findRange(text, from);
                if (found == null) {
                    break;
                }
                matches.add(found);
                from = found.end();
            }
        }
        if (matches.isEmpty()) {
            return text;
        }
        return looseDashBeforeSpace(text, matches) ? rewriteInGoOrder(text, matches) : rewriteInPlace(text, matches);
    }

    /**
     * Every match replaced where it stands, in one pass. This is Masterminds' answer when no dash outside the matches
     * is followed by whitespace: a match's text always holds the only "ws - ws" it can be found at, and the
     * replacements before it hold none (their dashes follow version characters), so its first occurrence is its own.
     */
    private static String rewriteInPlace(String text, List<RangeMatch> matches) {
        StringBuilder out = new StringBuilder(text.length() + 8 * matches.size());
        int from = 0;
        for (RangeMatch m : matches) {
            out.append(text, from, m.start())
                    .append(">= ")
                    .append(m.low())
                    .append(", <= ")
                    .append(m.high())
                    .append(' ');
            from = m.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    /** strings.Replace(o, match, replacement, 1) for each match in turn, as Masterminds does; null past the budget. */
    private static String rewriteInGoOrder(String text, List<RangeMatch> matches) {
        String out = text;
        long work = 0;
        for (RangeMatch m : matches) {
            work += out.length();
            if (work > REPLACE_BUDGET) {
                return null;
            }
            String match = text.substring(m.start(), m.end());
            int at = out.indexOf(match);
            if (at >= 0) {
                out = out.substring(0, at) + ">= " + m.low() + ", <= " + m.high() + " "
                        + out.substring(at + match.length());
            }
        }
        return out;
    }

    /** A '-' between two matches (or before the first) followed by whitespace: one that could host a later match. */
    private static boolean looseDashBeforeSpace(String text, List<RangeMatch> matches) {
        int from = 0;
        for (RangeMatch m : matches) {
            for (int i = from; i < m.start(); i++) {
                if (text.charAt(i) == '-' && i + 1 < text.length() && isSpace(text.charAt(i + 1))) {
                    return true;
                }
            }
            from = m.end();
        }
        return false;
    }

    /**
     * Characters of work (texts searched and copied) Masterminds' order of replacements may take here before a
     * constraint is refused: that order costs the text's length per range, so a long text of ranges with loose dashes
     * would take minutes. Real constraints stay far below it.
     */
    private static final long REPLACE_BUDGET = 1L << 25;

    private static Constraint parseConstraint(String text) {
        if (text.isEmpty()) {
            return new Constraint("", new Version(0, 0, 0, "", ""), true, false, false);
        }
        Anchored a = Anchored.read(text);
        if (a == null) {
            return null;
        }
        Cv m = a.cv;
        String ver = text.substring(m.start, m.end);
        String pre = m.pre(text);
        boolean dirty = false;
        boolean minorDirty = false;
        boolean patchDirty = false;
        if (isX(m.major(text)) || m.major(text).isEmpty()) {
            ver = "0.0.0" + pre;
            dirty = true;
        } else if (m.minor(text) == null || isX(m.minor(text).substring(1))) {
            minorDirty = true;
            dirty = true;
            ver = m.major(text) + ".0.0" + pre;
        } else if (m.patch(text) == null || isX(m.patch(text).substring(1))) {
            dirty = true;
            patchDirty = true;
            ver = m.major(text) + m.minor(text) + ".0" + pre;
        }
        Version con = parseVersion(ver);
        return con == null ? null : new Constraint(a.op, con, dirty, minorDirty, patchDirty);
    }

    // ---- the reading of Masterminds' expressions

    /**
     * One match of constraints.go's cvRegex ({@code wildcards}; digits only for version.go's loose versionRegex) from
     * {@code start} to {@code end}: {@code v?} and the major part, then up to two {@code .minor} / {@code .patch},
     * {@code -pre} and {@code +metadata} parts, each ending where the next begins. Every part is taken whenever it
     * can be: the characters that end one part cannot continue it, so this is the only way the expression matches.
     */
    private record Cv(int start, int majorStart, int majorEnd, int minorEnd, int patchEnd, int preEnd, int end) {
        /** The longest match at {@code at}, or null when none starts there. */
        static Cv read(String s, int at, boolean wildcards) {
            int majorStart = at < s.length() && s.charAt(at) == 'v' ? at + 1 : at;
            int majorEnd = component(s, majorStart, wildcards);
            if (majorEnd == majorStart) {
                return null;
            }
            int minorEnd = dotted(s, majorEnd, wildcards);
            int patchEnd = minorEnd == majorEnd ? minorEnd : dotted(s, minorEnd, wildcards);
            int preEnd = identifiers(s, patchEnd, '-');
            return new Cv(at, majorStart, majorEnd, minorEnd, patchEnd, preEnd, identifiers(s, preEnd, '+'));
        }

        String major(String s) {
            return s.substring(majorStart, majorEnd);
        }

        /** The {@code .minor} part with its dot, or null. */
        String minor(String s) {
            return minorEnd == majorEnd ? null : s.substring(majorEnd, minorEnd);
        }

        /** The {@code .patch} part with its dot, or null. */
        String patch(String s) {
            return patchEnd == minorEnd ? null : s.substring(minorEnd, patchEnd);
        }

        /** The {@code -pre} part with its dash, or "". */
        String pre(String s) {
            return s.substring(patchEnd, preEnd);
        }

        /** The {@code +metadata} part with its plus, or "". */
        String metadata(String s) {
            return s.substring(preEnd, end);
        }

        private static int component(String s, int at, boolean wildcards) {
            int i = at;
            while (i < s.length() && isComponentChar(s.charAt(i), wildcards)) {
                i++;
            }
            return i;
        }

        /** {@code (\.[c]+)?}: the end of the part at {@code at}, or {@code at} when there is none. */
        private static int dotted(String s, int at, boolean wildcards) {
            if (at < s.length() && s.charAt(at) == '.') {
                int end = component(s, at + 1, wildcards);
                if (end > at + 1) {
                    return end;
                }
            }
            return at;
        }

        /** {@code (<lead>[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?}: the end of the part at {@code at}, or {@code at}. */
        private static int identifiers(String s, int at, char lead) {
            if (at >= s.length() || s.charAt(at) != lead) {
                return at;
            }
            int end = identifier(s, at + 1);
            if (end == at + 1) {
                return at;
            }
            while (end < s.length() && s.charAt(end) == '.' && identifier(s, end + 1) > end + 1) {
                end = identifier(s, end + 1);
            }
            return end;
        }

        private static int identifier(String s, int at) {
            int i = at;
            while (i < s.length() && isIdentifierChar(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** {@code ^\s*(ops)\s*(cv)\s*$}: one constraint, as constraints.go's constraintRegex reads it. */
    private record Anchored(String op, Cv cv) {
        static Anchored read(String s) {
            int opStart = skipSpace(s, 0);
            int opEnd = opRun(s, opStart);
            String op = s.substring(opStart, opEnd);
            if (!OPS.contains(op)) {
                return null;
            }
            Cv cv = Cv.read(s, skipSpace(s, opEnd), true);
            return cv == null || skipSpace(s, cv.end) != s.length() ? null : new Anchored(op, cv);
        }
    }

    /**
     * constraints.go's validConstraintRegex, {@code ^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$}:
     * constraints joined by spaces or commas. An operator is the whole run of operator characters before its version,
     * since neither a space nor a version may begin with one.
     */
    private static boolean valid(String s) {
        int at = skipSpace(s, 0);
        while (true) {
            int opEnd = opRun(s, at);
            if (!OPS.contains(s.substring(at, opEnd))) {
                return false;
            }
            Cv cv = Cv.read(s, skipSpace(s, opEnd), true);
            if (cv == null) {
                return false;
            }
            at = skipSpace(s, cv.end);
            if (at == s.length()) {
                return true;
            }
            if (s.charAt(at) == ',') {
                at = skipSpace(s, at + 1);
            } else if (at == cv.end) {
                return false; // neither a space nor a comma after the version
            }
        }
    }

    /**
     * The next match of constraints.go's findConstraintRegex, {@code (ops)\s*(cv)}, at or after {@code from}, as
     * {start, end}, or null. The operators are tried in the expression's order at each start; the empty one lets a
     * match begin with spaces.
     */
    private static int[] find(String s, int from) {
        for (int start = from; start < s.length(); start++) {
            for (String op : FIND_ORDER) {
                if (s.startsWith(op, start)) {
                    Cv cv = Cv.read(s, skipSpace(s, start + op.length()), true);
                    if (cv != null) {
                        return new int[] {start, cv.end};
                    }
                }
            }
            // From any later space of this run the empty operator meets the same non-version: skip the run.
            if (isSpace(s.charAt(start))) {
                start = skipSpace(s, start) - 1;
            }
        }
        return null;
    }

    /** One "a - b" that rewriteRange replaces: where it starts and ends in the text, and its two versions. */
    private record RangeMatch(int start, int end, String low, String high) {}

    /**
     * The next match of constraints.go's rewriteRange expression, {@code \s*(cv)\s+-\s+(cv)\s*}, at or after
     * {@code from}, or null. Each start is tried as the unanchored expression tries it, which costs the length of a
     * version at each start: {@link #LONG_RANGE_TEXT} bounds that.
     */
    private static RangeMatch findRange(String s, int from) {
        for (int start = from; start < s.length(); start++) {
            int cvStart = skipSpace(s, start);
            Cv first = Cv.read(s, cvStart, true);
            if (first != null) {
                int dash = skipSpace(s, first.end);
                if (dash > first.end && dash < s.length() && s.charAt(dash) == '-') {
                    int secondStart = skipSpace(s, dash + 1);
                    Cv second = secondStart > dash + 1 ? Cv.read(s, secondStart, true) : null;
                    if (second != null) {
                        int end = skipSpace(s, second.end);
                        return new RangeMatch(
                                start, end, s.substring(first.start, first.end), s.substring(second.start, second.end));
                    }
                }
            }
            if (cvStart > start) {
                start = cvStart - 1; // every later space of the run reaches the same version
            }
        }
        return null;
    }

    /**
     * Texts longer than this look for ranges with the expression itself (RE2/J, linear time): reading by hand tries
     * every start, and a long run of version characters would make that quadratic. Constraints are far shorter.
     */
    private static final int LONG_RANGE_TEXT = 256;

    /** The rewriteRange expression, compiled only for a long text. */
    private static final class LongRange {
        private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
                + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
                + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
        static final com.google.re2j.Pattern RANGE =
                com.google.re2j.Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    }

    /** {@code text} split at each "||", empty parts kept (Go's strings.Split). */
    private static List<String> splitOr(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf("||"); at >= 0; at = text.indexOf("||", from)) {
            out.add(text.substring(from, at));
            from = at + 2;
        }
        out.add(text.substring(from));
        return out;
    }

    private static int opRun(String s, int at) {
        int i = at;
        while (i < s.length() && "=!<>~^".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** RE2's \s: tab, newline, form feed, carriage return and space (not vertical tab). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int skipSpace(String s, int at) {
        int i = at;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digits(String s, int at) {
        int i = at;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isComponentChar(char c, boolean wildcards) {
        return (c >= '0' && c <= '9') || (wildcards && (c == '|' || c == 'x' || c == 'X' || c == '*'));
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    }

    static boolean isX(String s) {
        return s.equals("x") || s.equals("X") || s.equals("*");
    }

    // ---- pre-release and metadata (version.go)

    static boolean validPrerelease(String pre) {
        for (String part : pre.split("\\.", -1)) {
            if (part.isEmpty() || (isNumeric(part) && part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    static boolean validMetadata(String metadata) {
        for (String part : metadata.split("\\.", -1)) {
            if (part.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static int comparePrerelease(String a, String b) {
        String[] as = a.split("\\.", -1);
        String[] bs = b.split("\\.", -1);
        for (int i = 0; i < Math.max(as.length, bs.length); i++) {
            int d = comparePrePart(i < as.length ? as[i] : "", i < bs.length ? bs[i] : "");
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static int comparePrePart(String s, String o) {
        if (s.equals(o)) {
            return 0;
        }
        if (s.isEmpty()) {
            return -1;
        }
        if (o.isEmpty()) {
            return 1;
        }
        Long sn = unsigned(s);
        Long on = unsigned(o);
        if (sn == null && on == null) {
            return s.compareTo(o) > 0 ? 1 : -1;
        }
        if (on == null) {
            return -1;
        }
        if (sn == null) {
            return 1;
        }
        return Long.compareUnsigned(sn, on) > 0 ? 1 : -1;
    }

    static Long unsigned(String s) {
        if (!isNumeric(s)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
