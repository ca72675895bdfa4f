package dev.runway.render.output;

import dev.runway.render.RenderedChart;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Renders a {@link RenderRequest}: merges its values (values files, then the --set kinds, as Helm does) and runs
 * the chart. The build tools call this seam rather than the engine's classes, so a tool plugin stays a thin layer.
 * Failures are unchecked exceptions whose message is fit for a build log (Helm's own text for template errors).
 */
public interface ManifestRenderer {

    RenderedChart render(RenderRequest request);

    /** The renderer on the classpath of {@code loader} (the engine registers one as a service). */
    static ManifestRenderer find(ClassLoader loader) {
        Iterator<ManifestRenderer> found = ServiceLoader.load(ManifestRenderer.class, loader).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("no " + ManifestRenderer.class.getName()
                    + " on the classpath: this runway-render-core has no rendering engine");
        }
        return found.next();
    }
}
