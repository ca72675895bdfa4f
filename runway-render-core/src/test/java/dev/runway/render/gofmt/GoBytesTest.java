package dev.runway.render.gofmt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A Go string holding arbitrary bytes survives the Java string the engine keeps it in. */
class GoBytesTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void randomBytesRoundTripAndCountAsGoDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            String s = GoBytes.string(b);
            assertArrayEquals(
                    b, GoBytes.bytes(s), () -> java.util.HexFormat.of().formatHex(b));
            assertEquals(b.length, GoValues.byteLength(s));
        }
    }

    @Test
    void oneEscapePerInvalidByteAsGoStepsOverThem() {
        // Go: "\xed\xb2\x80" (an encoded surrogate) is three RuneErrors; a cut sequence at the end is one per byte.
        assertEquals("\uDCED\uDCB2\uDC80", GoBytes.string(bytes(0xED, 0xB2, 0x80)));
        assertEquals("a\uDCE2\uDC82", GoBytes.string(bytes('a', 0xE2, 0x82)));
        assertEquals("\uDCC0\uDC80", GoBytes.string(bytes(0xC0, 0x80)));
        assertEquals("\uDCC3(", GoBytes.string(bytes(0xC3, '(')));
    }

    @Test
    void validTextIsTheJdkDecodingIncludingARealReplacementCharacter() {
        String text = "h\u00e9llo \u20ac \uD83D\uDE00 \uFFFD \uD800\uDC80";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(text, GoBytes.string(utf8));
        assertArrayEquals(utf8, GoBytes.bytes(text));
        // A supplementary character whose low surrogate lies in the escape range is not an escape.
        assertEquals(-1, GoBytes.firstEscape(text));
        assertSame(text, GoBytes.replaceInvalid(text));
    }

    @Test
    void runeWiseRebuildWritesReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFD", GoBytes.replaceInvalid(GoBytes.string(bytes('a', 0x80, 'b', 0xFF))));
    }

    @Test
    void firstEscapeIsFoundAtTheStartMiddleAndEndOfLongText() {
        String text = "{\"a\": \"h\u00e9llo \u65e5\u672c \uD83D\uDE00\"}\n".repeat(200);
        String escape = GoBytes.string(new byte[] {(byte) 0x80});
        assertEquals(-1, GoBytes.firstEscape(text));
        assertEquals(0, GoBytes.firstEscape(escape + text));
        assertEquals(1000, GoBytes.firstEscape(text.substring(0, 1000) + escape + text.substring(1000)));
        assertEquals(text.length(), GoBytes.firstEscape(text + escape));
        // After a pair whose low half is in the escape range, the next escape is one.
        assertEquals(2, GoBytes.firstEscape("\uD800\uDC80\uDC81"));
        assertEquals(-1, GoBytes.firstEscape("\uDBFF\uDCFF" + text));
    }

    @Test
    void firstEscapeAgreesWithACharacterByCharacterReading() {
        char[] alphabet = {'a', '\n', '\u00e9', '\u20ac', '\uD800', '\uDBFF', '\uDC7F', '\uDC80', '\uDCFF', '\uDD00'};
        Random random = new Random(22);
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(10)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(chars);
            int expected = -1;
            for (int i = 0; i < chars.length && expected < 0; i++) {
                boolean inRange = chars[i] >= 0xDC80 && chars[i] <= 0xDCFF;
                if (inRange && (i == 0 || !Character.isHighSurrogate(chars[i - 1]))) {
                    expected = i;
                }
            }
            assertEquals(expected, GoBytes.firstEscape(s), s);
        }
    }
}
