package dev.runway.render.manifest;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads text in the form {@code helm template} prints (documents separated by {@code ---} lines, each optionally
 * headed by {@code # Source: <template>}) back into manifests: the one reader of rendered output for the snapshot
 * API, the Flux checks and the verifier (whose typed reading, {@link #typedDocuments}, splits here too). Line
 * endings may be LF or CRLF (a byte-order mark is dropped); a {@code ---} line may carry trailing blanks, a comment
 * or the document's first content ({@code --- value});
 * documents holding only blank lines and comments are dropped, as Helm drops them.
 *
 * <p>The two modes differ only in what a document that is not YAML does: {@link Mode#STRICT} refuses the text with
 * the document, its template and the line of the output; {@link Mode#LENIENT} keeps the document with an empty
 * identity, for checks that report the YAML error themselves, at its position.
 */
public final class ManifestStreamParser {

    private static final String SOURCE_PREFIX = "# Source: ";

    private ManifestStreamParser() {}

    /** What happens to a document that is not YAML. */
    public enum Mode {
        /** Throw {@link IllegalArgumentException} naming the document, its template and the line in the output. */
        STRICT,
        /** Keep it, with empty apiVersion, kind, name and namespace. */
        LENIENT
    }

    /**
     * One document of the stream: its template ({@code ""} without a {@code # Source:} line), its text (no
     * separator, no source line, no leading or trailing blank lines, ending with a newline) and the 1-based line of
     * the output where that text starts.
     */
    public record Document(String source, String text, int firstLine) {}

    /** LF line endings, no byte-order mark. */
    public static String normalizeLineEndings(String text) {
        String result = text.replace("\r\n", "\n").replace('\r', '\n');
        return result.startsWith("\uFEFF") ? result.substring(1) : result;
    }

    /** The documents of the stream that hold more than blank lines and comments, in order. */
    public static List<Document> documents(String output) {
        String text = normalizeLineEndings(output);
        List<Document> documents = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int lineNumber = 0;
        int startOfChunk = 1;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (isDocumentStart(line)) {
                add(chunk, startOfChunk, documents);
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
        add(chunk, startOfChunk, documents);
        return documents;
    }

    /**
     * The documents of a manifest stream or file in {@link YamlTree}'s typed view (as the API server reads them, for
     * verify's checks), split here like every other reading of rendered output; every node's line is its line in the
     * file, counted from {@code firstLine} (the file line of the text's first character). Empty and null documents
     * are left out. Strict: a document that is not YAML throws {@link GoYamlException}, whose message
     * starts with {@code file:line:} and whose line is the file line.
     */
    public static List<YamlTree.TypedDocument> typedDocuments(String text, String file, int firstLine) {
        List<YamlTree.TypedDocument> typed = new ArrayList<>();
        for (Document document : documents(text)) {
            YamlTree.typedDocument(document.text(), file, firstLine + document.firstLine() - 1)
                    .ifPresent(typed::add);
        }
        return typed;
    }

    /** {@link #typedDocuments(String, String, int)} of a whole file: its first line is line 1. */
    public static List<YamlTree.TypedDocument> typedDocuments(String text, String file) {
        return typedDocuments(text, file, 1);
    }

    /**
     * The manifests of the stream with apiVersion, kind, metadata.name and metadata.namespace read from each
     * document (sigs.k8s.io/yaml's reading, as Kubernetes clients read a manifest); the chart's output is the
     * text with LF line endings.
     *
     * @throws IllegalArgumentException in {@link Mode#STRICT}, naming the document, its source and the line of the
     *         output when a document is not YAML
     */
    public static RenderedChart parse(String output, Mode mode) {
        List<RenderedManifest> manifests = new ArrayList<>();
        int ordinal = 0;
        for (Document document : documents(output)) {
            ordinal++;
            Object content;
            try {
                content = GoYaml.yamlToJson(document.text());
            } catch (GoYamlException e) {
                if (mode == Mode.STRICT) {
                    String where = "helm template output, document " + ordinal
                            + (document.source().isEmpty() ? "" : " (" + document.source() + ")")
                            + " starting at line " + document.firstLine();
                    String at = e.line() > 0
                            ? " at line " + (e.line() + document.firstLine() - 1)
                                    + (e.column() > 0 ? ", column " + e.column() : "")
                            : "";
                    throw new IllegalArgumentException(where + ": not valid YAML" + at + ": " + e.getMessage(), e);
                }
                content = null;
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
            manifests.add(new RenderedManifest(document.source(), apiVersion, kind, name, namespace, document.text()));
        }
        return new RenderedChart(manifests, normalizeLineEndings(output));
    }

    private static boolean isDocumentStart(String line) {
        return line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t");
    }

    private static void add(List<String> lines, int firstLine, List<Document> out) {
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        String source = "";
        // The "# Source:" line comes right after "---" in Helm's output.
        if (start < lines.size() && lines.get(start).startsWith(SOURCE_PREFIX)) {
            source = lines.get(start).substring(SOURCE_PREFIX.length()).strip();
            start++;
            while (start < lines.size() && lines.get(start).isBlank()) {
                start++;
            }
        }
        int end = lines.size();
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        List<String> body = lines.subList(start, end);
        if (body.stream().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            return;
        }
        out.add(new Document(source, String.join("\n", body) + "\n", firstLine + start));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
