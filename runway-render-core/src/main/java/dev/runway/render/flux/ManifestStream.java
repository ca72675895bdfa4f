package dev.runway.render.flux;

import dev.runway.render.RenderedChart;
import dev.runway.render.RenderedManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code helm template} style text (documents separated by {@code ---} lines, each optionally headed by
 * {@code # Source: <template>}) back into manifests, for files on disk; and finds where each manifest of a
 * {@link RenderedChart} starts in its output, so findings can name lines of the file users see.
 */
public final class ManifestStream {

    private ManifestStream() {
    }

    /** A manifest and the number of output lines before its first line (0 when its text was not found). */
    public record Located(RenderedManifest manifest, int lineOffset) {
    }

    /** Splits multi-document YAML the way helm template prints it. Empty documents are dropped. */
    public static RenderedChart parse(String output) {
        List<RenderedManifest> manifests = new ArrayList<>();
        List<String> lines = output.lines().toList();
        StringBuilder current = new StringBuilder();
        String source = "";
        boolean sawSeparator = false;
        for (String line : lines) {
            if (isSeparator(line)) {
                add(manifests, source, current.toString());
                current.setLength(0);
                source = "";
                sawSeparator = true;
                continue;
            }
            if (current.isEmpty() && line.startsWith("# Source: ")) {
                source = line.substring("# Source: ".length()).trim();
                continue;
            }
            current.append(line).append('\n');
        }
        add(manifests, source, current.toString());
        return new RenderedChart(manifests, output);
    }

    private static boolean isSeparator(String line) {
        // fluxcd/pkg kustomize_varsub.go isDocSeparator: exactly "---" with optional trailing spaces or tabs.
        return line.startsWith("---") && line.substring(3).chars().allMatch(c -> c == ' ' || c == '\t');
    }

    private static void add(List<RenderedManifest> out, String source, String text) {
        if (text.isBlank() || text.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
            return;
        }
        String kind = "";
        String apiVersion = "";
        String name = "";
        String namespace = "";
        try {
            YamlTree tree = YamlTree.parse(text);
            kind = tree.string("kind").orElse("");
            apiVersion = tree.string("apiVersion").orElse("");
            name = tree.string("metadata", "name").orElse("");
            namespace = tree.string("metadata", "namespace").orElse("");
        } catch (YamlTree.YamlParseException e) {
            // Kept with empty identity; the scanner reports the YAML error with its position.
        }
        out.add(new RenderedManifest(source.isEmpty() ? "(document " + (out.size() + 1) + ")" : source,
                apiVersion, kind, name, namespace, text));
    }

    /** Each manifest with the line offset of its text in the chart's output. */
    public static List<Located> locate(RenderedChart chart) {
        List<Located> out = new ArrayList<>();
        String output = chart.output();
        int cursor = 0;
        for (RenderedManifest m : chart.manifests()) {
            int at = m.text().isEmpty() ? -1 : output.indexOf(m.text(), cursor);
            if (at < 0) {
                out.add(new Located(m, 0));
            } else {
                out.add(new Located(m, (int) output.substring(0, at).chars().filter(c -> c == '\n').count()));
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
