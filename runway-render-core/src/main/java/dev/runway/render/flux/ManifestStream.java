package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.text.TextPositions;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code helm template} style text (documents separated by {@code ---} lines, each optionally headed by
 * {@code # Source: <template>}) back into manifests, for files on disk; and finds where each manifest of a
 * {@link RenderedChart} starts in its output, so findings can name lines of the file users see.
 */
public final class ManifestStream {

    private ManifestStream() {}

    /** A manifest and the number of output lines before its first line (0 when its text was not found). */
    public record Located(RenderedManifest manifest, int lineOffset) {}

    /**
     * Reads helm template output leniently ({@link ManifestStreamParser.Mode#LENIENT}): a document that is not YAML
     * is kept with an empty identity, for the scanner to report with its position. Documents without a
     * {@code # Source:} line are named {@code (document N)}.
     */
    public static RenderedChart parse(String output) {
        RenderedChart parsed = ManifestStreamParser.parse(output, ManifestStreamParser.Mode.LENIENT);
        List<RenderedManifest> manifests = new ArrayList<>();
        for (RenderedManifest m : parsed.manifests()) {
            manifests.add(
                    m.source().isEmpty()
                            ? new RenderedManifest(
                                    "(document " + (manifests.size() + 1) + ")",
                                    m.apiVersion(),
                                    m.kind(),
                                    m.name(),
                                    m.namespace(),
                                    m.text())
                            : m);
        }
        return new RenderedChart(manifests, parsed.output());
    }

    /** Each manifest with the line offset of its text in the chart's output. */
    public static List<Located> locate(RenderedChart chart) {
        List<Located> out = new ArrayList<>();
        String output = chart.output();
        TextPositions lines = null; // made at the first manifest found: one pass over the output for all of them
        int cursor = 0;
        for (RenderedManifest m : chart.manifests()) {
            int at = m.text().isEmpty() ? -1 : output.indexOf(m.text(), cursor);
            if (at < 0) {
                out.add(new Located(m, 0));
            } else {
                if (lines == null) {
                    lines = new TextPositions(output);
                }
                out.add(new Located(m, lines.line(at) - 1));
                cursor = at + m.text().length();
            }
        }
        return out;
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace. */
    public static String resourceId(RenderedManifest m) {
        String kind = m.kind().isEmpty() ? "(no kind)" : m.kind();
        return m.namespace().isEmpty() ? kind + "/" + m.name() : kind + "/" + m.namespace() + "/" + m.name();
    }
}
