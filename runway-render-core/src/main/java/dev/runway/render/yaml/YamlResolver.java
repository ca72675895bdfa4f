package dev.runway.render.yaml;

import dev.runway.render.gofmt.GoStrconv;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-yaml v2's resolution of plain scalars (resolve.go), YAML 1.1 style: {@code y}, {@code yes}, {@code on} are
 * booleans; {@code 0x1F}, {@code 0o17}, {@code 0755} and {@code 1_000} are integers; {@code .inf} and {@code .nan}
 * are floats; date-like scalars are timestamps (read back as strings, but quoted when written).
 */
final class YamlResolver {

    enum Kind {
        STR,
        BOOL,
        INT,
        FLOAT,
        NULL,
        TIMESTAMP,
        MERGE
    }

    /** The resolved tag and value: Boolean, Long or BigInteger (INT), Double (FLOAT), String, or null. */
    record Resolved(Kind kind, Object value) {}

    static final String STR_TAG = "tag:yaml.org,2002:str";
    static final String BOOL_TAG = "tag:yaml.org,2002:bool";
    static final String INT_TAG = "tag:yaml.org,2002:int";
    static final String FLOAT_TAG = "tag:yaml.org,2002:float";
    static final String NULL_TAG = "tag:yaml.org,2002:null";
    static final String TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp";
    static final String BINARY_TAG = "tag:yaml.org,2002:binary";
    static final String MERGE_TAG = "tag:yaml.org,2002:merge";
    static final String MAP_TAG = "tag:yaml.org,2002:map";
    static final String SEQ_TAG = "tag:yaml.org,2002:seq";

    private static final Map<String, Resolved> RESOLVE_MAP = buildResolveMap();

    private static Map<String, Resolved> buildResolveMap() {
        Map<String, Resolved> m = new java.util.HashMap<>();
        put(m, Kind.BOOL, true, "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        put(m, Kind.BOOL, false, "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        put(m, Kind.NULL, null, "", "~", "null", "Null", "NULL");
        put(m, Kind.FLOAT, Double.NaN, ".nan", ".NaN", ".NAN");
        put(m, Kind.FLOAT, Double.POSITIVE_INFINITY, ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        put(m, Kind.FLOAT, Double.NEGATIVE_INFINITY, "-.inf", "-.Inf", "-.INF");
        put(m, Kind.MERGE, "<<", "<<");
        return Map.copyOf(m);
    }

    private static void put(Map<String, Resolved> m, Kind kind, Object value, String... names) {
        for (String n : names) {
            m.put(n, new Resolved(kind, value));
        }
    }

    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?(?:Z|[+-](\\d{2}):(\\d{2})))"
            + "|(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?))?$");

    /** go-yaml v3's resolve map (resolve.go): YAML 1.2 booleans only, so {@code yes}, {@code on}, {@code y} stay strings. */
    private static final Map<String, Resolved> RESOLVE_MAP_V3 = buildResolveMapV3();

    private static Map<String, Resolved> buildResolveMapV3() {
        Map<String, Resolved> m = new java.util.HashMap<>();
        put(m, Kind.BOOL, true, "true", "True", "TRUE");
        put(m, Kind.BOOL, false, "false", "False", "FALSE");
        put(m, Kind.NULL, null, "", "~", "null", "Null", "NULL");
        put(m, Kind.FLOAT, Double.NaN, ".nan", ".NaN", ".NAN");
        put(m, Kind.FLOAT, Double.POSITIVE_INFINITY, ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        put(m, Kind.FLOAT, Double.NEGATIVE_INFINITY, "-.inf", "-.Inf", "-.INF");
        put(m, Kind.MERGE, "<<", "<<");
        return Map.copyOf(m);
    }

    private YamlResolver() {}

    /**
     * go-yaml v3's resolve("", in) for a plain scalar (kustomize's kyaml reads manifests with it): YAML 1.2 booleans,
     * integers through strconv.ParseInt/ParseUint with base prefixes (the YAML 1.1 octal {@code 0755} included),
     * floats, and timestamps, which v3 decodes into a {@code time.Time} (its JSON text: {@link #timestampJson}).
     * Integers beyond uint64 read as floats when they look like one (no big-integer fallback as in the sigs.k8s.io
     * v2 fork), hexadecimal ones as strings.
     */
    static Resolved resolvePlainV3(String in) {
        return resolve(in, true);
    }

    /**
     * The JSON text of the {@code time.Time} go-yaml v3 decodes a timestamp into (its parseTimestamp tries the layouts
     * {@code 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case t, {@code 2006-1-2 15:4:5.999999999} and
     * {@code 2006-1-2}), as time.Time.MarshalJSON writes it: RFC 3339 with the fraction's trailing zeros removed and
     * {@code Z} for a zero offset. Null when the text is not such a timestamp.
     */
    static String timestampJson(String s) {
        if (!isTimestamp(s)) {
            return null;
        }
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append(m.group(1)).append('-').append(pad2(m.group(2))).append('-').append(pad2(m.group(3)));
        boolean zoned = m.group(4) != null;
        String hour = zoned ? m.group(4) : m.group(9);
        if (hour == null) {
            return out.append("T00:00:00Z").toString();
        }
        out.append('T')
                .append(pad2(hour))
                .append(':')
                .append(pad2(zoned ? m.group(5) : m.group(10)))
                .append(':')
                .append(pad2(zoned ? m.group(6) : m.group(11)));
        int dot = s.indexOf('.', s.indexOf(':'));
        if (dot >= 0) {
            int end = dot + 1;
            while (end < s.length() && Character.isDigit(s.charAt(end))) {
                end++;
            }
            String digits = s.substring(dot + 1, Math.min(end, dot + 10)).replaceAll("0+$", "");
            if (!digits.isEmpty()) {
                out.append('.').append(digits);
            }
        }
        String zone = zoned ? s.substring(s.length() - (s.endsWith("Z") ? 1 : 6)) : "Z";
        if (!zone.equals("Z") && zone.substring(1).equals("00:00")) {
            zone = "Z";
        }
        return out.append(zone).toString();
    }

    private static String pad2(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    /** resolve("", in) for a plain scalar. */
    static Resolved resolvePlain(String in) {
        return resolve(in, false);
    }

    /** go-yaml v2's resolve.go, or v3's where they differ (booleans, big integers). */
    private static Resolved resolve(String in, boolean v3) {
        char hint = in.isEmpty() ? 'N' : hintOf(in.charAt(0));
        if (hint == 0) {
            return new Resolved(Kind.STR, in);
        }
        Resolved mapped = (v3 ? RESOLVE_MAP_V3 : RESOLVE_MAP).get(in);
        if (mapped != null) {
            return mapped;
        }
        if (v3 && RESOLVE_MAP.containsKey(in)) {
            return new Resolved(Kind.STR, in); // a YAML 1.1 bool such as "yes": a string in v3
        }
        switch (hint) {
            case '.' -> {
                // Not in the map, so maybe a normal float: go-yaml asks strconv.ParseFloat.
                Double floatv = GoStrconv.parseFloat(in);
                if (floatv != null) {
                    return new Resolved(Kind.FLOAT, floatv);
                }
            }
            case 'D', 'S' -> {
                if (isTimestamp(in)) {
                    return new Resolved(Kind.TIMESTAMP, in);
                }
                String plain = in.replace("_", "");
                Long intv = GoStrconv.parseInt(plain, 0);
                if (intv != null) {
                    return new Resolved(Kind.INT, intv);
                }
                BigInteger uintv = GoStrconv.parseUint(plain, 0);
                if (uintv != null) {
                    return new Resolved(Kind.INT, uintv);
                }
                if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
                    // ParseFloat fails past float64's range (1e400): go-yaml then reads the scalar as a string.
                    Double floatv = GoStrconv.parseFloat(plain);
                    if (floatv != null) {
                        return new Resolved(Kind.FLOAT, floatv);
                    }
                }
                if (plain.startsWith("0b")) {
                    BigInteger b = GoStrconv.parseBig(plain.substring(2), 2);
                    if (b != null && b.bitLength() <= 64) {
                        return new Resolved(Kind.INT, b.bitLength() <= 63 ? (Object) b.longValue() : b);
                    }
                } else if (plain.startsWith("-0b")) {
                    BigInteger b = GoStrconv.parseBig("-" + plain.substring(3), 2);
                    if (b != null && b.bitLength() <= 63) {
                        return new Resolved(Kind.INT, b.longValue());
                    }
                }
                // Out-of-range integers (e.g. huge hex) become big integers in the sigs.k8s.io fork (not in v3).
                BigInteger big = v3 ? null : GoStrconv.parseBig(plain, 0);
                if (big != null) {
                    return new Resolved(Kind.INT, big);
                }
            }
            default -> {}
        }
        return new Resolved(Kind.STR, in);
    }

    private static char hintOf(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        if (c == '.') {
            return '.';
        }
        if (c == '<') {
            // "<<" is in the resolve map, but '<' has no hint in go-yaml's table: "<<" resolves as a string there.
            return 0;
        }
        return 0;
    }

    /** Whether a string written unquoted would read back as something other than the same string. */
    static boolean needsQuoting(String s) {
        // Most keys and words start with a character go-yaml has no resolve hint for: a string, and never a base 60
        // float (which starts with a sign or a digit), so the answer needs no Resolved (toYaml asks for every string).
        if (!s.isEmpty() && hintOf(s.charAt(0)) == 0) {
            return false;
        }
        Resolved r = resolvePlain(s);
        return r.kind() != Kind.STR || isBase60Float(s);
    }

    static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
            return false;
        }
        // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ read by hand: Java's expression recurses once per ":nn"
        // part, and toYaml asks this of every string (a value of "1:1" x 5,000 overflowed the stack).
        int n = s.length();
        int i = c == '+' || c == '-' ? 1 : 0;
        if (i >= n || !isDigit(s.charAt(i))) {
            return false;
        }
        i = digitsOrUnderscores(s, i + 1);
        boolean part = false;
        while (i < n && s.charAt(i) == ':') {
            if (i + 1 >= n || !isDigit(s.charAt(i + 1))) {
                return false;
            }
            // Two digits when they fit [0-5][0-9]: one digit followed by a digit could not go on either.
            i += i + 2 < n && isDigit(s.charAt(i + 2)) && s.charAt(i + 1) <= '5' ? 3 : 2;
            part = true;
        }
        if (part && i < n && s.charAt(i) == '.') {
            i = digitsOrUnderscores(s, i + 1);
        }
        return part && i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsOrUnderscores(String s, int at) {
        int i = at;
        while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** go-yaml's parseTimestamp: the four layouts it tries with Go's time.Parse, including range checks. */
    static boolean isTimestamp(String s) {
        // The shortest timestamp, "2001-1-1", has 8 characters and a '-' after the four-digit year: anything else
        // fails the pattern, so versions, ports and quantities ("1.2.3", "8080", "100m") make no Matcher.
        if (s.length() < 8 || s.charAt(4) != '-' || !Character.isDigit(s.charAt(0))) {
            return false;
        }
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1
                || month > 12
                || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        // The hour, minute and second of the two layouts with a time (groups 4 to 6 and 9 to 11).
        if (above(m, 4, 23)
                || above(m, 5, 59)
                || above(m, 6, 59)
                || above(m, 9, 23)
                || above(m, 10, 59)
                || above(m, 11, 59)) {
            return false;
        }
        String tzh = m.group(7);
        if (tzh != null && (Integer.parseInt(tzh) > 24 || Integer.parseInt(m.group(8)) > 60)) {
            return false;
        }
        return true;
    }

    /** True when the pattern group matched and its number is above {@code max}. */
    private static boolean above(Matcher m, int group, int max) {
        String v = m.group(group);
        return v != null && Integer.parseInt(v) > max;
    }

    /** Resolution of a scalar carrying an explicit standard tag ({@code !!str}, {@code !!int}, ...). */
    static Resolved resolveTagged(String tag, String in) {
        switch (tag) {
            case STR_TAG -> {
                return new Resolved(Kind.STR, in);
            }
            case BINARY_TAG -> {
                return new Resolved(Kind.STR, in);
            }
            default -> {}
        }
        Resolved r;
        char hint = in.isEmpty() ? 'N' : hintOf(in.charAt(0));
        if (hint == 0 && !in.isEmpty()) {
            r = new Resolved(Kind.STR, in);
        } else {
            r = resolvePlain(in);
        }
        Kind wanted = switch (tag) {
            case BOOL_TAG -> Kind.BOOL;
            case INT_TAG -> Kind.INT;
            case FLOAT_TAG -> Kind.FLOAT;
            case NULL_TAG -> Kind.NULL;
            case TIMESTAMP_TAG -> Kind.TIMESTAMP;
            default -> null;
        };
        if (wanted == null || wanted == r.kind()) {
            return r;
        }
        if (wanted == Kind.FLOAT && r.kind() == Kind.INT && r.value() instanceof Long l) {
            return new Resolved(Kind.FLOAT, (double) l);
        }
        if (wanted == Kind.TIMESTAMP && r.kind() == Kind.STR) {
            throw new GoYamlException("yaml: cannot decode !!str `" + in + "` as a !!timestamp", -1, -1);
        }
        throw new GoYamlException(
                "yaml: cannot decode " + shortTag(r.kind()) + " `" + in + "` as a " + shortTagOf(tag), -1, -1);
    }

    private static String shortTag(Kind k) {
        return switch (k) {
            case STR -> "!!str";
            case BOOL -> "!!bool";
            case INT -> "!!int";
            case FLOAT -> "!!float";
            case NULL -> "!!null";
            case TIMESTAMP -> "!!timestamp";
            case MERGE -> "!!merge";
        };
    }

    static String shortTagOf(String tag) {
        String prefix = "tag:yaml.org,2002:";
        return tag.startsWith(prefix) ? "!!" + tag.substring(prefix.length()) : tag;
    }
}
