package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.yaml.GuardedYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema reader gives the tree {@code ObjectMapper.readTree} gave, node types included. */
class SchemaJsonTest {

    private static final ObjectMapper MAPPER = GuardedYaml.jsonMapper().build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "true",
                "null",
                "\"s\"",
                "12",
                "{\"a\": {\"b\": [1, 2.5, -3e2, 9223372036854775807,"
                        + " 92233720368547758070, \"x\", null, false, {}, []]}, \"c\": {\"d\": {}}}",
                "{\"a\": 1, \"a\": 2}",
                "{\"type\": \"object\"} trailing",
                "[[[[{\"k\": [[]]}]]]]",
                "{\"minimum\": 0.5, \"maximum\": 2147483648, \"enum\": [1, 1.0, \"1\"]}"
            })
    void sameTreeAsObjectMapper(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = SchemaJson.read(json);
        assertEquals(expected, actual);
        assertEquals(describe(expected), describe(actual));
    }

    @Test
    void bundledChartSchemaReadsTheSame() throws IOException {
        String schema = Files.readString(Path.of("../charts/runway-eks/values.schema.json"));
        assertEquals(MAPPER.readTree(schema), SchemaJson.read(schema));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"plain\", \"q\\\"uote\", \"back\\\\slash\", \"tab\\t nl\\n\", \"\\u0001\", \"é ✓ \\ud83d\\ude00\"]"
            })
    void stringsPrintAsJacksonPrintsThem(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = SchemaJson.read(json);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).toString(), actual.get(i).toString());
        }
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void emptyTextHasNoValue() throws IOException {
        assertNull(SchemaJson.read("  \n"));
    }

    @Test
    void syntaxErrorsCarryTheirLocation() {
        String json = "{\n  \"a\": [1,\n}";
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> SchemaJson.read(json));
        JsonProcessingException mapper = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(json));
        assertEquals(3, e.getLocation().getLineNr());
        assertEquals(mapper.getOriginalMessage(), e.getOriginalMessage());
        assertEquals(mapper.getLocation().getColumnNr(), e.getLocation().getColumnNr());
    }

    @Test
    void deepNestingWithinTheLimitNeedsNoDeepStack() throws IOException {
        int depth = GuardedYaml.TREE_MAX_DEPTH - 1;
        String json = "[".repeat(depth) + "]".repeat(depth);
        JsonNode node = SchemaJson.read(json);
        for (int i = 1; i < depth; i++) {
            node = node.get(0);
        }
        assertTrue(node.isArray() && node.isEmpty());
    }

    /** Node classes as well as values: networknt tells integers from numbers by node type. */
    private static String describe(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getNodeType().name());
        if (node.isNumber()) {
            out.append(' ').append(node.numberType());
        }
        if (node.isContainerNode()) {
            out.append('(');
            node.fields()
                    .forEachRemaining(e -> out.append(e.getKey())
                            .append('=')
                            .append(describe(e.getValue()))
                            .append(','));
            if (node.isArray()) {
                node.forEach(child -> out.append(describe(child)).append(','));
            }
            out.append(')');
        }
        return out.toString();
    }
}
