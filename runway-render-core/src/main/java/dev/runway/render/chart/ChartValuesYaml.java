package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.values.ValueTrees;
import dev.runway.render.values.YamlDocuments;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's values.yaml as each Helm version reads it. Helm 3.21 decodes the first YAML document only
 * ({@code yaml.Unmarshal}). Helm 4 (loader.LoadValues) splits the file into documents at "---" lines
 * ({@link YamlDocuments}, Kubernetes' YAML reader rules), decodes each into a map and merges them as user values files
 * are merged ({@link ValueTrees#mergeMaps}); its errors read {@code cannot unmarshal yaml document: ...}.
 */
final class ChartValuesYaml {
    private static final String CANNOT_LOAD = "cannot load values.yaml: ";

    private ChartValuesYaml() {}

    /** The values, or a RenderException worded as the Helm version words {@code cannot load values.yaml: ...}. */
    static Map<String, Object> read(String text, HelmVersion version) {
        if (!version.isHelm4()) {
            return document(text, "");
        }
        List<YamlDocuments.Part> documents;
        try {
            documents = YamlDocuments.split(text);
        } catch (IllegalArgumentException e) {
            throw new RenderException(CANNOT_LOAD + "error reading yaml document: " + e.getMessage(), e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (YamlDocuments.Part part : documents) {
            values = ValueTrees.mergeMaps(values, document(part.text(), "cannot unmarshal yaml document: "));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String document, String errorPrefix) {
        Object parsed;
        try {
            parsed = GoYaml.read(document, "values.yaml");
        } catch (RuntimeException e) {
            throw new RenderException(CANNOT_LOAD + errorPrefix + e.getMessage(), e);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            // sigs.k8s.io/yaml decodes into map[string]interface{} through encoding/json.
            throw new RenderException(CANNOT_LOAD + errorPrefix + "error unmarshaling JSON: while decoding JSON: json:"
                    + " cannot unmarshal " + GoJson.jsonKind(parsed)
                    + " into Go value of type map[string]interface {}");
        }
        return (Map<String, Object>) map;
    }
}
