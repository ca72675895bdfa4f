package dev.runway.render.semver;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.semver.SemverRange.Constraint;
import dev.runway.render.semver.SemverRange.Version;
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
 * <p>The test reference for SemverRange: Masterminds' own patterns, run with RE2/J, as SemverRange read them before it read
 * them by hand. Only the reading is kept here; versions, constraints and their checks are SemverRange's own.
 */
final class RegexSemverRange {
    private static final String LOOSE_VERSION = "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    /** constraints.go cvRegex: a version in a constraint, with x, X or * wildcards. */
    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";

    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";

    private static final Pattern VERSION = Pattern.compile("^" + LOOSE_VERSION + "$");
    private static final Pattern CONSTRAINT = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
    private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
    private static final Pattern VALID = Pattern.compile(
            "^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)(" + OPS + ")\\s*(" + CV + ")\\s*)*$");
    /** k8s.io/apimachinery version.ParseGeneric: the numeric components; anything after them is ignored. */
    private static final Pattern KUBE_GENERIC = Pattern.compile("^\\s*v?([0-9]+(?:\\.[0-9]+)*)(.*)*$");

    private RegexSemverRange() {}

    /** Masterminds' NewVersion: the version, or null when it does not parse. */
    static Version parseVersion(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String pre = nonNull(m.group(5));
        String metadata = nonNull(m.group(8));
        try {
            long major = Long.parseUnsignedLong(m.group(1));
            long minor =
                    m.group(2) == null ? 0 : Long.parseUnsignedLong(m.group(2).substring(1));
            long patch =
                    m.group(3) == null ? 0 : Long.parseUnsignedLong(m.group(3).substring(1));
            if ((!pre.isEmpty() && !SemverRange.validPrerelease(pre))
                    || (!metadata.isEmpty() && !SemverRange.validMetadata(metadata))) {
                return null;
            }
            return new Version(major, minor, patch, pre, metadata);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * chartutil.IsCompatibleRange: true when {@code version} parses and satisfies {@code constraint}; false in every
     * other case, a constraint that does not parse included.
     */
    public static boolean isCompatible(String constraint, String version) {
        Version v = parseVersion(version);
        if (v == null) {
            return false;
        }
        List<List<Constraint>> ors = new ArrayList<>();
        if (parseConstraints(constraint, ors, true) != null) {
            return false;
        }
        return SemverRange.satisfies(ors, v);
    }

    /**
     * The version Helm checks a chart's kubeVersion against: {@code "v" + ParseGeneric(v).String()}, the numeric
     * components only ({@code v1.30.2-eks.1} is checked as {@code v1.30.2}); Helm 3.21 and 4.1 alike.
     */
    public static String kubeVersionForCheck(String kubeVersion) {
        Matcher m = KUBE_GENERIC.matcher(kubeVersion);
        if (!m.matches()) {
            return kubeVersion;
        }
        StringBuilder b = new StringBuilder("v");
        String[] parts = m.group(1).split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            Long component = SemverRange.unsigned(parts[i]);
            if (component == null) {
                return kubeVersion;
            }
            b.append(Long.toUnsignedString(component));
        }
        return b.toString();
    }

    // ---- constraints (constraints.go)

    /**
     * semver.NewConstraint's error for a constraint that does not parse, or null when it parses: Masterminds/semver
     * v3.5.0's wording (Helm 3.21), {@code improper constraint: "<the failing part>"}; v3.4.0 (Helm 4.1) leaves the
     * part unquoted.
     */
    public static String constraintError(String constraint) {
        return constraintError(constraint, true);
    }

    /**
     * The error text as a Masterminds/semver release words it: v3.5.0 (Helm 3.21) quotes the failing part
     * ({@code improper constraint: "x"}), v3.4.0 (Helm 4.1) does not.
     */
    public static String constraintError(String constraint, boolean quoted) {
        return parseConstraints(constraint, new ArrayList<>(), quoted);
    }

    /** NewConstraint: fills {@code ors} with the OR groups of AND-ed constraints; the error text, or null. */
    private static String parseConstraints(String text, List<List<Constraint>> ors, boolean quoted) {
        String rewritten = rewriteRange(text);
        for (String or : rewritten.split("\\|\\|", -1)) {
            if (!VALID.matcher(or).matches()) {
                return "improper constraint: " + (quoted ? GoStrconv.quote(or) : or);
            }
            List<String> parts = new ArrayList<>();
            Matcher find = FIND.matcher(or);
            while (find.find()) {
                parts.add(find.group());
            }
            if (parts.isEmpty()) {
                parts.add(or);
            }
            List<Constraint> and = new ArrayList<>();
            for (String part : parts) {
                if (!part.isEmpty() && !CONSTRAINT.matcher(part).matches()) {
                    return "improper constraint: " + (quoted ? GoStrconv.quote(part) : part);
                }
                Constraint c = parseConstraint(part);
                if (c == null) {
                    return "constraint parser error";
                }
                and.add(c);
            }
            ors.add(and);
        }
        return null;
    }

    /** rewriteRange: each "a - b" becomes ">= a, <= b ". */
    private static String rewriteRange(String text) {
        Matcher m = RANGE.matcher(text);
        List<String[]> replacements = new ArrayList<>();
        while (m.find()) {
            replacements.add(new String[] {m.group(), ">= " + m.group(1) + ", <= " + m.group(11) + " "});
        }
        String out = text;
        for (String[] r : replacements) {
            int at = out.indexOf(r[0]);
            if (at >= 0) {
                out = out.substring(0, at) + r[1] + out.substring(at + r[0].length());
            }
        }
        return out;
    }

    private static Constraint parseConstraint(String text) {
        if (text.isEmpty()) {
            return new Constraint("", new Version(0, 0, 0, "", ""), true, false, false);
        }
        Matcher m = CONSTRAINT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String ver = m.group(2);
        String pre = nonNull(m.group(6));
        boolean dirty = false;
        boolean minorDirty = false;
        boolean patchDirty = false;
        if (SemverRange.isX(m.group(3)) || m.group(3).isEmpty()) {
            ver = "0.0.0" + pre;
            dirty = true;
        } else if (m.group(4) == null || SemverRange.isX(m.group(4).substring(1))) {
            minorDirty = true;
            dirty = true;
            ver = m.group(3) + ".0.0" + pre;
        } else if (m.group(5) == null || SemverRange.isX(m.group(5).substring(1))) {
            dirty = true;
            patchDirty = true;
            ver = m.group(3) + m.group(4) + ".0" + pre;
        }
        Version con = parseVersion(ver);
        return con == null ? null : new Constraint(m.group(1), con, dirty, minorDirty, patchDirty);
    }

    // ---- pre-release and metadata (version.go)

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
