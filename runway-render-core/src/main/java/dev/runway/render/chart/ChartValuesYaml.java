package dev.runway.render.chart;

import dev.runway.render.HelmVersion;
import dev.runway.render.RenderException;
import dev.runway.render.yaml.GoYaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's values.yaml as each Helm version reads it. Helm 3 decodes the first YAML document only. Helm 4
 * (loader.LoadValues) splits the file into documents as Kubernetes' YAML reader does (a line starting with
 * {@code ---}, then nothing but spaces or a comment), decodes each into a map and merges them, later documents
 * winning and maps merged key by key; its errors read {@code cannot unmarshal yaml document: ...}.
 */
final class ChartValuesYaml {
    private static final String SEPARATOR = "---";

    private ChartValuesYaml() {
    }

    /** The values, or a RenderException worded as Helm's {@code cannot load values.yaml: ...}. */
    static Map<String, Object> read(String text, String where, HelmVersion version) {
        if (!version.isHelm4()) {
            return ChartLoader.readMap(text, "values.yaml", where);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String document : documents(text)) {
            values = merge(values, documentMap(document, where));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> documentMap(String document, String where) {
        Object parsed;
        try {
            parsed = GoYaml.read(document, "values.yaml");
        } catch (RuntimeException e) {
            throw new RenderException("cannot load values.yaml: cannot unmarshal yaml document: " + e.getMessage(), e);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map)) {
            throw new RenderException("cannot load values.yaml of chart " + where
                    + ": the file must hold a YAML map at the top level");
        }
        return (Map<String, Object>) parsed;
    }

    /** k8s.io/apimachinery's YAMLReader: documents between separator lines, empty ones skipped. */
    static List<String> documents(String text) {
        List<String> documents = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end + 1);
            start = end < 0 ? text.length() : end + 1;
            if (line.startsWith(SEPARATOR)) {
                String rest = line.substring(SEPARATOR.length()).strip();
                if (!rest.isEmpty() && rest.charAt(0) != '#') {
                    throw new RenderException("cannot load values.yaml: error reading yaml document: invalid Yaml"
                            + " document separator: " + rest);
                }
                if (buffer.length() > 0) {
                    documents.add(buffer.toString());
                    buffer.setLength(0);
                }
                continue;
            }
            buffer.append(line);
        }
        if (buffer.length() > 0) {
            documents.add(buffer.toString());
        }
        return documents;
    }

    /** loader.MergeMaps: b over a, maps merged recursively. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> bv && out.get(e.getKey()) instanceof Map<?, ?> av) {
                out.put(e.getKey(), merge((Map<String, Object>) av, (Map<String, Object>) bv));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
