package dev.runway.render.values;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.ScalarStyle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Source positions from a composed snakeyaml-engine node tree, keyed by values paths. Map keys are named the way
 * Helm's reader (sigs.k8s.io/yaml over go-yaml v2) names them, YAML 1.1 style ({@code y:} is the key "true"),
 * so a path from the Go values finds its line and column.
 */
final class YamlNodes {
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private YamlNodes() {
    }

    /** The tag given to untagged plain scalars, so that go-yaml's own resolution can be applied afterwards. */
    static final Tag IMPLICIT = new Tag("tag:runway.dev,2026:implicit");

    /** A schema that leaves plain scalars unresolved (go-yaml v2's YAML 1.1 rules are applied by {@link #scalar}). */
    static final org.snakeyaml.engine.v2.schema.Schema UNRESOLVED = new org.snakeyaml.engine.v2.schema.Schema() {
        @Override
        public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
            return (value, implicit) -> Boolean.TRUE.equals(implicit) ? IMPLICIT : Tag.STR;
        }

        @Override
        public Map<Tag, org.snakeyaml.engine.v2.api.ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    /** Where each value (and each map key) starts in the file. */
    record Positions(Map<ValuesPath, SourcePosition> values, Map<ValuesPath, SourcePosition> keys) {
    }

    static SourcePosition position(String file, Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    static SourcePosition position(String file, Node node) {
        return node.getStartMark().map(m -> position(file, m)).orElse(new SourcePosition(file, 1, 1));
    }

    static Positions positions(Node root, String file) {
        Map<ValuesPath, SourcePosition> values = new LinkedHashMap<>();
        Map<ValuesPath, SourcePosition> keys = new LinkedHashMap<>();
        walk(root, ValuesPath.ROOT, file, values, keys, 0);
        return new Positions(values, keys);
    }

    private static void walk(Node node, ValuesPath path, String file, Map<ValuesPath, SourcePosition> values,
                             Map<ValuesPath, SourcePosition> keys, int depth) {
        if (depth > 10_000) {
            return;
        }
        values.putIfAbsent(path, position(file, node));
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (isMergeKey(tuple.getKeyNode())) {
                    continue;
                }
                ValuesPath child = path.child(keyString(tuple.getKeyNode(), file));
                keys.put(child, position(file, tuple.getKeyNode()));
                values.remove(child); // a later duplicate would win; keep the last one
                walk(tuple.getValueNode(), child, file, values, keys, depth + 1);
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                walk(seq.getValue().get(i), path.child(i), file, values, keys, depth + 1);
            }
        }
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && s.getValue().equals("<<");
    }

    /** A map key as sigs.k8s.io/yaml turns it into a JSON object key. */
    static String keyString(Node key, String file) {
        if (!(key instanceof ScalarNode scalar)) {
            throw new ValuesFileException(file, position(file, key), "a map key must be a plain value, not a map or a list");
        }
        Object value = scalar(scalar);
        if (value == null) {
            return "null";
        }
        if (value instanceof Long l) {
            return Long.toString(l);
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString(d.longValue()) : d.toString();
        }
        return value.toString();
    }

    /** go-yaml v2's resolution of a scalar: null, bool, int64 (Long), float64 (Double) or string. */
    static Object scalar(ScalarNode node) {
        String in = node.getValue();
        Tag tag = node.getTag();
        if (node.getScalarStyle() != ScalarStyle.PLAIN || !IMPLICIT.equals(tag) && !isResolvableTag(tag)) {
            return in;
        }
        switch (in) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE":
                return Boolean.TRUE;
            case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE":
                return Boolean.FALSE;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                break;
        }
        char first = in.charAt(0);
        if ("+-0123456789.".indexOf(first) < 0) {
            return in;
        }
        String plain = in.replace("_", "");
        Long integer = goParseIntBase0(plain);
        if (integer != null) {
            return integer;
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            try {
                return Double.parseDouble(plain);
            } catch (NumberFormatException e) {
                return in;
            }
        }
        return in;
    }

    private static boolean isResolvableTag(Tag tag) {
        return Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag);
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}: decimal, 0x hex, 0o or leading-0 octal, 0b binary. */
    private static Long goParseIntBase0(String s) {
        String body = s;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            body = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        for (char c : body.toCharArray()) {
            if (Character.digit(c, radix) < 0 || c > 'z') {
                return null;
            }
        }
        try {
            return Long.parseLong((negative ? "-" : "") + body, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
