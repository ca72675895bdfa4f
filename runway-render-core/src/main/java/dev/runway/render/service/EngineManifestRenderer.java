package dev.runway.render.service;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.HelmSchemaValidator;
import dev.runway.render.docs.ValueComment;
import dev.runway.render.docs.ValueCommentParser;
import dev.runway.render.values.MergedValues;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pure-Java engine behind {@link ManifestRenderer}: merges the request's values as {@code helm template -f ...
 * --set ...} does ({@link RequestValues}), then renders with {@link HelmRenderer}. Each chart is loaded and its
 * templates parsed once per instance; the schema check of each render knows where every value came from, so a
 * schema error names the values file, line and column (or the {@code --set} flag) of the offending value, and a
 * required value left unset says where to set it ({@link ServiceSchemaValidator}).
 */
public final class EngineManifestRenderer implements ManifestRenderer {

    /** Each chart loaded and parsed once per Helm version (the version decides how values.yaml is read). */
    private final Map<ChartKey, Prepared> prepared = new HashMap<>();

    /** Charts being loaded and parsed on another thread ({@link #prepareInBackground}), until a render takes them. */
    private final Map<ChartKey, HeadStart<Prepared>> preparing = new HashMap<>();

    /**
     * Written-out equals and hashCode: records' generated ones bootstrap through java.lang.runtime.ObjectMethods,
     * which spins many method-handle classes the first time in a JVM (issue 19).
     */
    private record ChartKey(ChartSource source, HelmVersion version) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ChartKey k && source.equals(k.source) && version == k.version;
        }

        @Override
        public int hashCode() {
            return 31 * source.hashCode() + version.hashCode();
        }
    }

    /** A chart ready to render, with its schemas' validator (compiled once for all renders) and its comments. */
    private record Prepared(HelmRenderer renderer, HelmSchemaValidator schemas, ValuesComments comments) {}

    /**
     * The chart's values.yaml comments, read the first time a missing value needs its description: most renders
     * never do, and the read is a pass over the whole values file (issue 19).
     */
    private static final class ValuesComments implements Supplier<Map<String, ValueComment>> {
        private final ChartSource source;
        private Map<String, ValueComment> comments;

        ValuesComments(ChartSource source) {
            this.source = source;
        }

        @Override
        public synchronized Map<String, ValueComment> get() {
            if (comments == null) {
                comments = source.readFile("values.yaml")
                        .map(ValueCommentParser::parse)
                        .orElse(Map.of());
            }
            return comments;
        }
    }

    /**
     * Starts loading and parsing the chart on another thread, so that this cold work (class loading, template
     * parsing) overlaps with what the caller does meanwhile, such as reading values files (issue 19). Only a head
     * start: a render of this chart waits for it, and when it failed, the render loads the chart itself and fails
     * as it would have without it, with the same message and at the same point.
     */
    public synchronized void prepareInBackground(ChartSource source, HelmVersion version) {
        ChartKey key = new ChartKey(source, version);
        if (prepared.containsKey(key) || preparing.containsKey(key)) {
            return;
        }
        preparing.put(key, HeadStart.start("runway-chart-prepare", List.of(() -> prepareWithSchemas(source, version))));
    }

    @Override
    public RenderedChart render(RenderRequest request) {
        MergedValues merged = request.mergeValues();
        HelmVersion version = request.helmVersion();
        Prepared chart = preparedChart(request.chart(), version);
        HelmRenderer renderer = chart.renderer()
                .withValidator(new ServiceSchemaValidator(
                        chart.schemas(), merged.origins(), whereToSet(request), chart.comments()));
        return renderer.render(
                merged.values(),
                new RenderOptions(
                        request.releaseName(), request.namespace(), request.kubeVersion(), false, true, version));
    }

    /** The chart loaded and parsed once (by the background preparation when there was one), for every render. */
    private synchronized Prepared preparedChart(ChartSource source, HelmVersion version) {
        ChartKey key = new ChartKey(source, version);
        Prepared chart = prepared.get(key);
        if (chart == null) {
            chart = preparedInBackground(key).orElseGet(() -> prepare(source, version));
            prepared.put(key, chart);
        }
        return chart;
    }

    private static Prepared prepare(ChartSource source, HelmVersion version) {
        return prepared(source, load(source, version));
    }

    private static Chart load(ChartSource source, HelmVersion version) {
        return source.onClasspath()
                ? Chart.loadClasspath(source.classpathName(), version)
                : Chart.load(source.directory(), version);
    }

    private static Prepared prepared(ChartSource source, Chart chart) {
        return new Prepared(HelmRenderer.prepare(chart), new HelmSchemaValidator(), new ValuesComments(source));
    }

    /**
     * {@link #prepare} and the schemas compiled too, off the render's thread: reading runway-eks's schema is a cold
     * pass over 19 KB of JSON. A schema that does not compile is left to the render's check, which compiles it again
     * and reports it where it always has.
     */
    private static Prepared prepareWithSchemas(ChartSource source, HelmVersion version) {
        Chart chart = load(source, version);
        Prepared prepared = prepared(source, chart);
        try {
            prepared.schemas().compileSchemas(chart);
        } catch (RuntimeException e) {
            // reported by the render's check, in order after the values and the templates
        }
        return prepared;
    }

    /**
     * The background preparation of this chart when there was one and it succeeded; waits for it to end. When it
     * failed, the caller prepares again, so the failure surfaces as without a head start.
     */
    private Optional<Prepared> preparedInBackground(ChartKey key) {
        HeadStart<Prepared> headStart = preparing.remove(key);
        return headStart == null ? Optional.empty() : Optional.ofNullable(headStart.result(0));
    }

    /** The values file a missing value belongs in: the request's first, else the Runway convention. */
    private static String whereToSet(RenderRequest request) {
        List<Path> files = request.valuesFiles();
        return files.isEmpty()
                ? RequestValues.DEFAULT_VALUES_FILE + " (or with --set)"
                : request.displayName(files.get(0));
    }
}
