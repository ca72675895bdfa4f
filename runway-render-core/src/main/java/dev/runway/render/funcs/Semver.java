package dev.runway.render.funcs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.semver.SemverRange;
import dev.runway.render.template.GoStruct;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.yaml.GoJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Masterminds/semver v3 (version.go, constraints.go) as Sprig's {@code semver} and {@code semverCompare} use it:
 * loose version parsing, constraint ranges, comparison, and the methods and Go types templates see.
 *
 * <p>{@code semver} returns a {@code *semver.Version}; {@code IncMajor}, {@code SetPrerelease} and the other methods
 * with a value receiver return a {@code semver.Version} value. Go's text/template can call pointer-receiver methods
 * ({@code Original}, {@code LessThan}, {@code Compare}, ...) only on the pointer, so on a value they fail with
 * {@code can't evaluate field Original in type semver.Version}, and passing a value where a method wants a pointer
 * fails with {@code wrong type for value; expected *semver.Version; got semver.Version}, as in Helm.
 */
final class Semver implements GoStruct, GoJson.JsonMarshaler, GoValues.KindAware {

    private static final String POINTER_TYPE = "*semver.Version";
    private static final String VALUE_TYPE = "semver.Version";
    /** Methods with a value receiver: callable on both forms. */
    private static final Set<String> VALUE_METHODS = Set.of(
            "String",
            "Major",
            "Minor",
            "Patch",
            "Prerelease",
            "Metadata",
            "IncPatch",
            "IncMinor",
            "IncMajor",
            "SetPrerelease",
            "SetMetadata",
            "MarshalJSON",
            "MarshalText",
            "Value");
    /** Methods with a pointer receiver: callable on a *semver.Version only. */
    private static final Set<String> POINTER_METHODS =
            Set.of("Original", "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal", "Compare");

    private static final Set<String> FIELDS = Set.of("major", "minor", "patch", "pre", "metadata", "original");
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

    /** version.go looseSemVerRegex, as NewVersion uses it (CoerceNewVersion is true). */
    private static final Pattern VERSION = Pattern.compile("^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$");

    final BigInteger major;
    final BigInteger minor;
    final BigInteger patch;
    final String pre;
    final String metadata;
    final String original;
    /** True for the *semver.Version that semver returns, false for a semver.Version value. */
    private final boolean pointer;

    private Semver(
            BigInteger major,
            BigInteger minor,
            BigInteger patch,
            String pre,
            String metadata,
            String original,
            boolean pointer) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = pre;
        this.metadata = metadata;
        this.original = original;
        this.pointer = pointer;
    }

    /** semver.NewVersion: a *semver.Version. */
    static Semver parse(String v) throws TemplateFunctionException {
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            throw new TemplateFunctionException("invalid semantic version");
        }
        BigInteger major = segment(m.group(1));
        BigInteger minor =
                m.group(2) == null ? BigInteger.ZERO : segment(m.group(2).substring(1));
        BigInteger patch =
                m.group(3) == null ? BigInteger.ZERO : segment(m.group(3).substring(1));
        String pre = m.group(5) == null ? "" : m.group(5);
        String meta = m.group(8) == null ? "" : m.group(8);
        if (!pre.isEmpty()) {
            validatePrerelease(pre);
        }
        return new Semver(major, minor, patch, pre, meta, v, true);
    }

    private static BigInteger segment(String s) throws TemplateFunctionException {
        // strconv.ParseUint(s, 10, 64), as Masterminds/semver reads a segment: null past uint64, found without
        // parsing millions of digits.
        BigInteger b = GoStrconv.parseUint(s, 10);
        if (b == null) {
            throw new TemplateFunctionException(
                    "Error parsing version segment: strconv.ParseUint: parsing \"" + s + "\": value out of range");
        }
        return b;
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void validatePrerelease(String p) throws TemplateFunctionException {
        for (String part : p.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new TemplateFunctionException("invalid prerelease string");
            } else if (numeric(part)) {
                if (part.length() > 1 && part.charAt(0) == '0') {
                    throw new TemplateFunctionException("version segment starts with 0");
                }
            } else if (!part.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0)) {
                throw new TemplateFunctionException("invalid prerelease string");
            }
        }
    }

    private static void validateMetadata(String m) throws TemplateFunctionException {
        for (String part : m.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0)) {
                throw new TemplateFunctionException("invalid metadata string");
            }
        }
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
        String[] as = a.split("\\.", -1);
        String[] bs = b.split("\\.", -1);
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
        boolean an = numeric(a);
        boolean bn = numeric(b);
        if (an && bn) {
            // Numeric identifiers have no leading zeros (checked when parsed): the longer is larger, else the digits
            // decide; no BigInteger, whose parse of a long identifier is quadratic.
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : Integer.signum(a.compareTo(b));
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
        return pointer ? POINTER_TYPE : VALUE_TYPE;
    }

    @Override
    public String goString() {
        return toString();
    }

    @Override
    public String goKind() {
        return pointer ? "ptr" : "struct";
    }

    @Override
    public Object toJsonValue() {
        return toString();
    }

    @Override
    public boolean hasUnexportedField(String name) {
        return FIELDS.contains(name);
    }

    /** reflect.DeepEqual of two versions, and == of two semver.Version values: every field. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Semver v
                && v.pointer == pointer
                && v.major.equals(major)
                && v.minor.equals(minor)
                && v.patch.equals(patch)
                && v.pre.equals(pre)
                && v.metadata.equals(metadata)
                && Objects.equals(v.original, original);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, pre, metadata, original);
    }

    @Override
    public TemplateFunction method(String name) {
        if (!VALUE_METHODS.contains(name) && !(pointer && POINTER_METHODS.contains(name))) {
            return null;
        }
        return (c, a) -> {
            if (POINTER_METHODS.contains(name) && !name.equals("Original")) {
                Args.count(name, a, 1);
                return compareWith(name, a.get(0));
            }
            if (name.equals("SetPrerelease") || name.equals("SetMetadata")) {
                Args.count(name, a, 1);
                return with(name, Args.string(a, 0));
            }
            Args.count(name, a, 0);
            return switch (name) {
                case "Major" -> major;
                case "Minor" -> minor;
                case "Patch" -> patch;
                case "Prerelease" -> pre;
                case "Metadata" -> metadata;
                case "Original" -> original;
                case "IncMajor" -> next(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, "");
                case "IncMinor" -> next(major, minor.add(BigInteger.ONE), BigInteger.ZERO, "");
                case "IncPatch" ->
                    pre.isEmpty() ? next(major, minor, patch.add(BigInteger.ONE), "") : next(major, minor, patch, "");
                case "MarshalJSON" -> GoJson.marshal(toString()).getBytes(StandardCharsets.UTF_8);
                case "MarshalText" -> toString().getBytes(StandardCharsets.UTF_8);
                default -> toString(); // String, Value
            };
        };
    }

    /** LessThan, Equal, Compare, ...: the argument must be a *semver.Version (Equal takes nil too). */
    private Object compareWith(String name, Object arg) throws TemplateFunctionException {
        if (arg == null) {
            if (name.equals("Equal")) {
                return false;
            }
            throw new TemplateFunctionException("runtime error: invalid memory address or nil pointer dereference");
        }
        if (!(arg instanceof Semver other) || !other.pointer) {
            throw Args.wrongType(POINTER_TYPE, arg, 0);
        }
        int c = compare(other);
        return switch (name) {
            case "LessThan" -> c < 0;
            case "LessThanEqual" -> c <= 0;
            case "GreaterThan" -> c > 0;
            case "GreaterThanEqual" -> c >= 0;
            case "Equal" -> c == 0;
            default -> c;
        };
    }

    /** SetPrerelease and SetMetadata: a semver.Version value, or the validation error. */
    private Semver with(String name, String part) throws TemplateFunctionException {
        boolean prerelease = name.equals("SetPrerelease");
        if (!part.isEmpty()) {
            if (prerelease) {
                validatePrerelease(part);
            } else {
                validateMetadata(part);
            }
        }
        Semver v = new Semver(major, minor, patch, prerelease ? part : pre, prerelease ? metadata : part, null, false);
        return v.withOriginalPrefix(this);
    }

    /** IncPatch, IncMinor, IncMajor: metadata and prerelease dropped. */
    private Semver next(BigInteger ma, BigInteger mi, BigInteger pa, String pr) {
        return new Semver(ma, mi, pa, pr, "", null, false).withOriginalPrefix(this);
    }

    /** version.go: the next version's original is the old one's "v" prefix (if any) and the new String(). */
    private Semver withOriginalPrefix(Semver from) {
        String prefix = from.original != null && from.original.startsWith("v") ? "v" : "";
        return new Semver(major, minor, patch, pre, metadata, prefix + this, false);
    }

    // ---- constraints: one implementation of Masterminds' constraints for the chart loader and Sprig

    /** semver.NewConstraint(c); its parse error as Masterminds words it. */
    static SemverRange.Constraints constraint(String constraints) throws TemplateFunctionException {
        SemverRange.Constraints parsed = SemverRange.constraints(constraints);
        if (parsed.error(true) != null) {
            throw new ImproperConstraintException(parsed.error(true), parsed.error(false));
        }
        return parsed;
    }

    /**
     * A constraint Masterminds/semver cannot parse, worded as v3.5.0 (helm-java's Helm 3.21) words it; v3.4.0, which
     * Helm 4.1 links, prints the failing part unquoted ({@link #unquotedMessage()}).
     */
    static final class ImproperConstraintException extends TemplateFunctionException {
        private final String unquoted;

        ImproperConstraintException(String message, String unquoted) {
            super(message);
            this.unquoted = unquoted;
        }

        /** The message of Masterminds/semver v3.4.0. */
        String unquotedMessage() {
            return unquoted;
        }
    }
}
