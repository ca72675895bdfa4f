package dev.runway.render.flux;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How kustomize-controller reads the YAML after substitution: sigs.k8s.io/yaml's YAMLToJSON, which decodes with
 * go-yaml v2 and therefore resolves plain scalars by YAML 1.1 rules (yaml.v2 resolve.go): {@code y}, {@code yes},
 * {@code on}, {@code true} (any of their spellings) are booleans, {@code ~} and {@code null} are null, integers may
 * be octal ({@code 0755}), hex or binary, underscores are ignored in numbers, and a decimal with a leading zero that
 * is not octal ({@code 012345678901}) becomes a float. Timestamps stay strings when decoded into interface{}.
 * Quoted and block scalars are always strings.
 *
 * <p>Go values follow the shared model: null, String, Boolean, Long (integers), Double (floats), List, Map.
 */
final class GoYamlV2 {

    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern GO_FLOAT = Pattern.compile(
            "[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?|[iI][nN][fF]([iI][nN][iI][tT][yY])?|[nN][aA][nN])");

    private GoYamlV2() {
    }

    /** The Go value of a composed node. */
    static Object toGoValue(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                out.add(toGoValue(item));
            }
            return out;
        } else if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = toGoValue(tuple.getKeyNode());
                out.put(keyString(key), toGoValue(tuple.getValueNode())); // later duplicates win, as in yaml.v2
            }
            return out;
        }
        return null;
    }

    private static String keyString(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Double d) {
            return GoValues.formatFloat(d);
        }
        return String.valueOf(key);
    }

    private static Object scalar(ScalarNode scalar) {
        if (!scalar.isResolved()) {
            // An explicit tag: !!str keeps the text; other standard tags resolve as their plain form would.
            if (scalar.getTag().equals(Tag.STR) || scalar.getTag().equals(Tag.BINARY)) {
                return scalar.getValue();
            }
            return resolvePlain(scalar.getValue());
        }
        if (!scalar.isPlain()) {
            return scalar.getValue();
        }
        return resolvePlain(scalar.getValue());
    }

    /** yaml.v2 resolve() for an untagged plain scalar. */
    static Object resolvePlain(String in) {
        switch (in) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
                return Boolean.TRUE;
            case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
                return Boolean.FALSE;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char first = in.charAt(0);
        if (first == '.') {
            Double f = parseGoFloat(in);
            return f != null ? f : in;
        }
        if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
            if (looksLikeTimestamp(in)) {
                return in; // timestamps decode to strings in interface{}
            }
            String plain = in.replace("_", "");
            Object integer = parseGoInt(plain);
            if (integer != null) {
                return integer;
            }
            if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
                Double f = parseGoFloat(plain);
                if (f != null) {
                    return f;
                }
            }
            if (plain.startsWith("0b") || plain.startsWith("-0b")) {
                boolean negative = plain.startsWith("-");
                String digits = plain.substring(negative ? 3 : 2);
                if (!digits.isEmpty() && digits.matches("[01]+")) {
                    BigInteger v = new BigInteger(digits, 2);
                    if (negative) {
                        v = v.negate();
                    }
                    if (v.bitLength() < 64) {
                        return v.longValue();
                    }
                }
            }
        }
        return in;
    }

    private static boolean looksLikeTimestamp(String in) {
        // yaml.v2 allowedTimestampFormats: 2006-1-2T15:4:5.999999999Z07:00, 2006-1-2t15:4:5..., "2006-1-2 15:4:5...", 2006-1-2
        return in.matches("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                + "([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?");
    }

    /** strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64): Long, BigInteger (beyond int64), or null. */
    static Object parseGoInt(String s) {
        boolean negative = false;
        String body = s;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        int radix = 10;
        String digits = body;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = body.substring(2);
            } else {
                radix = 8;
                digits = body.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        if (negative) {
            v = v.negate();
        }
        if (v.bitLength() < 64) {
            return v.longValue();
        }
        boolean signed = s.startsWith("+") || s.startsWith("-");
        if (!signed && v.signum() >= 0 && v.bitLength() <= 64) {
            return v; // uint64
        }
        return null;
    }

    /** strconv.ParseFloat(s, 64) for the decimal forms YAML can produce; null when Go would fail. */
    static Double parseGoFloat(String s) {
        if (!GO_FLOAT.matcher(s).matches()) {
            return null;
        }
        String lower = s.toLowerCase();
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            return null; // Go reports a range error
        }
        return d;
    }
}
