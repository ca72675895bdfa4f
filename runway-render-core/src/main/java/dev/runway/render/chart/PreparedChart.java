package dev.runway.render.chart;

import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.template.ExecutionScope;
import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateParseException;
import dev.runway.render.template.TemplateSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart with its templates parsed once into a template set (Helm's engine.Render, split so that repeated
 * renders skip parsing). Templates are parsed deepest path first, so a parent's definitions win over a
 * subchart's; each non-partial template runs with its own chart's .Chart, .Files and .Values, and
 * {@code <no value>} is removed from its output. Thread-safe.
 */
public final class PreparedChart {
    /** Ordered as Helm renders (by name; no Comparator object, see {@link ChartRenderer#renderOrder}). */
    private record Template(String name, Chart chart, String chartPath) implements Comparable<Template> {
        @Override
        public int compareTo(Template other) {
            return ChartRenderer.renderOrder(name, other.name);
        }
    }

    private final Chart chart;
    private final List<Template> order;
    private final TemplateSet set;

    public PreparedChart(Chart chart, Map<String, TemplateFunction> functions) {
        this.chart = chart;
        List<Template> all = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        collect(chart, chart.name(), all, texts);
        all.sort(null);
        this.order = List.copyOf(all);
        this.set = new TemplateSet("gotpl", functions);
        for (Template t : order) {
            try {
                set.parse(t.name(), texts.get(t.name()));
            } catch (TemplateParseException e) {
                throw new RenderException(HelmErrors.parseError(t.name(), e));
            }
        }
    }

    private PreparedChart(Chart chart, List<Template> order, TemplateSet set) {
        this.chart = chart;
        this.order = order;
        this.set = set;
    }

    public Chart chart() {
        return chart;
    }

    /**
     * The same parsed templates for a chart of the same shape (chart names, subcharts and templates) whose metadata
     * or values differ, for example another chart version: nothing is parsed again.
     */
    public PreparedChart withChart(Chart sameShape) {
        return new PreparedChart(sameShape, order, set);
    }

    private static void collect(Chart chart, String fullPath, List<Template> out, Map<String, String> texts) {
        for (Chart sub : chart.dependencies()) {
            collect(sub, fullPath + "/charts/" + sub.name(), out, texts);
        }
        for (ChartFile f : chart.templates()) {
            if (chart.isLibrary() && !ChartRenderer.baseName(f.name()).startsWith("_")) {
                continue;
            }
            String name = fullPath + "/" + f.name();
            out.add(new Template(name, chart, fullPath));
            texts.put(name, f.text());
        }
    }

    /** Renders every template with the coalesced {@code values}; returns text per template path, in render order. */
    public Map<String, String> render(Map<String, Object> values, RenderOptions options, Capabilities capabilities) {
        return render(values, options, capabilities, 1);
    }

    /** As {@link #render(Map, RenderOptions, Capabilities)} with {@code .Release.Revision} set to {@code revision}. */
    public Map<String, String> render(
            Map<String, Object> values, RenderOptions options, Capabilities capabilities, int revision) {
        return render(values, options, capabilities, revision, null);
    }

    /**
     * As {@link #render(Map, RenderOptions, Capabilities, int)}, with {@code lookup} asking {@code cluster} (when
     * not null).
     */
    public Map<String, String> render(
            Map<String, Object> values,
            RenderOptions options,
            Capabilities capabilities,
            int revision,
            ClusterLookup cluster) {
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("Name", options.releaseName());
        release.put("Namespace", options.namespace());
        release.put("IsUpgrade", options.upgrade());
        release.put("IsInstall", !options.upgrade());
        release.put("Revision", revision);
        release.put("Service", "Helm");
        // By chart path, not by chart: one subchart aliased twice renders twice, each time with its own values.
        Map<String, Map<String, Object>> scopes = new java.util.HashMap<>();
        scope(
                chart,
                chart.name(),
                true,
                values,
                release,
                capabilities,
                options.helmVersion().isHelm4(),
                scopes);

        ExecutionScope execution = new ExecutionScope().with(ClusterLookup.class, cluster);
        Map<String, String> rendered = new LinkedHashMap<>();
        for (Template t : order) {
            if (ChartRenderer.baseName(t.name()).startsWith("_")) {
                continue;
            }
            Map<String, Object> vals = scopes.get(t.chartPath());
            Map<String, Object> template = new LinkedHashMap<>();
            template.put("Name", t.name());
            template.put("BasePath", t.chartPath() + "/templates");
            vals.put("Template", new HelmValues(template, capabilities.goPackage()));
            String out;
            try {
                // renderable.vals is a Values too: $ has its methods and type name (typeOf $, $.AsMap).
                out = set.execute(t.name(), new HelmValues(vals, capabilities.goPackage()), execution);
            } catch (TemplateExecException e) {
                throw new RenderException(HelmErrors.execError(t.name(), e, options.helmVersion()));
            }
            rendered.put(t.name(), out.replace("<no value>", ""));
        }
        return rendered;
    }

    /**
     * recAllTpls: each chart sees its own .Chart, .Files and .Values (its part of the parent's values). .Chart is
     * Helm 3's metadata struct, or in Helm 4 a map of the same fields.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> scope(
            Chart chart,
            String chartPath,
            boolean root,
            Map<String, Object> values,
            Map<String, Object> release,
            Capabilities capabilities,
            boolean helm4,
            Map<String, Map<String, Object>> out) {
        Map<String, Object> subcharts = new LinkedHashMap<>();
        Map<String, Object> next = new LinkedHashMap<>();
        ChartMetadata metadata = chart.metadata().asRoot(root);
        next.put("Chart", helm4 ? metadata.asHelm4Map() : metadata);
        next.put("Files", new ChartFiles(chart.files()));
        next.put("Release", release);
        next.put("Capabilities", capabilities);
        next.put("Values", new HelmValues(values, capabilities.goPackage()));
        next.put("Subcharts", subcharts);
        for (Chart sub : chart.dependencies()) {
            Object subValues = values.get(sub.name());
            Map<String, Object> sv = subValues instanceof Map ? (Map<String, Object>) subValues : new LinkedHashMap<>();
            subcharts.put(
                    sub.name(),
                    scope(sub, chartPath + "/charts/" + sub.name(), false, sv, release, capabilities, helm4, out));
        }
        out.put(chartPath, next);
        return next;
    }
}
