package dev.runway.render.gofmt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's value rules over the renderer's value model (see {@link GoFmt}), in one place for the template engine, the
 * functions and the checks: zero values and truth, reflect kinds and type names, text/template's basic kinds, Sprig's
 * strval, reflect.DeepEqual and a deep copy, and the JSON names Kubernetes gives a value.
 */
public final class GoValues {

    private GoValues() {}

    /** Engine objects (Go structs and pointers) tell their reflect kind. */
    public interface KindAware {
        String goKind();
    }

    /**
     * A named Go map type over {@code map[string]interface{}} (Helm's {@code Values}). Passed to a parameter of the
     * unnamed type, Go hands the function the plain map (same entries, no methods, so {@code merge .Values} returns
     * a {@code map[string]interface {}}); copystructure's copy keeps the name.
     */
    public interface NamedMap {
        Map<String, Object> underlying();

        /** The same named type over other entries. */
        Map<String, Object> withEntries(Map<String, Object> entries);
    }

    /** A function value (text/template's FuncMap entry): Go names its type {@code func(...)}. */
    public interface GoFunc {}

    /** text/template's basicKind classes; OTHER stands for its error case. */
    public enum Kind {
        INVALID,
        BOOL,
        INT,
        UINT,
        FLOAT,
        STRING,
        COMPLEX,
        OTHER
    }

    /** The zero value of its type: nil, "", 0, false, an empty map, slice or []byte (Sprig's empty). */
    public static boolean isZero(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Double d) {
            return d == 0;
        }
        if (v instanceof Float f) {
            return f == 0;
        }
        if (v instanceof GoComplex c) {
            return c.real() == 0 && c.imag() == 0;
        }
        if (v instanceof BigInteger b) {
            return b.signum() == 0;
        }
        if (v instanceof Number n) {
            return n.longValue() == 0;
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        if (v instanceof byte[] b) {
            return b.length == 0;
        }
        if (v instanceof Object[] a) {
            return a.length == 0;
        }
        return false;
    }

    /** text/template's isTrue: the zero value of a type is false; structs are true. */
    public static boolean truth(Object v) {
        return !isZero(v);
    }

    /** reflect.Value.Kind().String(); "invalid" for nil. */
    public static String kind(Object v) {
        if (v == null) {
            return "invalid";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof BigInteger) {
            return "uint64";
        }
        if (v instanceof Map) {
            return "map";
        }
        if (v instanceof List || v instanceof byte[]) {
            return "slice";
        }
        if (v instanceof KindAware k) {
            return k.goKind();
        }
        return "struct";
    }

    /** text/template's basicKind. */
    public static Kind basicKind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (isIntegral(v)) {
            return Kind.INT;
        }
        if (v instanceof BigInteger) {
            return Kind.UINT;
        }
        if (v instanceof Double || v instanceof Float) {
            return Kind.FLOAT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        if (v instanceof GoComplex) {
            return Kind.COMPLEX;
        }
        return Kind.OTHER;
    }

    /** A signed Go integer (int, int64, int16, int8). */
    public static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    /**
     * The Go type name of a value, as reflect prints it: {@link GoFmt#typeName}, except for what only the engine
     * holds (a function value; a byte, which here is always an element of a []byte, so uint8).
     */
    public static String typeName(Object v) {
        if (v instanceof GoFunc) {
            return "func(...interface {}) (interface {}, error)";
        }
        if (v instanceof Byte) {
            return "uint8";
        }
        return GoFmt.typeName(v);
    }

    /** The name Go's runtime gives a value's dynamic type in a panic ({@code interface {} is nil, not string}). */
    public static String runtimeTypeName(Object v) {
        return v == null ? "nil" : GoFmt.typeName(v);
    }

    /**
     * The Go type name of a value yaml.v3 decoded into interface{} (integers are {@code int} there; what is
     * not a YAML value is named by its Java class).
     */
    public static String yamlV3TypeName(Object v) {
        if (v instanceof Long) {
            return "int";
        }
        if (v == null
                || v instanceof BigInteger
                || v instanceof Double
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Map
                || v instanceof List) {
            return GoFmt.typeName(v);
        }
        return v.getClass().getSimpleName();
    }

    /** A slice: a list or a []byte. */
    public static boolean isList(Object v) {
        return v instanceof List || v instanceof byte[];
    }

    /** The elements of a slice ({@link #isList}); a []byte gives its bytes as ints. */
    public static List<Object> asList(Object v) {
        if (v instanceof byte[] bytes) {
            List<Object> out = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                out.add(b & 0xff);
            }
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) v;
        return l;
    }

    /** Go's len() of a string counts UTF-8 bytes. */
    public static int byteLength(String s) {
        return byteLength(s, 0, s.length());
    }

    /** The UTF-8 length of {@code s} from index {@code from} to {@code to}. */
    public static int byteLength(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                n++; // an unpaired low surrogate here is one escaped byte (GoBytes)
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** A Go string's bytes. */
    public static byte[] utf8(String s) {
        return GoBytes.bytes(s);
    }

    /** Sprig's strval: strings as they are, []byte as text, everything else as %v. */
    public static String strval(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return GoBytes.string(b);
        }
        return GoFmt.formatValue(v);
    }

    /** The JSON type name Kubernetes would see: string, number, boolean, null, array, object. */
    public static String jsonTypeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof List<?>) {
            return "array";
        } else if (value instanceof Map<?, ?>) {
            return "object";
        }
        return value.getClass().getSimpleName();
    }

    /** A scalar as JSON shows it: strings quoted, whole floats without ".0". */
    public static String jsonText(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return GoStrconv.formatGoFloat(d);
            }
            if (Math.abs(d) < 1e21 && d == Math.rint(d)) {
                return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
            }
            return Double.toString(d);
        } else if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    /** reflect.DeepEqual over the value model: types must match (int is not int64, []string is not []interface{}). */
    public static boolean deepEqual(Object a, Object b) {
        // Only maps and lists are visited: a scalar compared (has, uniq over a long list) needs no set.
        return deepEqual(a, b, a instanceof Map || a instanceof List ? new java.util.HashSet<>() : null, 0);
    }

    /** Two maps or lists compared at the same time, by identity (reflect.DeepEqual's visited set). */
    private record Visit(Object a, Object b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Visit v && v.a == a && v.b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    private static boolean deepEqual(Object a, Object b, java.util.Set<Visit> visited, int depth) {
        if (a == null || b == null) {
            return a == b;
        }
        if ((a instanceof Map || a instanceof List) && !visited.add(new Visit(a, b))) {
            // Already being compared further up: reflect.DeepEqual takes it as equal (cycles end here).
            return true;
        }
        if (depth > ValueLimits.MAX_NESTING) {
            throw ValueLimits.tooDeep("deepEqual");
        }
        if (!GoFmt.typeName(a).equals(GoFmt.typeName(b))) {
            return false;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !deepEqual(e.getValue(), mb.get(e.getKey()), visited, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (a instanceof GoSlice sa && b instanceof GoSlice sb && sa.isNil() != sb.isNil()) {
                return false;
            }
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!deepEqual(la.get(i), lb.get(i), visited, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] ba && b instanceof byte[] bb) {
            return Arrays.equals(ba, bb);
        }
        if (a instanceof Double da && b instanceof Double db) {
            return da.doubleValue() == db.doubleValue();
        }
        return a.equals(b);
    }

    /**
     * The capacity a HashMap or LinkedHashMap needs to hold {@code entries} without a resize (the default load factor,
     * 0.75): for copies whose size is known, which would otherwise grow from 16 and rehash on the way.
     */
    public static int mapCapacity(int entries) {
        return entries < 3 ? entries + 1 : (int) (entries / 0.75f) + 1;
    }

    /**
     * copystructure.Copy for maps and lists (scalars are immutable). A map that contains itself makes Sprig's
     * deepCopy run until memory ends; here it fails at {@link ValueLimits#MAX_NESTING} levels,
     * and a value shared many times over fails when the copy would outgrow the list bound.
     */
    public static Object deepCopy(Object v) {
        return deepCopy(v, 0, new int[1]);
    }

    private static Object deepCopy(Object v, int depth, int[] copied) {
        if ((v instanceof Map || v instanceof List) && depth > ValueLimits.MAX_NESTING) {
            throw ValueLimits.tooDeep("deepCopy");
        }
        if ((v instanceof Map || v instanceof List) && ++copied[0] > ValueLimits.MAX_LIST_ELEMENTS) {
            throw ValueLimits.tooManyElements();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), deepCopy(e.getValue(), depth + 1, copied));
            }
            return v instanceof NamedMap named ? named.withEntries(out) : out;
        }
        if (v instanceof GoSlice s) {
            if (s.isNil()) {
                return GoSlice.nilInterfaces();
            }
            List<Object> items = new ArrayList<>();
            for (Object o : s) {
                items.add(deepCopy(o, depth + 1, copied));
            }
            return s.elementType().equals("string")
                    ? GoSlice.ofStrings(items.stream().map(String::valueOf).toList())
                    : items;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(deepCopy(o, depth + 1, copied));
            }
            return out;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }
}
