package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoStrconv;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go reflection and conversion rules Sprig relies on: kinds, emptiness, strval, spf13/cast, reflect.DeepEqual. */
final class GoValues {

    private GoValues() {
    }

    /** reflect.Value.Kind().String(); "invalid" for nil. */
    static String kindOf(Object v) {
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

    /** Engine objects (Go structs and pointers) tell their reflect kind. */
    interface KindAware {
        String goKind();
    }

    static boolean isList(Object v) {
        return v instanceof List || v instanceof byte[];
    }

    static List<Object> asList(Object v) {
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

    /** Sprig's empty: the zero value of its type (nil, "", 0, false, empty collection). */
    static boolean empty(Object v) {
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
        return false;
    }

    /** Sprig's strval: strings as they are, []byte as text, everything else as %v. */
    static String strval(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return GoFmt.formatValue(v);
    }

    /** spf13/cast ToInt64: numbers truncate, strings parse (base prefixes, "1.00" trimmed), errors give 0. */
    static long toInt64(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return goFloatToInt64(((Number) v).doubleValue());
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            Long parsed = GoStrconv.parseInt(trimZeroDecimal(s), 0);
            return parsed == null ? 0 : parsed;
        }
        return 0;
    }

    /** Go's float64 to int64 conversion on amd64: truncation, and the minimum int64 when out of range. */
    static long goFloatToInt64(double d) {
        if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    static int toInt(Object v) {
        return (int) toInt64(v);
    }

    /** spf13/cast ToFloat64. */
    static double toFloat64(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                String t = s.trim().equals(s) ? s : null;
                if (t == null || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:inf|infinity|nan)")) {
                    return 0;
                }
                return Double.parseDouble(t.replaceAll("(?i)infinity|inf", "Infinity").replace("nan", "NaN")
                        .replace("NAN", "NaN").replace("Nan", "NaN"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String trimZeroDecimal(String s) {
        boolean foundZero = false;
        for (int i = s.length(); i > 0; i--) {
            char c = s.charAt(i - 1);
            if (c == '.') {
                if (foundZero) {
                    return s.substring(0, i - 1);
                }
            } else if (c == '0') {
                foundZero = true;
            } else {
                return s;
            }
        }
        return s;
    }

    /** reflect.DeepEqual over the value model: types must match (int is not int64, []string is not []interface{}). */
    static boolean deepEqual(Object a, Object b) {
        return deepEqual(a, b, new java.util.HashSet<>(), 0);
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
        if (depth > dev.runway.render.gofmt.ValueLimits.MAX_NESTING) {
            throw dev.runway.render.gofmt.ValueLimits.tooDeep("deepEqual");
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
     * copystructure.Copy for maps and lists (scalars are immutable). A map that contains itself makes Sprig's
     * deepCopy run until memory ends; here it fails at {@link dev.runway.render.gofmt.ValueLimits#MAX_NESTING} levels,
     * and a value shared many times over fails when the copy would outgrow the list bound.
     */
    static Object deepCopy(Object v) {
        return deepCopy(v, 0, new int[1]);
    }

    private static Object deepCopy(Object v, int depth, int[] copied) {
        if ((v instanceof Map || v instanceof List) && depth > dev.runway.render.gofmt.ValueLimits.MAX_NESTING) {
            throw dev.runway.render.gofmt.ValueLimits.tooDeep("deepCopy");
        }
        if ((v instanceof Map || v instanceof List)
                && ++copied[0] > dev.runway.render.gofmt.ValueLimits.MAX_LIST_ELEMENTS) {
            throw dev.runway.render.gofmt.ValueLimits.tooManyElements();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), deepCopy(e.getValue(), depth + 1, copied));
            }
            return out;
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
