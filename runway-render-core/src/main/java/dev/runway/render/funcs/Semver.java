package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.yaml.GoJson;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masterminds/semver v3 as Sprig uses it: loose version parsing, constraint ranges, comparison. */
final class Semver implements GoFmt.GoTyped, GoMethods, GoJson.JsonMarshaler, GoValues.KindAware {

    private static final String NUM = "[0-9]+";
    private static final Pattern VERSION = Pattern.compile("^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$");

    final BigInteger major;
    final BigInteger minor;
    final BigInteger patch;
    final String pre;
    final String metadata;
    final String original;

    private Semver(BigInteger major, BigInteger minor, BigInteger patch, String pre, String metadata,
                   String original) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = pre;
        this.metadata = metadata;
        this.original = original;
    }

    static Semver parse(String v) throws TemplateFunctionException {
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            throw new TemplateFunctionException("invalid semantic version");
        }
        BigInteger major = segment(m.group(1));
        BigInteger minor = m.group(2) == null ? BigInteger.ZERO : segment(m.group(2).substring(1));
        BigInteger patch = m.group(3) == null ? BigInteger.ZERO : segment(m.group(3).substring(1));
        String pre = m.group(5) == null ? "" : m.group(5);
        String meta = m.group(8) == null ? "" : m.group(8);
        if (!pre.isEmpty()) {
            for (String part : pre.split("\\.", -1)) {
                if (part.matches(NUM) && part.length() > 1 && part.startsWith("0")) {
                    throw new TemplateFunctionException("version segment starts with 0");
                }
            }
        }
        return new Semver(major, minor, patch, pre, meta, v);
    }

    private static BigInteger segment(String s) throws TemplateFunctionException {
        BigInteger b = new BigInteger(s);
        if (b.bitLength() > 64) {
            throw new TemplateFunctionException("Error parsing version segment: strconv.ParseUint: parsing \"" + s
                    + "\": value out of range");
        }
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(major).append('.').append(minor).append('.').append(patch);
        if (!pre.isEmpty()) {
            sb.append('-').append(pre);
        }
        if (!metadata.isEmpty()) {
            sb.append('+').append(metadata);
        }
        return sb.toString();
    }

    int compare(Semver o) {
        int c = major.compareTo(o.major);
        if (c != 0) {
            return Integer.signum(c);
        }
        c = minor.compareTo(o.minor);
        if (c != 0) {
            return Integer.signum(c);
        }
        c = patch.compareTo(o.patch);
        if (c != 0) {
            return Integer.signum(c);
        }
        return comparePrerelease(pre, o.pre);
    }

    private static int comparePrerelease(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty()) {
            return 1;
        }
        if (b.isEmpty()) {
            return -1;
        }
        String[] as = a.split("\\.");
        String[] bs = b.split("\\.");
        int n = Math.max(as.length, bs.length);
        for (int i = 0; i < n; i++) {
            if (i >= as.length) {
                return -1;
            }
            if (i >= bs.length) {
                return 1;
            }
            int c = compareIdentifier(as[i], bs[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = a.matches(NUM);
        boolean bn = b.matches(NUM);
        if (an && bn) {
            return Integer.signum(new BigInteger(a).compareTo(new BigInteger(b)));
        }
        if (an) {
            return -1;
        }
        if (bn) {
            return 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    @Override
    public String goTypeName() {
        return "*semver.Version";
    }

    @Override
    public String goString() {
        return toString();
    }

    @Override
    public String goKind() {
        return "ptr";
    }

    @Override
    public Object toJsonValue() {
        return toString();
    }

    @Override
    public boolean hasMethod(String name) {
        return List.of("Major", "Minor", "Patch", "Prerelease", "Metadata", "Original", "String", "LessThan",
                "GreaterThan", "Equal", "Compare", "IncMajor", "IncMinor", "IncPatch").contains(name);
    }

    @Override
    public Object invokeMethod(String name, List<Object> args) throws TemplateFunctionException {
        switch (name) {
            case "Major":
                return major.longValue();
            case "Minor":
                return minor.longValue();
            case "Patch":
                return patch.longValue();
            case "Prerelease":
                return pre;
            case "Metadata":
                return metadata;
            case "Original":
                return original;
            case "String":
                return toString();
            case "IncMajor":
                return new Semver(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, "", "",
                        null).withOriginal();
            case "IncMinor":
                return new Semver(major, minor.add(BigInteger.ONE), BigInteger.ZERO, "", "", null).withOriginal();
            case "IncPatch":
                return pre.isEmpty()
                        ? new Semver(major, minor, patch.add(BigInteger.ONE), "", "", null).withOriginal()
                        : new Semver(major, minor, patch, "", "", null).withOriginal();
            default:
                break;
        }
        if (args.size() != 1 || !(args.get(0) instanceof Semver other)) {
            throw new WrongArgumentException("wrong number of args for " + name + ": want 1 got " + args.size());
        }
        return switch (name) {
            case "LessThan" -> compare(other) < 0;
            case "GreaterThan" -> compare(other) > 0;
            case "Equal" -> compare(other) == 0;
            case "Compare" -> compare(other);
            default -> throw new TemplateFunctionException("can't evaluate field " + name);
        };
    }

    private Semver withOriginal() {
        return new Semver(major, minor, patch, pre, metadata, toString());
    }

    // ---- constraints

    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    private static final Pattern CONSTRAINT = Pattern.compile("^\\s*(=|!=|>|<|>=|=>|<=|=<|~|~>|\\^)?\\s*(" + CV + ")\\s*$");
    private static final Pattern HYPHEN = Pattern.compile("^\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*$");

    private record Constraint(String op, Semver con, boolean dirty, boolean minorDirty, boolean patchDirty) {
    }

    /** semver.NewConstraint(c).Check(v). */
    static boolean check(String constraints, Semver v) throws TemplateFunctionException {
        List<List<Constraint>> ors = parseConstraints(constraints);
        for (List<Constraint> and : ors) {
            boolean ok = true;
            for (Constraint c : and) {
                if (!check(c, v)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Constraint>> parseConstraints(String text) throws TemplateFunctionException {
        List<List<Constraint>> ors = new ArrayList<>();
        for (String or : text.split("\\|\\|", -1)) {
            List<Constraint> ands = new ArrayList<>();
            Matcher hy = HYPHEN.matcher(or);
            if (hy.matches()) {
                ands.add(constraint(">=", hy.group(1), text));
                ands.add(constraint("<=", hy.group(11), text));
                ors.add(ands);
                continue;
            }
            // Join operators with their versions ("> = 1.2" style spacing), then split on commas and spaces.
            String normalized = or.trim().replaceAll("(=|!=|>=|=>|<=|=<|~>|~|\\^|>|<)\\s+", "$1");
            if (normalized.isEmpty()) {
                throw new ImproperConstraintException(text);
            }
            for (String part : normalized.split("\\s*,\\s*|\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                Matcher m = CONSTRAINT.matcher(part);
                if (!m.matches()) {
                    throw new ImproperConstraintException(text);
                }
                ands.add(constraint(m.group(1) == null ? "" : m.group(1), m.group(2), text));
            }
            ors.add(ands);
        }
        return ors;
    }

    /**
     * A constraint Masterminds/semver cannot parse. Its message is semver v3.5.0's ({@code improper constraint:
     * "x"}, as helm-java's Helm 3.21 links it); v3.4.0, which Helm 4.1 links, prints the constraint unquoted.
     */
    static final class ImproperConstraintException extends TemplateFunctionException {
        private final String constraint;

        ImproperConstraintException(String constraint) {
            super("improper constraint: " + dev.runway.render.gofmt.GoStrconv.quote(constraint));
            this.constraint = constraint;
        }

        /** The message of Masterminds/semver v3.4.0. */
        String unquotedMessage() {
            return "improper constraint: " + constraint;
        }
    }

    private static boolean isX(String s) {
        return s.equals("x") || s.equals("X") || s.equals("*");
    }

    private static Constraint constraint(String op, String ver, String text) throws TemplateFunctionException {
        Matcher m = Pattern.compile("^" + CV + "$").matcher(ver);
        if (!m.matches()) {
            throw new ImproperConstraintException(text);
        }
        String g1 = m.group(1);
        String g2 = m.group(2) == null ? "" : m.group(2);
        String g3 = m.group(3) == null ? "" : m.group(3);
        String rest = (m.group(4) == null ? "" : m.group(4)) + (m.group(7) == null ? "" : m.group(7));
        boolean dirty = false;
        boolean minorDirty = false;
        boolean patchDirty = false;
        String v;
        if (isX(g1)) {
            v = "0.0.0" + rest;
            dirty = true;
        } else if (g2.isEmpty() || isX(g2.substring(1))) {
            minorDirty = true;
            dirty = true;
            v = g1 + ".0.0" + rest;
        } else if (g3.isEmpty() || isX(g3.substring(1))) {
            dirty = true;
            patchDirty = true;
            v = g1 + g2 + ".0" + rest;
        } else {
            v = ver;
        }
        Semver con;
        try {
            con = parse(v);
        } catch (TemplateFunctionException e) {
            throw new ImproperConstraintException(text);
        }
        return new Constraint(op, con, dirty, minorDirty, patchDirty);
    }

    private static boolean check(Constraint c, Semver v) {
        if (!v.pre.isEmpty() && c.con().pre.isEmpty()) {
            return false;
        }
        Semver con = c.con();
        switch (c.op()) {
            case "", "=":
                if (c.dirty()) {
                    return tilde(c, v);
                }
                return v.compare(con) == 0;
            case "!=":
                if (c.dirty()) {
                    if (v.major.compareTo(con.major) != 0) {
                        return true;
                    }
                    if (c.minorDirty()) {
                        return false;
                    }
                    if (v.minor.compareTo(con.minor) != 0) {
                        return true;
                    }
                    return !c.patchDirty() && v.compare(con) != 0;
                }
                return v.compare(con) != 0;
            case ">":
                if (!c.dirty()) {
                    return v.compare(con) > 0;
                }
                if (v.major.compareTo(con.major) > 0) {
                    return true;
                }
                if (v.major.compareTo(con.major) < 0 || c.minorDirty()) {
                    return false;
                }
                if (c.patchDirty()) {
                    return v.minor.compareTo(con.minor) > 0;
                }
                return v.compare(con) > 0;
            case "<":
                return v.compare(con) < 0;
            case ">=", "=>":
                return v.compare(con) >= 0;
            case "<=", "=<":
                if (!c.dirty()) {
                    return v.compare(con) <= 0;
                }
                if (v.major.compareTo(con.major) > 0) {
                    return false;
                }
                return !(v.major.compareTo(con.major) == 0 && v.minor.compareTo(con.minor) > 0 && !c.minorDirty());
            case "~", "~>":
                return tilde(c, v);
            case "^":
                if (v.compare(con) < 0) {
                    return false;
                }
                if (con.major.signum() > 0 || c.minorDirty()) {
                    return v.major.equals(con.major);
                }
                if (v.major.signum() > 0) {
                    return false;
                }
                if (con.minor.signum() > 0 || c.patchDirty()) {
                    return v.minor.equals(con.minor);
                }
                if (v.minor.signum() > 0) {
                    return false;
                }
                return v.patch.equals(con.patch);
            default:
                return false;
        }
    }

    private static boolean tilde(Constraint c, Semver v) {
        Semver con = c.con();
        if (v.compare(con) < 0) {
            return false;
        }
        if (con.major.signum() == 0 && con.minor.signum() == 0 && con.patch.signum() == 0 && !c.minorDirty()
                && !c.patchDirty()) {
            return true;
        }
        if (!v.major.equals(con.major)) {
            return false;
        }
        return v.minor.equals(con.minor) || c.minorDirty();
    }
}
