package dev.runway.render.values;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream into documents as Kubernetes' YAML reader does (k8s.io/apimachinery/pkg/util/yaml
 * YAMLReader), which Helm 4 uses for every values file: a line starting with {@code ---} ends a document when only
 * spaces or a comment follow it (anything else is an error); empty documents are skipped; every line, the last one
 * too, ends with a line break.
 */
public final class YamlDocuments {
    private static final String SEPARATOR = "---";

    /** One document and the line (1-based) of the file it starts on. */
    public record Part(String text, int firstLine) {}

    private YamlDocuments() {}

    /**
     * Splits a multi-document YAML text at its separator lines.
     *
     * @throws IllegalArgumentException with the reader's text ({@code invalid Yaml document separator: x}) for a
     *                                  separator line followed by something other than a comment
     */
    public static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int firstLine = 1;
        int line = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String current = end < 0 ? text.substring(start) : text.substring(start, end + 1);
            start = end < 0 ? text.length() : end + 1;
            line++;
            if (current.startsWith(SEPARATOR)) {
                String rest = current.substring(SEPARATOR.length()).strip();
                if (!rest.isEmpty() && rest.charAt(0) != '#') {
                    throw new IllegalArgumentException("invalid Yaml document separator: " + rest);
                }
                if (buffer.length() > 0) {
                    parts.add(new Part(buffer.toString(), firstLine));
                    buffer.setLength(0);
                }
                continue;
            }
            if (buffer.length() == 0) {
                firstLine = line;
            }
            buffer.append(current);
            if (end < 0) {
                // The reader hands on every line with a line break, the last one too: "a: |\n  x" reads "x\n" here.
                buffer.append('\n');
            }
        }
        if (buffer.length() > 0) {
            parts.add(new Part(buffer.toString(), firstLine));
        }
        return parts;
    }
}
