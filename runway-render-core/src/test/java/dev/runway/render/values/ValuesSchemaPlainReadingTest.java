package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.yaml.GoJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain reading of a schema ({@link ValuesSchema#plainTree}) that the small check runs on, against the Jackson
 * tree networknt gets ({@link SchemaJson#read}): where the plain reading answers, the two trees are the same, and
 * texts the two readers could take differently go the Jackson way.
 */
class ValuesSchemaPlainReadingTest {
    private static final Path CORPUS = Path.of("src/test/resources/conformance");

    @Test
    void everyCorpusSchemaReadsAsJacksonReadsIt() throws IOException {
        List<Path> schemas;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            schemas = files.filter(p -> p.getFileName().toString().equals("values.schema.json"))
                    .sorted()
                    .toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path file : schemas) {
            texts.add(Files.readString(file));
        }
        texts.add(Files.readString(ValuesSchemaTest.CHART.resolve("values.schema.json")));
        texts.add("{\"a\": [1, -0, 5.0, 1e2, 1E-2, 12345678901234567890, \"x\\u00e9\\n\u00e9\", null, true,"
                + " false, {}, []], \"a\": {\"dup\": \"last wins\"}, \"b\": {\"c\": {\"d\": [[[]]]}}} trailing ]");
        int read = 0;
        for (String text : texts) {
            Object plain = ValuesSchema.plainTree(text);
            if (plain == null) {
                continue;
            }
            read++;
            assertSame(SchemaJson.read(text), plain, "$", text);
        }
        assertEquals(texts.size(), read, "the plain reading refused an ordinary schema");
    }

    @Test
    void textsTheReadersCouldTakeDifferentlyGoTheJacksonWay() {
        String deep = "{\"a\": " + "[".repeat(300) + "]".repeat(300) + "}";
        List<String> refused = List.of(
                "{\"pattern\": \"\\ud800\"}",
                "{\"pattern\": \"\\uDC00x\"}",
                "{\"pattern\": \"" + GoBytes.string(new byte[] {'a', (byte) 0xff}) + "\"}",
                deep,
                "{\"maximum\": " + "9".repeat(200) + "}",
                "{\"" + "k".repeat(200) + "\": true}",
                "{\"type\": \"object\"",
                "");
        for (String text : refused) {
            assertNull(ValuesSchema.plainTree(text), text);
        }
        // Refused by the plain reading, the schema is still read, by Jackson, with networknt compiled at parse.
        ValuesSchema schema = ValuesSchema.parse("{\"properties\": {\"a\": {\"pattern\": \"\\ud800|b\"}}}", "s.json");
        assertTrue(schema.networkntCompiled());
        assertNull(schema.plainAnswer(Map.of()));
        assertEquals(List.of(), schema.validate(Map.of("a", "b")));
        assertFalse(schema.validate(Map.of("a", "c")).isEmpty());
    }

    @Test
    void theSmallCheckTakesIntegerLiteralsOnlyAsBoundsAndCounts() {
        assertNotNull(plainAnswer("{\"properties\": {\"a\": {\"minimum\": 1, \"maxLength\": 3}}}"));
        assertNull(plainAnswer("{\"properties\": {\"a\": {\"minimum\": 1.0}}}"));
        assertNull(plainAnswer("{\"properties\": {\"a\": {\"maxLength\": 3e0}}}"));
        assertNull(plainAnswer("{\"properties\": {\"a\": {\"maxLength\": 2147483648}}}"));
        assertNull(plainAnswer("{\"properties\": {\"a\": {\"maximum\": 9007199254740993}}}"));
        assertNotNull(plainAnswer("{\"properties\": {\"a\": {\"maximum\": -9007199254740992}}}"));
    }

    @Test
    void constNullIsAConstAndValuesAreReadAsTheValidatorSeesThem() {
        ValuesSchema schema = ValuesSchema.parse(
                "{\"properties\": {\"a\": {\"const\": null}, \"n\": {\"type\": \"integer\", \"maximum\": 3},"
                        + " \"s\": {\"type\": \"string\"}}}",
                "s.json");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", null);
        values.put("n", 3.0); // an integral double is an integer in the JSON Helm validates
        values.put("s", new byte[] {1, 2}); // bytes are base64 text
        assertEquals(PlainSchemaCheck.Answer.MEETS, schema.plainAnswer(values));
        values.put("a", "x");
        assertEquals(PlainSchemaCheck.Answer.FAILS, schema.plainAnswer(values));
        values.put("a", null);
        values.put("n", 4);
        assertEquals(PlainSchemaCheck.Answer.FAILS, schema.plainAnswer(values));
        assertFalse(schema.networkntCompiled());
    }

    private static PlainSchemaCheck.Answer plainAnswer(String schema) {
        return ValuesSchema.parse(schema, "s.json").plainAnswer(Map.of());
    }

    /** The Jackson node and the plain value are one JSON value: same kinds, keys in the same order, same numbers. */
    private static void assertSame(JsonNode node, Object plain, String at, String text) {
        String where = at + " in " + (text.length() > 80 ? text.substring(0, 80) + "..." : text);
        if (node.isObject()) {
            Map<?, ?> map = assertInstance(Map.class, plain, where);
            assertEquals(List.copyOf(map.keySet()), fieldNames(node), where);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertSame(node.get((String) entry.getKey()), entry.getValue(), at + "." + entry.getKey(), text);
            }
        } else if (node.isArray()) {
            List<?> list = assertInstance(List.class, plain, where);
            assertEquals(node.size(), list.size(), where);
            for (int i = 0; i < list.size(); i++) {
                assertSame(node.get(i), list.get(i), at + "[" + i + "]", text);
            }
        } else if (node.isTextual()) {
            assertEquals(node.textValue(), plain, where);
        } else if (node.isBoolean()) {
            assertEquals(node.booleanValue(), plain, where);
        } else if (node.isNull()) {
            assertNull(plain, where);
        } else {
            GoJson.JsonNumber number = assertInstance(GoJson.JsonNumber.class, plain, where);
            assertEquals(node.isIntegralNumber(), number.integral(), where);
            if (number.integral()) {
                assertEquals(node.bigIntegerValue(), new BigInteger(number.text()), where);
            } else {
                assertEquals(node.doubleValue(), Double.parseDouble(number.text()), where);
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static <T> T assertInstance(Class<T> type, Object value, String where) {
        assertTrue(type.isInstance(value), where + ": " + value + " is not a " + type.getSimpleName());
        return type.cast(value);
    }
}
