package dev.runway.render.values;

import dev.runway.render.gofmt.GoStrconv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers on Go value trees (the shared value model: Map, List, String, Boolean, Long, Double, null). */
public final class ValueTrees {
    private ValueTrees() {}

    /** A deep copy made of mutable {@link LinkedHashMap}s and {@link ArrayList}s, so parsers may change it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutableCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            out.put(e.getKey(), copyValue(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mutableCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(copyValue(item));
            }
            return out;
        }
        return value;
    }

    /**
     * Helm's {@code mergeMaps} for user values (pkg/cli/values): keys of {@code b} win; where both sides hold a
     * map the two are merged key by key; anything else (lists too) is replaced whole. A null in {@code b} stays
     * a null (it deletes a chart default later, when the engine coalesces).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> bv && out.get(k) instanceof Map<?, ?> av) {
                out.put(k, mergeMaps((Map<String, Object>) av, (Map<String, Object>) bv));
            } else {
                out.put(k, v);
            }
        }
        return out;
    }

    /** The value at {@code path}, or {@link java.util.Optional#empty()} when the path does not exist. */
    public static java.util.Optional<Object> at(Map<String, Object> root, ValuesPath path) {
        Object current = root;
        for (Object segment : path.segments()) {
            if (segment instanceof String key && current instanceof Map<?, ?> map && map.containsKey(key)) {
                current = map.get(key);
            } else if (segment instanceof Integer index && current instanceof List<?> list && index < list.size()) {
                current = list.get(index);
            } else {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(current == null ? NULL : current);
    }

    /** Stands for a present null in {@link #at}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** How a person would name what a value is: {@code a string "x"}, {@code the number 3}, {@code a map}. */
    public static String describe(Object value) {
        if (value == null || value == NULL) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string " + GoStrconv.quote(s);
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Long || value instanceof Integer) {
            return "the number " + value;
        }
        if (value instanceof Double d) {
            return "the number "
                    + (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "an empty map" : "a map with keys " + new java.util.TreeSet<>(map.keySet());
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "an empty list" : "a list of " + list.size();
        }
        return value.toString();
    }

    /** The kind of a value in a few words: {@code a string}, {@code a list}, {@code a map}. */
    public static String describeKind(Object value) {
        if (value == null || value == NULL) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value.getClass().getSimpleName();
    }
}
