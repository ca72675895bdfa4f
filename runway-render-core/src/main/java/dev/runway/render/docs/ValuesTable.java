package dev.runway.render.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.gofmt.GoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds the rows of a values table from a values file and its schema, as helm-docs does: one row per leaf
 * value (scalars, lists, empty maps), and one row for a documented map, which then stands for its children.
 * Rows follow the order of values.yaml.
 */
public final class ValuesTable {

    private static final ObjectMapper JSON =
            dev.runway.render.yaml.GuardedYaml.jsonMapper().build();

    private ValuesTable() {}

    public static List<ValueRow> rows(String valuesYaml, String valuesSourceName, ValuesSchemaReader schema) {
        try {
            return rowsOf(valuesYaml, valuesSourceName, schema);
        } catch (OutOfMemoryError e) {
            // snakeyaml's node tree (with its marks) of a 2.5 MB values.yaml of 200,000 keys fills a 128 MB heap; all
            // of it is unreachable here, so the caller gets our error, not the JVM's.
            throw new DocsException(valuesSourceName + " is too large to document within the JVM's heap of "
                    + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB; give the JVM more heap (-Xmx, for Maven in MAVEN_OPTS)");
        }
    }

    private static List<ValueRow> rowsOf(String valuesYaml, String valuesSourceName, ValuesSchemaReader schema) {
        Object values = load(valuesYaml, valuesSourceName);
        Map<String, ValueComment> comments = ValueCommentParser.parse(valuesYaml);
        List<ValueRow> rows = new ArrayList<>();
        if (values instanceof Map<?, ?> map) {
            walk(map, new ArrayList<>(), comments, schema, rows);
        } else if (values != null) {
            throw new DocsException(valuesSourceName + ": the top of a values file must be a map of keys to values");
        }
        return rows;
    }

    private static void walk(
            Map<?, ?> map,
            List<String> parent,
            Map<String, ValueComment> comments,
            ValuesSchemaReader schema,
            List<ValueRow> rows) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            List<String> path = new ArrayList<>(parent);
            path.add(String.valueOf(entry.getKey()));
            String key = String.join(".", path);
            ValueComment comment = comments.get(key);
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> child && !child.isEmpty() && comment == null) {
                walk(child, path, comments, schema, rows);
            } else {
                rows.add(row(key, value, comment, schema.facts(path)));
            }
        }
    }

    private static ValueRow row(String key, Object value, ValueComment comment, SchemaFacts facts) {
        String type = comment != null && !comment.typeHint().isEmpty()
                ? comment.typeHint()
                : !facts.type().isEmpty() ? facts.type() : inferredType(value);
        String description =
                comment != null && !comment.description().isEmpty() ? comment.description() : facts.description();
        List<String> allowed = new ArrayList<>();
        if (!facts.allowed().isEmpty()) {
            allowed.add("one of " + String.join(", ", facts.allowed()));
        }
        if (!facts.constraints().isEmpty()) {
            allowed.add(facts.constraints());
        }
        String defaultValue = value == null && !facts.defaultJson().isEmpty() ? facts.defaultJson() : json(value);
        boolean required = facts.required() || (comment != null && comment.required());
        return new ValueRow(
                key, type, defaultValue, required, String.join("; ", allowed), description, comment != null);
    }

    /** The JSON Schema type of a default: JSON's type name, with whole numbers as integer. */
    private static String inferredType(Object value) {
        if (value == null) {
            return "";
        }
        boolean whole = value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
        return whole ? "integer" : GoValues.jsonTypeName(value);
    }

    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static Object load(String yaml, String sourceName) {
        LoadSettings settings = dev.runway.render.yaml.GuardedYaml.settings(sourceName)
                .setAllowDuplicateKeys(false)
                .build();
        try {
            return dev.runway.render.yaml.GuardedYaml.load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            throw new DocsException(
                    sourceName + ": not valid YAML: " + e.getMessage().strip(), e);
        } catch (YamlEngineException e) {
            throw new DocsException(sourceName + ": not valid YAML: " + e.getMessage(), e);
        }
    }
}
