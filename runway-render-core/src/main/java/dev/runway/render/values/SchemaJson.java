package dev.runway.render.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.runway.render.yaml.GuardedYaml;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads values.schema.json into the node tree the schema validator takes, with Jackson's streaming parser and
 * {@link GuardedYaml}'s limits only. An {@code ObjectMapper} would give the same tree (its {@code readTree}
 * defaults: last duplicate key wins, trailing content ignored, integers as int, long or big integer nodes, other
 * numbers as doubles), but creating one loads several hundred data-binding classes, the largest part of the
 * plugin's start-up cost on every render of a chart with a schema.
 */
final class SchemaJson {

    private SchemaJson() {}

    /**
     * The first JSON value of {@code text}, or null when there is none.
     *
     * @throws IOException (a {@code JsonProcessingException} with the location) when the text is not JSON
     */
    static JsonNode read(String text) throws IOException {
        try (JsonParser parser = GuardedYaml.jsonFactory().createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            // Iterative, not recursive: the nesting is the input's to choose (up to GuardedYaml's limit).
            Deque<JsonNode> open = new ArrayDeque<>();
            JsonNode root = null;
            String name = null;
            do {
                JsonNode value;
                switch (token) {
                    case FIELD_NAME -> {
                        name = parser.currentName();
                        continue;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        value = token == JsonToken.START_OBJECT
                                ? JsonNodeFactory.instance.objectNode()
                                : JsonNodeFactory.instance.arrayNode();
                        add(open.peek(), name, value);
                        open.push(value);
                        name = null;
                        if (root == null) {
                            root = value;
                        }
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        open.pop();
                        if (open.isEmpty()) {
                            return root;
                        }
                        continue;
                    }
                    default -> value = scalar(parser, token);
                }
                if (open.isEmpty()) {
                    return value;
                }
                add(open.peek(), name, value);
                name = null;
            } while ((token = parser.nextToken()) != null);
            return root; // unreachable for well-formed input: the parser reports an unclosed structure
        }
    }

    /**
     * A schema string that prints itself as JSON without Jackson's data binding: networknt's {@code enum} keyword
     * prints every string of the list when it builds its validator, and {@code TextNode.toString()} would create an
     * {@code ObjectMapper} for that.
     */
    private static final class SchemaText extends TextNode {
        private static final long serialVersionUID = 1L;

        SchemaText(String value) {
            super(value);
        }

        @Override
        public String toString() {
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(textValue())) + '"';
        }
    }

    private static void add(JsonNode parent, String name, JsonNode value) {
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array) {
            array.add(value);
        }
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (token) {
            case VALUE_STRING -> new SchemaText(parser.getText());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> f.numberNode(parser.getIntValue());
                    case LONG -> f.numberNode(parser.getLongValue());
                    default -> f.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> f.numberNode(parser.getDoubleValue());
            default -> f.pojoNode(parser.getText());
        };
    }
}
