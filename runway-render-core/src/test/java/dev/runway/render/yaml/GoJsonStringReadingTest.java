package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runway.render.gofmt.GoBytes;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * String literals as {@link GoJson#read} decodes them: runs of plain characters are taken whole (the text between the
 * quotes when nothing needs decoding), the rest character by character; both must give the same value and errors.
 */
class GoJsonStringReadingTest {

    /** Pieces of a string value, each with how JSON may write it (raw, or escaped). */
    private static final List<String[]> PIECES = List.of(
            new String[] {"a", "a", "\\u0061"},
            new String[] {"\u00e9", "\u00e9", "\\u00e9"},
            new String[] {"\u20ac", "\u20ac", "\\u20ac"},
            new String[] {"\"", "\\\"", "\\u0022"},
            new String[] {"\\", "\\\\", "\\u005c"},
            new String[] {"/", "/", "\\/"},
            new String[] {"\n", "\\n", "\\u000a"},
            new String[] {"\t", "\\t", "\\u0009"},
            // A pair whose low half lies in the escape range is a character, not an escaped byte.
            new String[] {"\uD800\uDC80", "\uD800\uDC80", "\\ud800\\udc80"},
            new String[] {"\uD83D\uDE00", "\uD83D\uDE00", "\\uD83D\\uDE00"});

    @Test
    void randomStringsDecodeToWhatTheyHold() {
        Random random = new Random(19);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder value = new StringBuilder();
            StringBuilder literal = new StringBuilder("\"");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(8) == 0) {
                    // An escaped byte (invalid UTF-8) inside a string: encoding/json reads U+FFFD.
                    char escape = (char) (0xDC80 + random.nextInt(0x80));
                    value.append('\uFFFD');
                    literal.append(escape);
                    continue;
                }
                String[] piece = PIECES.get(random.nextInt(PIECES.size()));
                value.append(piece[0]);
                literal.append(piece[1 + random.nextInt(2)]);
            }
            literal.append('"');
            String text = "{" + literal + ": [" + literal + "]}";
            assertEquals(Map.of(value.toString(), List.of(value.toString())), GoJson.read(text), text);
        }
    }

    @Test
    void escapesAtTheStartMiddleAndEndOfAString() {
        assertEquals("\nab", GoJson.read("\"\\nab\""));
        assertEquals("a\"b", GoJson.read("\"a\\\"b\""));
        assertEquals("ab\\", GoJson.read("\"ab\\\\\""));
        assertEquals("\uFFFDab", GoJson.read("\"" + GoBytes.string(new byte[] {(byte) 0xFF, 'a', 'b'}) + "\""));
        assertEquals("a\uFFFDb", GoJson.read("\"" + GoBytes.string(new byte[] {'a', (byte) 0x80, 'b'}) + "\""));
        assertEquals("ab\uFFFD", GoJson.read("\"" + GoBytes.string(new byte[] {'a', 'b', (byte) 0xC3}) + "\""));
        assertEquals("\u65e5\u672c\u8a9e \uD83D\uDE00", GoJson.read("\"\u65e5\u672c\u8a9e \uD83D\uDE00\""));
    }

    @Test
    void controlCharactersAndEndsAreRefusedWhereTheyAre() {
        assertError("invalid character '\\x01' in string literal", 1, 2, "\"\u0001ab\"");
        assertError("invalid character '\\x1f' in string literal", 1, 4, "\"ab\u001f\"");
        assertError("invalid character '\\n' in string literal", 1, 5, "\"a\\n\n\"");
        assertError("invalid character '\\t' in string literal", 2, 5, "[\"x\",\n \"ab\t\"]");
        assertError("unexpected end of JSON input", 1, 5, "\"abc");
        assertError("unexpected end of JSON input", 1, 6, "\"abc\\");
        assertError("invalid character 'q' in string escape code", 1, 4, "\"a\\q\"");
    }

    @Test
    void whitespaceIsOnlyTheFourJsonCharacters() {
        assertEquals(List.of(1.0, 2.0), GoJson.read(" \t\r\n[ 1 ,\n\t2 ]\r\n "));
        assertError("invalid character '\\f' looking for beginning of value", 1, 2, " \f1");
        assertEquals(true, GoJson.isBlank(" \t\r\n"));
        assertEquals(true, GoJson.isBlank(""));
        assertEquals(false, GoJson.isBlank(" \t\u00a0"));
        assertEquals(false, GoJson.isBlank("x "));
    }

    private static void assertError(String message, int line, int column, String text) {
        GoYamlException e = assertThrows(GoYamlException.class, () -> GoJson.read(text), text);
        assertEquals(message, e.getMessage(), text);
        assertEquals(line, e.line(), text);
        assertEquals(column, e.column(), text);
    }
}
