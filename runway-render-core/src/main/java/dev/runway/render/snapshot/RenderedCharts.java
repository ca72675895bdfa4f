package dev.runway.render.snapshot;

import dev.runway.render.RenderedChart;
import dev.runway.render.RenderedManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the text {@code helm template} prints back into a {@link RenderedChart}: one {@link RenderedManifest} per
 * YAML document, with the template it came from (the {@code # Source:} line Helm writes after each {@code ---}).
 * Useful to snapshot charts rendered by the real {@code helm} binary, or by anything that prints the same format.
 */
public final class RenderedCharts {

    private static final String SOURCE_PREFIX = "# Source: ";

    private RenderedCharts() {
    }

    /**
     * Splits {@code helm template} output into manifests. Line endings may be LF or CRLF; documents that hold
     * only comments or whitespace are dropped (Helm drops them too). {@code apiVersion}, {@code kind},
     * {@code metadata.name} and {@code metadata.namespace} are read from each document.
     *
     * @throws IllegalArgumentException naming the document, its source and the line when a document is not YAML
     */
    public static RenderedChart parse(String helmTemplateOutput) {
        String text = normalizeLineEndings(helmTemplateOutput);
        List<RenderedManifest> manifests = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int lineNumber = 0;
        int startOfChunk = 1;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (isDocumentStart(line)) {
                addManifest(chunk, startOfChunk, manifests);
                chunk.clear();
                startOfChunk = lineNumber + 1;
                String rest = line.substring(3).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    // "--- value": the document starts on the marker line; keep its content.
                    chunk.add(rest);
                    startOfChunk = lineNumber;
                }
            } else {
                chunk.add(line);
            }
        }
        addManifest(chunk, startOfChunk, manifests);
        return new RenderedChart(manifests, text);
    }

    /** LF line endings, no byte-order mark: what every snapshot file and comparison works on. */
    static String normalizeLineEndings(String text) {
        String result = text.replace("\r\n", "\n").replace('\r', '\n');
        return result.startsWith("\uFEFF") ? result.substring(1) : result;
    }

    private static boolean isDocumentStart(String line) {
        return line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t");
    }

    private static void addManifest(List<String> lines, int firstLine, List<RenderedManifest> out) {
        String source = "";
        int start = 0;
        // The "# Source:" line comes right after "---" in Helm's output.
        if (!lines.isEmpty() && lines.get(0).startsWith(SOURCE_PREFIX)) {
            source = lines.get(0).substring(SOURCE_PREFIX.length()).strip();
            start = 1;
        }
        List<String> body = new ArrayList<>(lines.subList(start, lines.size()));
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        String document = String.join("\n", body);
        if (document.isBlank()) {
            return;
        }
        int ordinal = out.size() + 1;
        String where = "helm template output, document " + ordinal
                + (source.isEmpty() ? "" : " (" + source + ")") + " starting at line " + (firstLine + start);
        List<Object> parsed;
        try {
            parsed = SnapshotYaml.loadAll(document, where);
        } catch (SnapshotYaml.YamlSyntaxException e) {
            throw new IllegalArgumentException(where + ": not valid YAML at line "
                    + (e.line() + firstLine + start - 1) + ", column " + e.column() + ": " + e.problem(), e);
        }
        Object content = parsed.isEmpty() ? null : parsed.get(0);
        if (content == null) {
            return; // only comments
        }
        String apiVersion = "";
        String kind = "";
        String name = "";
        String namespace = "";
        if (content instanceof Map<?, ?> map) {
            apiVersion = text(map.get("apiVersion"));
            kind = text(map.get("kind"));
            if (map.get("metadata") instanceof Map<?, ?> metadata) {
                name = text(metadata.get("name"));
                namespace = text(metadata.get("namespace"));
            }
        }
        out.add(new RenderedManifest(source, apiVersion, kind, name, namespace, document + "\n"));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
