package dev.runway.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesSchemaReaderTest {

    @Test
    void followsAlternativesAndRefs() {
        ValuesSchemaReader schema = ValuesSchemaReader.parse("""
                {"$defs": {"port": {"type": "integer", "minimum": 1}},
                 "properties": {"svc": {"oneOf": [{"type": "null"}, {"properties": {"port": {"$ref": "#/$defs/port"}}}]}}}
                """, "values.schema.json");
        assertEquals("integer", schema.facts(List.of("svc", "port")).type());
        assertEquals("at least 1", schema.facts(List.of("svc", "port")).constraints());
        assertEquals("null", schema.facts(List.of("svc")).type());
    }

    /**
     * A chart's values.schema.json whose alternatives lead back to themselves: looking up a child overflowed the stack,
     * and two such alternatives made the type lookup visit 2^32 schemas. Each schema is now visited once.
     */
    @Test
    void alternativesThatReferToThemselvesEnd() {
        ValuesSchemaReader schema = ValuesSchemaReader.parse("""
                {"$defs": {"x": {"type": "string", "oneOf": [{"$ref": "#/$defs/x"}, {"$ref": "#/$defs/x"}],
                                 "anyOf": [{"$ref": "#"}, {"type": "integer"}]}},
                 "properties": {"a": {"$ref": "#/$defs/x"}}}
                """, "values.schema.json");
        SchemaFacts a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> schema.facts(List.of("a")));
        assertEquals("string or integer", a.type());
        SchemaFacts missing =
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> schema.facts(List.of("a", "b", "c")));
        assertEquals(SchemaFacts.NONE, missing);
        SchemaFacts viaRoot = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> schema.facts(List.of("a", "a")));
        assertEquals("string or integer", viaRoot.type());
    }
}
