package dev.runway.render.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helm's chartutil.ProcessDependencies (enabled part): subcharts listed in Chart.yaml's {@code dependencies} may be
 * renamed by {@code alias} and switched off by {@code condition} (a values path to a bool) or {@code tags}; subcharts
 * under charts/ that Chart.yaml does not list always stay. Returns the chart with the subcharts that render.
 */
public final class Dependencies {
    private Dependencies() {
    }

    private static final class Requirement {
        String name;
        final String version;
        final String condition;
        final List<String> tags;
        boolean enabled = true;

        Requirement(Map<String, Object> raw) {
            this.name = string(raw.get("name"));
            this.version = string(raw.get("version"));
            this.condition = string(raw.get("condition"));
            List<String> t = new ArrayList<>();
            if (raw.get("tags") instanceof List<?> l) {
                l.forEach(o -> t.add(String.valueOf(o)));
            }
            this.tags = t;
        }
    }

    public static Chart resolve(Chart chart, Map<String, Object> userValues) {
        return resolve(chart, userValues == null ? Map.of() : userValues, "");
    }

    private static Chart resolve(Chart chart, Map<String, Object> values, String path) {
        List<Map<String, Object>> declared = chart.metadata().dependencies();
        if (declared.isEmpty()) {
            return chart;
        }
        List<Requirement> reqs = new ArrayList<>();
        for (Map<String, Object> raw : declared) {
            reqs.add(new Requirement(raw));
        }
        List<Chart> deps = new ArrayList<>();
        outer:
        for (Chart existing : chart.dependencies()) {
            for (Requirement r : reqs) {
                if (existing.name().equals(r.name) && compatible(r.version, existing.metadata().version())) {
                    continue outer;
                }
            }
            deps.add(existing);
        }
        for (int i = 0; i < reqs.size(); i++) {
            Requirement r = reqs.get(i);
            String alias = string(declared.get(i).get("alias"));
            for (Chart c : chart.dependencies()) {
                if (c.name().equals(r.name) && compatible(r.version, c.metadata().version())) {
                    deps.add(alias.isEmpty() ? c : renamed(c, alias));
                    break;
                }
            }
            if (!alias.isEmpty()) {
                r.name = alias;
            }
        }
        Chart withDeps = chart.withDependencies(deps);
        Map<String, Object> cvals = ValuesCoalescer.coalesce(withDeps, values);
        applyTags(reqs, cvals);
        applyConditions(reqs, cvals, path);
        Set<String> disabled = new HashSet<>();
        for (Requirement r : reqs) {
            if (!r.enabled) {
                disabled.add(r.name);
            }
        }
        List<Chart> kept = new ArrayList<>();
        for (Chart d : deps) {
            if (!disabled.contains(d.name())) {
                kept.add(resolve(d, cvals, path + d.name() + "."));
            }
        }
        return chart.withDependencies(kept);
    }

    private static Chart renamed(Chart c, String alias) {
        Map<String, Object> raw = new LinkedHashMap<>(c.metadata().raw());
        raw.put("name", alias);
        return new Chart(new ChartMetadata(raw, false), c.values(), c.schema(), c.templates(), c.files(),
                c.dependencies());
    }

    private static void applyTags(List<Requirement> reqs, Map<String, Object> cvals) {
        if (!(cvals.get("tags") instanceof Map<?, ?> tags)) {
            return;
        }
        for (Requirement r : reqs) {
            boolean hasTrue = false;
            boolean hasFalse = false;
            for (String k : r.tags) {
                if (tags.get(k) instanceof Boolean b) {
                    if (b) {
                        hasTrue = true;
                    } else {
                        hasFalse = true;
                    }
                }
            }
            r.enabled = hasTrue || !hasFalse;
        }
    }

    private static void applyConditions(List<Requirement> reqs, Map<String, Object> cvals, String path) {
        for (Requirement r : reqs) {
            for (String c : r.condition.strip().split(",")) {
                if (c.isEmpty()) {
                    continue;
                }
                Object v = pathValue(cvals, path + c);
                if (v instanceof Boolean b) {
                    r.enabled = b;
                    break;
                }
            }
        }
    }

    /** chartutil.Values.PathValue: a dotted path to a value; null when absent. */
    private static Object pathValue(Map<String, Object> values, String path) {
        Object current = values;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static boolean compatible(String range, String version) {
        if (range.isEmpty()) {
            return false;
        }
        try {
            return KubeVersionRange.satisfied(range, version);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String string(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** A key naming which subcharts render, and under which names, to reuse parsed templates. */
    public static String signature(Chart chart) {
        StringBuilder b = new StringBuilder(chart.name());
        if (!chart.dependencies().isEmpty()) {
            b.append('[');
            for (Chart d : chart.dependencies()) {
                b.append(signature(d)).append(',');
            }
            b.append(']');
        }
        return b.toString();
    }
}
