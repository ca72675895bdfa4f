package dev.runway.render.gofmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** strconv.Unquote, including its fast path for double-quoted literals without escapes. */
class GoStrconvUnquoteTest {

    @Test
    void doubleQuotedLiterals() {
        assertEquals("", GoStrconv.unquote("\"\""));
        assertEquals("plain", GoStrconv.unquote("\"plain\""));
        assertEquals(" spaces and: colons # ", GoStrconv.unquote("\" spaces and: colons # \""));
        assertEquals("é😀", GoStrconv.unquote("\"é😀\""));
        assertEquals("a\nb", GoStrconv.unquote("\"a\\nb\""));
        assertEquals("tab\there", GoStrconv.unquote("\"tab\\there\""));
        assertEquals("q\"q", GoStrconv.unquote("\"q\\\"q\""));
        assertEquals("back\\slash", GoStrconv.unquote("\"back\\\\slash\""));
        assertEquals("A", GoStrconv.unquote("\"\\x41\""));
        assertEquals("é", GoStrconv.unquote("\"\\u00e9\""));
        assertEquals("x".repeat(5000), GoStrconv.unquote("\"" + "x".repeat(5000) + "\""));
    }

    @Test
    void otherLiterals() {
        assertEquals("raw\\n", GoStrconv.unquote("`raw\\n`"));
        assertEquals("ab", GoStrconv.unquote("`a\rb`"));
        assertEquals("x", GoStrconv.unquote("'x'"));
        assertEquals("\n", GoStrconv.unquote("'\\n'"));
    }

    @Test
    void invalidSyntax() {
        for (String lit : List.of(
                "\"", "\"a", "a\"", "\"a\"b\"", "\"a\nb\"", "\"a\\\"", "\"\\q\"", "'ab'", "''", "`a`b`", "\"\\x4\"")) {
            assertThrows(IllegalArgumentException.class, () -> GoStrconv.unquote(lit), lit);
        }
    }
}
