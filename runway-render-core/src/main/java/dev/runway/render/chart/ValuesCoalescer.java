package dev.runway.render.chart;

import dev.runway.render.gofmt.GoValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's chartutil coalescing: user values win over chart defaults, tables merge key by key, a null from the
 * user removes the default key, globals flow from a parent into every subchart, and each subchart's values live
 * under its name. The inputs are never changed.
 */
public final class ValuesCoalescer {
    private static final String GLOBAL = "global";

    private ValuesCoalescer() {}

    /** chartutil.CoalesceValues: a deep copy of {@code userValues} coalesced with the chart's defaults. */
    public static Map<String, Object> coalesce(Chart chart, Map<String, Object> userValues) {
        Map<String, Object> copy = deepCopyMap(userValues == null ? Map.of() : userValues);
        return coalesce(chart, copy, false);
    }

    /**
     * chartutil.MergeValues: like {@link #coalesce} but nulls are kept everywhere; Helm uses it to read a chart's
     * values for import-values.
     */
    static Map<String, Object> merge(Chart chart, Map<String, Object> values) {
        Map<String, Object> copy = deepCopyMap(values == null ? Map.of() : values);
        return coalesce(chart, copy, true);
    }

    /** chartutil.MergeTables: {@code src} merged into {@code dst}, dst winning, nulls kept; returns dst. */
    static Map<String, Object> mergeTables(Map<String, Object> dst, Map<String, Object> src) {
        return coalesceTables(dst, src, true);
    }

    private static Map<String, Object> coalesce(Chart chart, Map<String, Object> dest, boolean merge) {
        coalesceValues(chart, dest, merge);
        coalesceDeps(chart, dest, merge);
        return dest;
    }

    @SuppressWarnings("unchecked")
    private static void coalesceDeps(Chart chart, Map<String, Object> dest, boolean merge) {
        for (Chart sub : chart.dependencies()) {
            Object existing = dest.get(sub.name());
            if (!dest.containsKey(sub.name())) {
                existing = new LinkedHashMap<String, Object>();
                dest.put(sub.name(), existing);
            } else if (!(existing instanceof Map)) {
                throw new IllegalArgumentException(
                        dev.runway.render.gofmt.GoFmt.sprintf("type mismatch on %s: %t", sub.name(), existing));
            }
            Map<String, Object> dv = (Map<String, Object>) existing;
            coalesceGlobals(dv, dest);
            dest.put(sub.name(), coalesce(sub, dv, merge));
        }
    }

    @SuppressWarnings("unchecked")
    private static void coalesceGlobals(Map<String, Object> dest, Map<String, Object> src) {
        Map<String, Object> dg;
        Object destGlobal = dest.get(GLOBAL);
        if (destGlobal == null && !dest.containsKey(GLOBAL)) {
            dg = new LinkedHashMap<>();
        } else if (destGlobal instanceof Map) {
            dg = (Map<String, Object>) destGlobal;
        } else {
            return;
        }
        Map<String, Object> sg;
        Object srcGlobal = src.get(GLOBAL);
        if (srcGlobal == null && !src.containsKey(GLOBAL)) {
            sg = new LinkedHashMap<>();
        } else if (srcGlobal instanceof Map) {
            sg = (Map<String, Object>) srcGlobal;
        } else {
            return;
        }
        for (Map.Entry<String, Object> e : sg.entrySet()) {
            Object val = e.getValue();
            if (val instanceof Map) {
                Map<String, Object> vv = deepCopyMap((Map<String, Object>) val);
                Object destv = dg.get(e.getKey());
                if (!dg.containsKey(e.getKey())) {
                    dg.put(e.getKey(), vv);
                } else if (destv instanceof Map) {
                    coalesceTables(vv, (Map<String, Object>) destv, true);
                    dg.put(e.getKey(), vv);
                }
            } else if (!(dg.get(e.getKey()) instanceof Map)) {
                dg.put(e.getKey(), val);
            }
        }
        dest.put(GLOBAL, dg);
    }

    @SuppressWarnings("unchecked")
    private static void coalesceValues(Chart chart, Map<String, Object> v, boolean merge) {
        Map<String, Object> defaults = deepCopyMap(chart.values());
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            String key = e.getKey();
            Object val = e.getValue();
            if (v.containsKey(key)) {
                Object value = v.get(key);
                if (value == null && !merge) {
                    v.remove(key);
                } else if (value instanceof Map) {
                    if (val instanceof Map) {
                        boolean childMerge = merge || isSubchart(chart, key);
                        coalesceTables((Map<String, Object>) value, (Map<String, Object>) val, childMerge);
                    }
                }
            } else {
                v.put(key, val);
            }
        }
    }

    private static boolean isSubchart(Chart chart, String key) {
        for (Chart sub : chart.dependencies()) {
            if (sub.name().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * coalesceTablesFullKey: dst wins. Unless merging, a null in dst deletes the key when it overrides a non-null
     * value of src (the user removing a chart default); a null for a key src lacks or holds null stays (Helm 3.21 and
     * 4.1.3+, pkg/chart/common/util/coalesce.go, srcOriginalNonNil).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> coalesceTables(Map<String, Object> dst, Map<String, Object> src, boolean merge) {
        if (src == null) {
            return dst;
        }
        // The null handling below needs a null in dst; most tables have none, and skipping it saves a set and a copy
        // of dst's entries per table on every render.
        java.util.Set<String> srcNonNil = hasNullValue(dst) ? nullsIntoSource(dst, src) : null;
        for (Map.Entry<String, Object> e : src.entrySet()) {
            String key = e.getKey();
            Object val = e.getValue();
            boolean present = dst.containsKey(key);
            Object dv = dst.get(key);
            if (present && !merge && dv == null && srcNonNil != null && srcNonNil.contains(key)) {
                dst.remove(key);
            } else if (!present) {
                dst.put(key, val);
            } else if (val instanceof Map && dv instanceof Map) {
                coalesceTables((Map<String, Object>) dv, (Map<String, Object>) val, merge);
            }
        }
        return dst;
    }

    private static boolean hasNullValue(Map<String, Object> map) {
        for (Object v : map.values()) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys whose value in {@code src} is not null, taken before each key holding null in {@code dst} is put into
     * {@code src} with a null value.
     */
    private static java.util.Set<String> nullsIntoSource(Map<String, Object> dst, Map<String, Object> src) {
        java.util.Set<String> srcNonNil = new java.util.HashSet<>();
        for (Map.Entry<String, Object> e : src.entrySet()) {
            if (e.getValue() != null) {
                srcNonNil.add(e.getKey());
            }
        }
        for (Map.Entry<String, Object> e : new ArrayList<>(dst.entrySet())) {
            if (e.getValue() == null) {
                src.put(e.getKey(), null);
            }
        }
        return srcNonNil;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopyMap(Map<String, Object> map) {
        // Sized for the entries it gets: every render copies the chart's defaults, and growing from the default
        // capacity was most of the coalescer's allocation.
        Map<String, Object> copy = new LinkedHashMap<>(GoValues.mapCapacity(map.size()));
        for (Map.Entry<String, Object> e : map.entrySet()) {
            copy.put(e.getKey(), deepCopy(e.getValue()));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopyMap((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(deepCopy(o));
            }
            return copy;
        }
        return v;
    }
}
