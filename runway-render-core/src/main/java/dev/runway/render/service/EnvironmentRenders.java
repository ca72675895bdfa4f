package dev.runway.render.service;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderedChart;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders planned environments, all of them before anything is written. */
public final class EnvironmentRenders {

    private EnvironmentRenders() {}

    /**
     * The pure-Java engine, already loading and parsing the chart these settings render on another thread, so that
     * the planning that follows (reading the values files) and the chart's preparation use two cores (issue 19).
     * Settings whose chart or Helm version planning refuses start nothing: planning reports them as before.
     */
    public static ManifestRenderer engineFor(EnvironmentPlanner.Settings settings) {
        EngineManifestRenderer engine = new EngineManifestRenderer();
        HelmVersion version;
        ChartSource chart;
        try {
            version = HelmVersion.parse(settings.helmVersion());
            chart = EnvironmentPlanner.chart(settings.baseDirectory(), settings.chartDirectory());
        } catch (IllegalArgumentException | PipelineException e) {
            return engine;
        }
        engine.prepareInBackground(chart, version);
        return engine;
    }

    /**
     * Renders every environment before anything is written, so one failure leaves all earlier output alone.
     *
     * @param goal the goal's name for messages ({@code runway:render})
     * @throws PipelineException naming the environment and the render's inputs when one fails
     */
    public static Map<PlannedEnvironment, RenderedChart> renderAll(
            String goal, ManifestRenderer renderer, List<PlannedEnvironment> environments) throws PipelineException {
        Map<PlannedEnvironment, RenderedChart> rendered = new LinkedHashMap<>();
        for (PlannedEnvironment env : environments) {
            try {
                rendered.put(env, renderer.render(env.request()));
            } catch (RuntimeException e) {
                throw new PipelineException(
                        goal + " failed for environment '" + env.name() + "' (" + inputs(env.request()) + "):\n  "
                                + (e.getMessage() == null ? e.toString() : e.getMessage()),
                        e,
                        List.of());
            }
        }
        return rendered;
    }

    /** The inputs of a render in one line: chart, values files and the overrides that were given. */
    private static String inputs(RenderRequest request) {
        Path basedir = request.baseDirectory();
        StringBuilder out = new StringBuilder("chart ")
                .append(request.chart())
                .append(", values ")
                .append(request.valuesFiles().stream()
                        .map(file -> ProjectPaths.relative(basedir, file))
                        .toList());
        if (!request.set().isEmpty()) {
            out.append(", set ").append(request.set());
        }
        if (!request.setString().isEmpty()) {
            out.append(", setString ").append(request.setString());
        }
        if (!request.setFile().isEmpty()) {
            out.append(", setFile ").append(request.setFile());
        }
        return out.toString();
    }
}
