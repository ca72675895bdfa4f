package dev.runway.render.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks up the schema of a value by its key path in a chart's values.schema.json: follows {@code properties},
 * {@code additionalProperties}, local {@code $ref}s and the alternatives of {@code oneOf}/{@code anyOf}/{@code allOf}.
 */
public final class ValuesSchemaReader {

    private static final ObjectMapper JSON =
            dev.runway.render.yaml.GuardedYaml.jsonMapper().build();
    private static final int MAX_REF_DEPTH = 32;

    private final JsonNode root;

    private ValuesSchemaReader(JsonNode root) {
        this.root = root;
    }

    /** A reader over no schema: every lookup gives {@link SchemaFacts#NONE}. */
    public static ValuesSchemaReader empty() {
        return new ValuesSchemaReader(JSON.createObjectNode());
    }

    /** Parses values.schema.json text; {@code sourceName} names the file in the error message. */
    public static ValuesSchemaReader parse(String schemaJson, String sourceName) {
        try {
            JsonNode root = JSON.readTree(schemaJson);
            if (root == null || !root.isObject()) {
                throw new DocsException(sourceName + ": a values schema must be a JSON object");
            }
            return new ValuesSchemaReader(root);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
            throw new DocsException(sourceName + where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The facts about the value at {@code path} (key segments from the top of the values). */
    public SchemaFacts facts(List<String> path) {
        JsonNode parent = null;
        JsonNode node = resolve(root);
        for (String segment : path) {
            JsonNode child = childSchema(node, segment);
            if (child == null) {
                return SchemaFacts.NONE;
            }
            parent = node;
            node = resolve(child);
        }
        boolean required = parent != null && isRequired(parent, path.get(path.size() - 1));
        return new SchemaFacts(
                typeOf(node),
                required,
                allowedOf(node),
                constraintsOf(node),
                textOf(node.get("description")),
                node.has("default") ? node.get("default").toString() : "");
    }

    private JsonNode childSchema(JsonNode node, String key) {
        return childSchema(node, key, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    /**
     * Each schema once and at most {@link #MAX_REF_DEPTH} alternatives deep: a oneOf whose $ref leads back to itself
     * recursed until the stack overflowed. A schema seen before found nothing then and finds nothing now.
     */
    private JsonNode childSchema(JsonNode node, String key, Set<JsonNode> seen, int depth) {
        if (depth > MAX_REF_DEPTH || !seen.add(node)) {
            return null;
        }
        JsonNode properties = node.get("properties");
        if (properties != null && properties.has(key)) {
            return properties.get(key);
        }
        for (JsonNode alternative : alternatives(node)) {
            JsonNode found = childSchema(resolve(alternative), key, seen, depth + 1);
            if (found != null) {
                return found;
            }
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            return additional;
        }
        return null;
    }

    private boolean isRequired(JsonNode parent, String key) {
        JsonNode required = parent.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                if (key.equals(name.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String typeOf(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        collectTypes(node, types, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return String.join(" or ", types);
    }

    /**
     * Each schema once: two alternatives that $ref their own schema made 2^32 visits under the depth bound alone. A
     * schema seen before added its types then.
     */
    private void collectTypes(JsonNode node, Set<String> types, Set<JsonNode> seen, int depth) {
        if (depth > MAX_REF_DEPTH || !seen.add(node)) {
            return;
        }
        JsonNode type = node.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        for (JsonNode alternative : alternatives(node)) {
            collectTypes(resolve(alternative), types, seen, depth + 1);
        }
    }

    private List<String> allowedOf(JsonNode node) {
        List<String> allowed = new ArrayList<>();
        JsonNode values = node.get("enum");
        if (values != null && values.isArray()) {
            values.forEach(v -> allowed.add(v.toString()));
        }
        return allowed;
    }

    private String constraintsOf(JsonNode node) {
        List<String> words = new ArrayList<>();
        String numbers = range(node.get("minimum"), node.get("maximum"), "");
        if (!numbers.isEmpty()) {
            words.add(numbers);
        }
        String length = range(node.get("minLength"), node.get("maxLength"), " characters");
        if (!length.isEmpty()) {
            words.add(length);
        }
        String items = range(node.get("minItems"), node.get("maxItems"), " items");
        if (!items.isEmpty()) {
            words.add(items);
        }
        return String.join(", ", words);
    }

    private static String range(JsonNode min, JsonNode max, String unit) {
        if (min != null && max != null) {
            return min.asText() + " to " + max.asText() + unit;
        }
        JsonNode bound = min != null ? min : max;
        if (bound == null) {
            return "";
        }
        String units = unit.isEmpty() || !bound.asText().equals("1") ? unit : unit.substring(0, unit.length() - 1);
        return (min != null ? "at least " : "at most ") + bound.asText() + units;
    }

    private static List<JsonNode> alternatives(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode list = node.get(keyword);
            if (list != null && list.isArray()) {
                list.forEach(all::add);
            }
        }
        return all;
    }

    /** Follows local {@code $ref}s ({@code #/definitions/x}, {@code #/$defs/x}); a remote one is left as it is. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < MAX_REF_DEPTH; depth++) {
            JsonNode ref = current.get("$ref");
            if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#")) {
                return current;
            }
            JsonNode target = root.at(ref.asText().substring(1));
            if (target.isMissingNode()) {
                throw new DocsException("values.schema.json: $ref " + ref.asText() + " points at nothing");
            }
            current = target;
        }
        throw new DocsException("values.schema.json: $ref chain longer than " + MAX_REF_DEPTH + " (a cycle?)");
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
