package dev.runway.render.snapshot;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.manifest.ManifestStreamParser;

/**
 * Reads the text {@code helm template} prints back into a {@link RenderedChart}: one {@link RenderedManifest} per
 * YAML document, with the template it came from (the {@code # Source:} line Helm writes after each {@code ---}).
 * Useful to snapshot charts rendered by the real {@code helm} binary, or by anything that prints the same format.
 */
public final class RenderedCharts {

    private RenderedCharts() {}

    /**
     * Splits {@code helm template} output into manifests. Line endings may be LF or CRLF; documents that hold
     * only comments or whitespace are dropped (Helm drops them too). {@code apiVersion}, {@code kind},
     * {@code metadata.name} and {@code metadata.namespace} are read from each document.
     *
     * @throws IllegalArgumentException naming the document, its source and the line when a document is not YAML
     */
    public static RenderedChart parse(String helmTemplateOutput) {
        return ManifestStreamParser.parse(helmTemplateOutput, ManifestStreamParser.Mode.STRICT);
    }

    /** LF line endings, no byte-order mark: what every snapshot file and comparison works on. */
    static String normalizeLineEndings(String text) {
        return ManifestStreamParser.normalizeLineEndings(text);
    }
}
