package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;

/**
 * Renders a {@link RenderRequest}: merges its values (values files, then the --set kinds, as Helm does) and runs
 * the chart. The build tools call this seam rather than the engine's classes, so a tool plugin stays a thin layer.
 * Failures are unchecked exceptions whose message is fit for a build log (Helm's own text for template errors).
 */
public interface ManifestRenderer {

    RenderedChart render(RenderRequest request);

    /** The pure-Java engine. */
    static ManifestRenderer engine() {
        return new EngineManifestRenderer();
    }
}
