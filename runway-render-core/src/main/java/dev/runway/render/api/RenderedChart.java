package dev.runway.render.api;

import java.util.List;
import java.util.Objects;

/**
 * The result of rendering a chart: the manifests in Helm's install order and the joined text that
 * {@code helm template} prints ({@code ---}, {@code # Source: ...}, document, for each manifest).
 */
public record RenderedChart(List<RenderedManifest> manifests, String output) {
    public RenderedChart {
        manifests = List.copyOf(manifests);
        Objects.requireNonNull(output, "output");
    }
}
