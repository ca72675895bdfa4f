package dev.runway.render.chart;

import dev.runway.render.HelmVersion;
import dev.runway.render.RenderException;
import dev.runway.render.values.GoValues;
import dev.runway.render.values.YamlDocuments;
import dev.runway.render.yaml.GoYaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's values.yaml as each Helm version reads it. Helm 3 decodes the first YAML document only. Helm 4
 * (loader.LoadValues) splits the file into documents ({@link YamlDocuments}), decodes each into a map and merges
 * them as user values files are merged ({@link GoValues#mergeMaps}); its errors read
 * {@code cannot unmarshal yaml document: ...}.
 */
final class ChartValuesYaml {
    private ChartValuesYaml() {
    }

    /** The values, or a RenderException worded as Helm's {@code cannot load values.yaml: ...}. */
    static Map<String, Object> read(String text, String where, HelmVersion version) {
        if (!version.isHelm4()) {
            return ChartLoader.readMap(text, "values.yaml", where);
        }
        List<YamlDocuments.Part> documents;
        try {
            documents = YamlDocuments.split(text);
        } catch (IllegalArgumentException e) {
            throw new RenderException("cannot load values.yaml: error reading yaml document: " + e.getMessage(), e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (YamlDocuments.Part document : documents) {
            values = GoValues.mergeMaps(values, documentMap(document.text(), where));
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
}
