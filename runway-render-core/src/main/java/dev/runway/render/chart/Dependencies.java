package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.semver.SemverRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Helm does with a chart's {@code dependencies} before rendering (pkg/chart/v2/util/dependencies.go, Helm 4.1;
 * pkg/chartutil/dependencies.go, Helm 3.21):
 * <ul>
 *   <li>{@link #checkPresent}: action.CheckDependencies, every dependency of the chart must be in charts/;</li>
 *   <li>{@link #resolve}: ProcessDependencies. processDependencyEnabled renames subcharts by {@code alias} and drops
 *   those a {@code condition} (a values path to a bool) or {@code tags} switch off, recursively, each subchart's
 *   conditions read under its own key; subcharts under charts/ that Chart.yaml does not list (or lists with a version
 *   range they do not satisfy) stay. processDependencyImportValues then copies each enabled dependency's
 *   {@code import-values} (the {@code child}/{@code parent} form, or a name under the child's {@code exports}) into
 *   the parent's default values, deepest charts first, the parent's own values winning.</li>
 * </ul>
 */
public final class Dependencies {
    private Dependencies() {}

    /**
     * action.CheckDependencies for the chart being rendered: the dependencies its Chart.yaml (or requirements.yaml)
     * lists that no subchart in charts/ provides stop the render, as in {@code helm template}.
     */
    public static void checkPresent(Chart chart, HelmVersion version) {
        List<String> missing = new ArrayList<>();
        for (ChartDependency dep : chart.metadata().dependencies()) {
            if (chart.dependencies().stream().noneMatch(d -> d.name().equals(dep.name()))) {
                missing.add(dep.name());
            }
        }
        if (!missing.isEmpty()) {
            // Helm 3.21 starts the sentence with a capital A (cmd/helm/install.go), Helm 4 does not.
            throw new RenderException((version.isHelm4() ? "a" : "A")
                    + "n error occurred while checking for chart dependencies. You may need to run"
                    + " `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in"
                    + " charts/ directory: " + String.join(", ", missing));
        }
    }

    /**
     * ProcessDependencies: the chart with the subcharts that render, under their names, and imported values. Its
     * errors (values of the wrong type for a subchart) read as the Helm version prints them: Helm 4 after "chart
     * dependencies processing failed: " (pkg/action/install.go), Helm 3.21 without that prefix.
     */
    public static Chart resolve(Chart chart, Map<String, Object> userValues, HelmVersion version) {
        try {
            Chart enabled = processEnabled(chart, userValues == null ? Map.of() : userValues, "");
            return importValues(enabled);
        } catch (IllegalArgumentException e) {
            throw new RenderException(
                    (version.isHelm4() ? "chart dependencies processing failed: " : "") + e.getMessage(), e);
        }
    }

    // ---- processDependencyEnabled

    private static Chart processEnabled(Chart chart, Map<String, Object> values, String path) {
        if (!chart.metadata().hasDependencyList()) {
            return chart;
        }
        List<ChartDependency> reqs = chart.metadata().dependencies();
        List<Chart> deps = new ArrayList<>();
        // Subcharts that no dependency entry claims (by name and version range) stay as they are.
        for (Chart existing : chart.dependencies()) {
            boolean claimed = reqs.stream()
                    .anyMatch(r -> existing.name().equals(r.name())
                            && SemverRange.isCompatible(
                                    r.version(), existing.metadata().version()));
            if (!claimed) {
                deps.add(existing);
            }
        }
        List<ChartDependency> named = new ArrayList<>();
        for (ChartDependency req : reqs) {
            Chart aliased = aliasDependency(chart.dependencies(), req);
            if (aliased != null) {
                deps.add(aliased);
            }
            named.add(req.withName(req.effectiveName()).withEnabled(true));
        }
        Map<String, Object> cvals = ValuesCoalescer.coalesce(chart.withDependencies(deps), values);
        named = applyTags(named, cvals);
        named = applyConditions(named, cvals, path);
        Set<String> disabled = new HashSet<>();
        for (ChartDependency r : named) {
            if (!r.enabled()) {
                disabled.add(r.name());
            }
        }
        List<Chart> kept = new ArrayList<>();
        for (Chart d : deps) {
            if (!disabled.contains(d.name())) {
                kept.add(processEnabled(d, cvals, path + d.name() + "."));
            }
        }
        List<ChartDependency> keptReqs =
                named.stream().filter(r -> !disabled.contains(r.name())).toList();
        // Go appends the kept entries to a nil slice: none left means no dependency list at all.
        ChartMetadata meta = chart.metadata().withDependencies(keptReqs.isEmpty() ? null : keptReqs);
        return new Chart(meta, chart.values(), chart.schema(), chart.templates(), chart.files(), kept);
    }

    /**
     * getAliasDependency: the subchart a dependency entry names (same name, version in range), renamed to its alias.
     * Every alias gets a chart of its own, subcharts included (Helm 4, helm/helm#9150); charts here are immutable, so
     * each alias's subtree is resolved and rendered on its own.
     */
    private static Chart aliasDependency(List<Chart> charts, ChartDependency dep) {
        for (Chart c : charts) {
            if (c.name().equals(dep.name())
                    && SemverRange.isCompatible(dep.version(), c.metadata().version())) {
                return dep.alias().isEmpty()
                        ? c
                        : new Chart(
                                c.metadata().withName(dep.alias()),
                                c.values(),
                                c.schema(),
                                c.templates(),
                                c.files(),
                                c.dependencies());
            }
        }
        return null;
    }

    /** processDependencyTags: a true tag enables, only false tags disable; tags live at the top of the values. */
    private static List<ChartDependency> applyTags(List<ChartDependency> reqs, Map<String, Object> cvals) {
        if (!(cvals.get("tags") instanceof Map<?, ?> tags)) {
            return reqs;
        }
        List<ChartDependency> out = new ArrayList<>();
        for (ChartDependency r : reqs) {
            boolean hasTrue = false;
            boolean hasFalse = false;
            for (String tag : r.tags() == null ? List.<String>of() : r.tags()) {
                if (tags.get(tag) instanceof Boolean b) {
                    hasTrue |= b;
                    hasFalse |= !b;
                }
            }
            out.add(r.withEnabled(hasTrue || !hasFalse));
        }
        return out;
    }

    /** processDependencyConditions: the first condition path holding a bool decides; others are skipped. */
    private static List<ChartDependency> applyConditions(
            List<ChartDependency> reqs, Map<String, Object> cvals, String path) {
        List<ChartDependency> out = new ArrayList<>();
        for (ChartDependency r : reqs) {
            ChartDependency decided = r;
            for (String condition : r.condition().strip().split(",", -1)) {
                if (!condition.isEmpty() && pathValue(cvals, path + condition) instanceof Boolean b) {
                    decided = r.withEnabled(b);
                    break;
                }
            }
            out.add(decided);
        }
        return out;
    }

    /** chartutil.Values.PathValue: the non-table value at a dotted path, or null. */
    private static Object pathValue(Map<String, Object> values, String path) {
        String[] keys = path.split("\\.", -1);
        Map<String, Object> table = table(values, String.join(".", java.util.Arrays.copyOf(keys, keys.length - 1)));
        Object value = table == null ? null : table.get(keys[keys.length - 1]);
        return value instanceof Map ? null : value;
    }

    /** chartutil.Values.Table: the map at a dotted path ("" is the root), or null when some step is no map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> values, String path) {
        Map<String, Object> current = values;
        if (path.isEmpty()) {
            return current;
        }
        for (String key : path.split("\\.", -1)) {
            if (!(current.get(key) instanceof Map<?, ?> next)) {
                return null;
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    // ---- processDependencyImportValues (always with merge in helm template: nulls are kept)

    private static Chart importValues(Chart chart) {
        List<Chart> deps = new ArrayList<>();
        for (Chart d : chart.dependencies()) {
            deps.add(importValues(d));
        }
        Chart withDeps = chart.withDependencies(deps);
        if (!withDeps.metadata().hasDependencyList()) {
            return withDeps;
        }
        Map<String, Object> cvals = ValuesCoalescer.merge(withDeps, null);
        Map<String, Object> imported = new LinkedHashMap<>();
        List<ChartDependency> reqs = new ArrayList<>();
        for (ChartDependency r : withDeps.metadata().dependencies()) {
            List<Object> normalized = null;
            for (Object entry : r.importValues() == null ? List.of() : r.importValues()) {
                String child;
                String parent;
                if (entry instanceof Map<?, ?> m) {
                    child = GoFmt.sprintf("%v", m.get("child"));
                    parent = GoFmt.sprintf("%v", m.get("parent"));
                } else if (entry instanceof String s) {
                    child = "exports." + s;
                    parent = ".";
                } else {
                    continue;
                }
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("child", child);
                pair.put("parent", parent);
                if (normalized == null) {
                    normalized = new ArrayList<>();
                }
                normalized.add(pair);
                // A missing table is only a warning in Helm.
                Map<String, Object> table = table(cvals, r.name() + "." + child);
                if (table != null) {
                    imported = ValuesCoalescer.mergeTables(imported, pathToMap(parent, table));
                }
            }
            reqs.add(r.withImportValues(normalized));
        }
        Map<String, Object> values = ValuesCoalescer.mergeTables(ValuesCoalescer.deepCopyMap(cvals), imported);
        requireBoundedSize(withDeps.name(), values);
        return new Chart(
                withDeps.metadata().withDependencies(reqs),
                values,
                withDeps.schema(),
                withDeps.templates(),
                withDeps.files(),
                withDeps.dependencies());
    }

    /**
     * Most values a chart's defaults may hold once its imports are in. An import shares the child's table, and the
     * next level copies it, so a chain of subcharts that each import one table twice doubles the values per level:
     * Helm runs out of memory on such a chart; here it stops with a message.
     */
    static final long MAX_IMPORTED_VALUES = 1_000_000L;

    private static void requireBoundedSize(String chart, Map<String, Object> values) {
        if (count(values, 0) > MAX_IMPORTED_VALUES) {
            throw new RenderException("the import-values of chart " + chart + " make its default values hold more than "
                    + MAX_IMPORTED_VALUES + " values (imports that copy the same table again at every level of"
                    + " subcharts grow exponentially); import fewer or smaller tables");
        }
    }

    /** Values in the tree, shared tables counted as often as they appear; stops counting past the limit. */
    private static long count(Object value, long sofar) {
        long n = sofar + 1;
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                n = count(v, n);
                if (n > MAX_IMPORTED_VALUES) {
                    return n;
                }
            }
        } else if (value instanceof List<?> l) {
            for (Object v : l) {
                n = count(v, n);
                if (n > MAX_IMPORTED_VALUES) {
                    return n;
                }
            }
        }
        return n;
    }

    /** pathToMap: {@code data} nested under the dotted path; "." is the root itself. */
    private static Map<String, Object> pathToMap(String path, Map<String, Object> data) {
        if (path.equals(".")) {
            return data;
        }
        String[] keys = path.split("\\.", -1);
        Map<String, Object> current = data;
        for (int i = keys.length - 1; i >= 0; i--) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put(keys[i], current);
            current = outer;
        }
        return current;
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
