package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link GoJson#decode} (json.Decoder.Decode, for --set-json) and {@link GoJson#quote}. */
class GoJsonDecodeTest {

    @Test
    void decodesOneValueAndSaysWhereItEnded() {
        String text = "a={\"x\": [1, true, null]},b=2";
        GoJson.Decoded decoded = GoJson.decode(text, 2);
        assertEquals(Map.of("x", java.util.Arrays.asList(1.0, true, null)), decoded.value());
        assertEquals(text.indexOf(",b"), decoded.end());
        assertEquals(new GoJson.Decoded("s", 5), GoJson.decode("  \"s\"x", 0));
    }

    @Test
    void wordsErrorsAsTheDecoderDoes() {
        assertEquals("EOF", message("   "));
        assertEquals("unexpected EOF", message("{\"a\": "));
        assertEquals("unexpected EOF", message("\"abc"));
        assertEquals("invalid character 'x' looking for beginning of value", message("x"));
        assertEquals("invalid character '}' after array element", message("[1}"));
        // Unmarshal says the same end differently.
        GoYamlException e = assertThrows(GoYamlException.class, () -> GoJson.read("{\"a\": "));
        assertEquals("unexpected end of JSON input", e.getMessage());
    }

    @Test
    void deepButLegalNestingDecodesAndDeeperIsRefused() {
        String legal = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals(legal.length(), GoJson.decode(legal, 0).end());
        String deeper = "[".repeat(10_001) + "]".repeat(10_001);
        assertEquals("invalid character '[' exceeded max depth", message(deeper));
    }

    @Test
    void quotesAsEncodingJsonWithoutHtmlEscaping() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001<&>\"", GoJson.quote("a\"b\\c\n\t\u0001<&>"));
    }

    private static String message(String text) {
        return assertThrows(GoYamlException.class, () -> GoJson.decode(text, 0)).getMessage();
    }
}
