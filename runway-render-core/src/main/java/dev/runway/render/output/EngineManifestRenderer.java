package dev.runway.render.output;

import dev.runway.render.HelmRenderer;
import dev.runway.render.HelmVersion;
import dev.runway.render.RenderOptions;
import dev.runway.render.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.values.HelmSchemaValidator;
import dev.runway.render.values.MergedValues;

import java.util.HashMap;
import java.util.Map;

/**
 * The pure-Java engine behind {@link ManifestRenderer}: merges the request's values as {@code helm template -f ...
 * --set ...} does ({@link UserValues}), then renders with {@link HelmRenderer}. Each chart is loaded and its
 * templates parsed once per instance; the schema check of each render knows where every value came from, so a
 * schema error names the values file, line and column (or the {@code --set} flag) of the offending value.
 */
public final class EngineManifestRenderer implements ManifestRenderer {

    /** Each chart loaded and parsed once per Helm version (the version decides how values.yaml is read). */
    private final Map<Prepared, HelmRenderer> prepared = new HashMap<>();

    private record Prepared(ChartSource source, HelmVersion version) {
    }

    @Override
    public synchronized RenderedChart render(RenderRequest request) {
        MergedValues merged = request.mergeValues();
        ChartSource source = request.chart();
        HelmVersion version = request.helmVersion();
        HelmRenderer renderer = prepared.computeIfAbsent(new Prepared(source, version), key -> HelmRenderer.prepare(
                        source.onClasspath() ? Chart.loadClasspath(source.classpathName(), version)
                                : Chart.load(source.directory(), version)))
                .withValidator(HelmSchemaValidator.withOrigins(merged.origins()));
        return renderer.render(merged.values(), new RenderOptions(request.releaseName(), request.namespace(),
                request.kubeVersion(), false, true, version));
    }
}
