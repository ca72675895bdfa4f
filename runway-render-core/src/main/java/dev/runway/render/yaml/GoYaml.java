package dev.runway.render.yaml;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.gofmt.GoValues;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML as Helm reads and writes it through sigs.k8s.io/yaml: {@link #read} (values files, {@code fromYaml}) is
 * go-yaml v2 decoding followed by a JSON round trip, so numbers are float64 and keys strings; {@link #toYaml} is
 * json.Marshal followed by go-yaml v2 parsing and emission, with Helm's trailing newline trimmed.
 */
public final class GoYaml {

    /** The first line of Helm's fromYaml error when the document is not a map, before the Go type name. */
    static final String UNMARSHAL_PREFIX = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ";

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoYaml() {}

    /**
     * Reads the first YAML document as Helm does; throws {@link GoYamlException} (with line and column when known)
     * for YAML that Helm rejects. An empty document reads as null.
     */
    public static Object read(String text, String sourceName) {
        return YamlReader.read(text, sourceName);
    }

    /**
     * Like {@link #read}, but numbers keep go-yaml v2's types (Long or BigInteger for ints, Double for floats) for
     * decoders that convert them as sigs.k8s.io/yaml does for a typed target.
     */
    public static Object readYamlTyped(String text, String sourceName) {
        return YamlReader.read(text, sourceName, YamlReader.Mode.HELM_STRUCT);
    }

    /** {@link #read} without a source name. */
    public static Object read(String text) {
        return YamlReader.read(text, null);
    }

    /**
     * kustomize's reading of a resource, as {@code res.AsYAML()} starts it (kyaml RNode.MarshalJSON): go-yaml v3
     * decodes the first document into map[string]interface{} and encoding/json writes it. The result holds what that
     * JSON holds: maps, lists, strings, booleans, null, Long or BigInteger for integers and Double for floats;
     * timestamps are strings in time.Time's JSON form. Throws {@link GoYamlException} where kustomize fails (a
     * repeated key, a nested map with a non-string key, NaN or infinity, an escape libyaml does not know).
     */
    public static Object readKyaml(String text) {
        return YamlReader.read(text, null, YamlReader.Mode.KYAML_JSON);
    }

    /**
     * sigs.k8s.io/yaml.YAMLToJSON: go-yaml v2 decoding of the first document, map keys made strings, integers kept
     * as integers (Long or BigInteger), floats as Double. Errors carry go-yaml's text ({@code yaml: line 3: ...}).
     */
    public static Object yamlToJson(String text) {
        return YamlReader.read(text, null, YamlReader.Mode.YAML_TO_JSON);
    }

    /**
     * The Go value go-yaml v2 gives a plain (unquoted, untagged) scalar when decoding into interface{}: Boolean,
     * Long or BigInteger, Double, null, or the text itself (timestamps stay text).
     */
    public static Object plainScalarV2(String text) {
        YamlResolver.Resolved r = YamlResolver.resolvePlain(text);
        return switch (r.kind()) {
            case STR, TIMESTAMP, MERGE -> text;
            default -> r.value();
        };
    }

    /**
     * The first document as gopkg.in/yaml.v3 decodes it into interface{} (Long/BigInteger integers, Double floats,
     * only true/false booleans), for tools that follow yaml.v3 such as helm-unittest. An empty document is null.
     */
    public static Object readV3(String text, String sourceName) {
        return YamlReader.readV3(text, sourceName);
    }

    /**
     * gopkg.in/yaml.v3's Encoder with an indent of 2, the whole document with its trailing newline: sorted keys,
     * sequences indented under their keys, literal blocks for multi-line strings (helm-unittest's
     * TrustedMarshalYAML and snapshot files).
     */
    public static String marshalV3(Object v) {
        return YamlEmitter.emit(directValue(v, 0), true);
    }

    /** Helm's fromYaml: the document as a map, or a map holding {@code Error} with Go's message. */
    public static Map<String, Object> fromYaml(String text) {
        Map<String, Object> flat = FlatYamlMap.read(text);
        if (flat != null) {
            return flat;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            Object v = read(text);
            if (v == null) {
                return m;
            }
            if (v instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return typed;
            }
            m.put("Error", UNMARSHAL_PREFIX + GoJson.jsonKind(v) + " into Go value of type map[string]interface {}");
        } catch (GoYamlException e) {
            m.put("Error", e.getMessage());
        }
        return m;
    }

    /** Helm's fromYamlArray: the document as a list, or a one-element list holding Go's error message. */
    public static List<Object> fromYamlArray(String text) {
        try {
            Object v = read(text);
            if (v == null) {
                return new ArrayList<>();
            }
            if (v instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            return new ArrayList<>(
                    List.of(UNMARSHAL_PREFIX + GoJson.jsonKind(v) + " into Go value of type []interface {}"));
        } catch (GoYamlException e) {
            return new ArrayList<>(List.of(e.getMessage()));
        }
    }

    /** Helm's toYaml: sigs.k8s.io/yaml.Marshal with one trailing newline trimmed, or "" when marshalling fails. */
    public static String toYaml(Object v) {
        try {
            return mustToYaml(v);
        } catch (GoYamlException e) {
            return "";
        }
    }

    /**
     * Helm's mustToYaml: like {@link #toYaml}, but failing with Go's message: a value json.Marshal refuses
     * ({@code error marshaling into JSON: json: unsupported value: encountered a cycle via ...}) or one nested deeper
     * than go-yaml reads back ({@code yaml: exceeded max depth of 10000}).
     */
    public static String mustToYaml(Object v) {
        try {
            // The emitter drops the trailing newline from its buffer: no second copy of the text to cut it off.
            return YamlEmitter.emitTrimmed(emitterValue(v, 0, new Encoding()));
        } catch (GoJson.GoJsonException e) {
            throw new GoYamlException("error marshaling into JSON: " + e.getMessage(), -1, -1);
        }
    }

    /** go-yaml's max_flow_level: the JSON text sigs.k8s.io/yaml reads back may nest this deep. */
    private static final int MAX_DEPTH = 10_000;
    /** encoding/json's startDetectingCyclesAfter. */
    private static final int CYCLE_DEPTH = 1000;

    /**
     * A string after json.Marshal and go-yaml's reading of the JSON text: invalid UTF-16 becomes U+FFFD; characters
     * libyaml refuses as input (DEL, C1 controls, U+FFFE/U+FFFF), which JSON leaves unescaped, make the conversion
     * fail; a raw NEL (U+0085), a YAML 1.1 line break, is folded like a line break inside a double-quoted scalar.
     */
    static String throughJson(String s) {
        if (isAsciiBelowDel(s)) {
            return s; // the common case: nothing to replace, refuse or fold (toYaml passes every string here)
        }
        s = validUtf16(s);
        boolean hasNel = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x7F && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF) {
                throw new GoYamlException(
                        "error converting JSON to YAML: yaml: control characters are not allowed", -1, -1);
            }
            hasNel |= c == 0x85;
        }
        return hasNel ? foldNel(s) : s;
    }

    /** Like {@link #throughJson} for a map key, where a raw NEL breaks the key's line. */
    static String keyThroughJson(String s) {
        if (isAsciiBelowDel(s)) {
            return s;
        }
        String v = validUtf16(s);
        if (v.indexOf('\u0085') >= 0) {
            throw new GoYamlException("error converting JSON to YAML: yaml: could not find expected ':'", -1, -1);
        }
        return throughJson(v);
    }

    private static boolean isAsciiBelowDel(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String foldNel(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != 0x85) {
                sb.append(c);
                i++;
                continue;
            }
            int j = i;
            int breaks = 0;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == 0x85)) {
                if (s.charAt(j) == 0x85) {
                    breaks++;
                }
                j++;
            }
            if (breaks == 0) {
                sb.append(s, i, j);
            } else if (breaks == 1) {
                // Spaces after the first break are dropped; spaces before it too.
                sb.append(' ');
            } else {
                for (int k = 1; k < breaks; k++) {
                    sb.append('\n');
                }
            }
            i = j;
        }
        return sb.toString();
    }

    /**
     * Helm's toYamlPretty: gopkg.in/yaml.v3's Encoder with an indent of 2 straight over the values (no JSON step, so
     * float64 prints as Go's %v does: 1e+06), sequences indented under their keys, no line folding.
     */
    public static String toYamlPretty(Object v) {
        String s = YamlEmitter.emit(directValue(v, 0), true);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static Object directValue(Object v, int depth) {
        if ((v instanceof Map || v instanceof Collection) && depth >= MAX_DEPTH) {
            // go-yaml v3's encoder has no bound and Helm runs out of memory; stop with a message instead.
            throw dev.runway.render.gofmt.ValueLimits.tooDeep("toYamlPretty");
        }
        if (v == null) {
            return new YamlEmitter.ScalarValue("null", YamlEmitter.Style.PLAIN);
        }
        if (v instanceof Boolean b) {
            return new YamlEmitter.ScalarValue(b ? "true" : "false", YamlEmitter.Style.PLAIN);
        }
        if (v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) {
            return new YamlEmitter.ScalarValue(v.toString(), YamlEmitter.Style.PLAIN);
        }
        if (v instanceof Double || v instanceof Float) {
            String f = GoStrconv.formatFloat(((Number) v).doubleValue(), 'g', -1, v instanceof Float ? 32 : 64);
            f = switch (f) {
                case "+Inf" -> ".inf";
                case "-Inf" -> "-.inf";
                case "NaN" -> ".nan";
                default -> f;
            };
            return new YamlEmitter.ScalarValue(f, YamlEmitter.Style.PLAIN);
        }
        if (v instanceof String s) {
            return stringScalar(validUtf16(s));
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> byKey = new LinkedHashMap<>();
            java.util.Set<String> numericKeys = new java.util.HashSet<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                byKey.put(String.valueOf(e.getKey()), e.getValue());
                if (e.getKey() instanceof Integer || e.getKey() instanceof Long) {
                    numericKeys.add(String.valueOf(e.getKey()));
                }
            }
            Map<YamlEmitter.ScalarValue, Object> out = new LinkedHashMap<>();
            for (String k : YamlEmitter.sortByKey(byKey.keySet(), k -> k)) {
                // An integer key (a Go map[uint]string) is written plain; a string key is quoted when it reads
                // back as another type.
                out.put(
                        numericKeys.contains(k)
                                ? new YamlEmitter.ScalarValue(k, YamlEmitter.Style.PLAIN)
                                : stringScalar(k),
                        directValue(byKey.get(k), depth + 1));
            }
            return out;
        }
        if (v instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(directValue(item, depth + 1));
            }
            return out;
        }
        if (v instanceof GoJson.JsonMarshaler m) {
            return directValue(m.toJsonValue(), depth);
        }
        return stringScalar(GoFmt.formatValue(v));
    }

    /** sigs.k8s.io/yaml.Marshal: the full document including its trailing newline. */
    public static String marshal(Object v) {
        return YamlEmitter.emit(emitterValue(v, 0, new Encoding()));
    }

    /** What one emitterValue call tree shares: json.Marshal's cycle path and a buffer for reading strings. */
    private static final class Encoding {
        // The cycle check's set holds values only past CYCLE_DEPTH levels: start it at the smallest table, not 32.
        final java.util.Set<Object> path = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(1));
        private char[] chars = new char[64];

        /**
         * Whether every char of {@code s} is below DEL, so that the JSON round trip leaves it as it is. The chars are
         * taken with one getChars and read from the array: cold, a charAt call per character cost several times more.
         */
        boolean asciiBelowDel(String s) {
            int n = s.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            char[] c = chars;
            s.getChars(0, n, c, 0);
            for (int i = 0; i < n; i++) {
                if (c[i] >= 0x7F) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * json.Marshal's cycle check past {@link #CYCLE_DEPTH} levels, then go-yaml's depth limit on the JSON it reads
     * back: a map or list at nesting level {@code depth + 1}.
     */
    private static void enter(Object v, String type, int depth, Encoding encoding) {
        java.util.Set<Object> path = encoding.path;
        if (depth >= CYCLE_DEPTH && !path.add(v)) {
            throw new GoJson.GoJsonException("json: unsupported value: encountered a cycle via " + type);
        }
        if (depth >= MAX_DEPTH) {
            throw new GoYamlException("yaml: exceeded max depth of " + MAX_DEPTH, -1, -1);
        }
    }

    /** The value after json.Marshal and go-yaml's decoding of that JSON, shaped for the emitter. */
    private static Object emitterValue(Object v, int depth, Encoding encoding) {
        if (v == null
                || v instanceof dev.runway.render.gofmt.GoNilMap
                || (v instanceof dev.runway.render.gofmt.GoSlice slice && slice.isNil())) {
            return new YamlEmitter.ScalarValue("null", YamlEmitter.Style.PLAIN);
        }
        if (v instanceof Boolean b) {
            return new YamlEmitter.ScalarValue(b ? "true" : "false", YamlEmitter.Style.PLAIN);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            // Within int64: yamlNumber would give back Long.toString of the same value; no regex, no BigInteger.
            return new YamlEmitter.ScalarValue(v.toString(), YamlEmitter.Style.PLAIN);
        }
        if (v instanceof BigInteger) {
            return new YamlEmitter.ScalarValue(yamlNumber(v.toString()), YamlEmitter.Style.PLAIN);
        }
        if (v instanceof Double || v instanceof Float) {
            String json = GoJson.formatNumber(((Number) v).doubleValue(), v instanceof Float ? 32 : 64);
            return new YamlEmitter.ScalarValue(yamlNumber(json), YamlEmitter.Style.PLAIN);
        }
        if (v instanceof String s) {
            return stringScalar(encoding.asciiBelowDel(s) ? s : throughJson(s));
        }
        if (v instanceof byte[] bytes) {
            return stringScalar(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof dev.runway.render.gofmt.GoComplex) {
            throw GoJson.GoJsonException.unsupportedType("complex128");
        }
        if (v instanceof Map<?, ?> map) {
            enter(v, "map[string]interface {}", depth, encoding);
            List<Map.Entry<String, Object>> entries = new ArrayList<>(map.size());
            boolean keysChanged = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String json = encoding.asciiBelowDel(key) ? key : keyThroughJson(key);
                keysChanged |= !json.equals(key) || !(e.getKey() instanceof String);
                entries.add(new AbstractMap.SimpleImmutableEntry<>(json, e.getValue()));
            }
            if (keysChanged) {
                // Two keys may now be one (json.Marshal's U+FFFD, a key that is not a string): the later value wins,
                // at the earlier key's place, as in the JSON object go-yaml reads back.
                Map<String, Object> byKey = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : entries) {
                    byKey.put(e.getKey(), e.getValue());
                }
                entries = new ArrayList<>(byKey.entrySet());
            }
            // Distinct keys sorted with their values: no map from key to value to look each one up again.
            YamlEmitter.sortEntriesByKey(entries);
            Map<YamlEmitter.ScalarValue, Object> out = new LinkedHashMap<>(GoValues.mapCapacity(entries.size()));
            for (Map.Entry<String, Object> e : entries) {
                out.put(stringScalar(e.getKey()), emitterValue(e.getValue(), depth + 1, encoding));
            }
            encoding.path.remove(v);
            return out;
        }
        if (v instanceof Collection<?> list) {
            enter(v, "[]interface {}", depth, encoding);
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(emitterValue(item, depth + 1, encoding));
            }
            encoding.path.remove(v);
            return out;
        }
        if (v instanceof Object[] arr) {
            return emitterValue(List.of(arr), depth, encoding);
        }
        if (v instanceof GoJson.JsonMarshaler m) {
            return emitterValue(m.toJsonValue(), depth, encoding);
        }
        return stringScalar(GoFmt.formatValue(v));
    }

    /** A JSON number as go-yaml reads it back and writes it: int64 and uint64 as integers, else 'g' float64. */
    private static String yamlNumber(String json) {
        if (shortInteger(json)) {
            // At most 18 digits: always within int64, so BigInteger's answer is Long's.
            return Long.toString(Long.parseLong(json));
        }
        if (INTEGER.matcher(json).matches()) {
            BigInteger big = new BigInteger(json);
            if (big.bitLength() <= 63) {
                return Long.toString(big.longValue());
            }
            if (big.signum() > 0 && big.compareTo(UINT64_MAX) <= 0) {
                return big.toString();
            }
        }
        double d = Double.parseDouble(json);
        return GoStrconv.formatFloat(d, 'g', -1, 64);
    }

    /** True for {@code -?[0-9]{1,18}}: an integer that fits a long whatever its digits. */
    private static boolean shortInteger(String json) {
        int start = json.startsWith("-") ? 1 : 0;
        int digits = json.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** encode.go stringv: literal for multi-line text, plain unless it would read back as another type. */
    private static YamlEmitter.ScalarValue stringScalar(String s) {
        YamlEmitter.Style style;
        if (s.contains("\n")) {
            style = YamlEmitter.Style.LITERAL;
        } else if (!YamlResolver.needsQuoting(s)) {
            style = YamlEmitter.Style.PLAIN;
        } else {
            style = YamlEmitter.Style.DOUBLE_QUOTED;
        }
        return new YamlEmitter.ScalarValue(s, style);
    }

    /** json.Marshal replaces invalid UTF-8 (here: unpaired surrogates) with U+FFFD. */
    static String validUtf16(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                bad = true;
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
