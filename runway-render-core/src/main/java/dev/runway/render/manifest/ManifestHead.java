package dev.runway.render.manifest;

import dev.runway.render.RenderException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.List;
import java.util.Map;

/**
 * releaseutil.SimpleHead: apiVersion, kind, metadata.name, metadata.namespace and the annotations of one
 * document, read the way Helm checks each rendered document (a document that is not a map fails the render).
 */
public record ManifestHead(String apiVersion, String kind, String name, String namespace,
                           Map<String, Object> annotations) {

    private static final LoadSettings SETTINGS = LoadSettings.builder().setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(1000).build();

    public static ManifestHead parse(String document, String source) {
        Object root;
        try {
            root = new Load(SETTINGS).loadFromString(document);
        } catch (MarkedYamlEngineException e) {
            throw new RenderException("YAML parse error on " + source + ": error converting YAML to JSON: "
                    + GoYamlErrors.message(e));
        } catch (YamlEngineException e) {
            throw new RenderException("YAML parse error on " + source + ": error converting YAML to JSON: yaml: "
                    + e.getMessage());
        }
        if (root == null) {
            return new ManifestHead("", "", "", "", Map.of());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new RenderException("YAML parse error on " + source
                    + ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + jsonKind(root)
                    + " into Go value of type releaseutil.SimpleHead");
        }
        String apiVersion = string(map.get("apiVersion"), "apiVersion", source);
        String kind = string(map.get("kind"), "kind", source);
        String name = "";
        String namespace = "";
        Map<String, Object> annotations = Map.of();
        if (map.get("metadata") instanceof Map<?, ?> meta) {
            name = string(meta.get("name"), "metadata.name", source);
            namespace = meta.get("namespace") instanceof String ns ? ns : "";
            if (meta.get("annotations") instanceof Map<?, ?> a) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ann = (Map<String, Object>) a;
                annotations = ann;
            }
        }
        return new ManifestHead(apiVersion, kind, name, namespace, annotations);
    }

    /** Helm tolerates a field of the wrong type here: the manifest then has no kind or name. */
    private static String string(Object v, String field, String source) {
        return v instanceof String s ? s : "";
    }

    private static String jsonKind(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "array";
        }
        return "object";
    }

    /** The hook annotation's value, or null when this is not a hook. */
    public String hook() {
        Object h = annotations.get("helm.sh/hook");
        return h == null ? null : String.valueOf(h);
    }
}
