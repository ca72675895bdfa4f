package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** sanitizeString: Go white space becomes ' ', unprintable runes go, runes outside the BMP stay whole. */
class ChartMetadataSanitizeTest {

    @Test
    void sanitizeWorksRuneByRune() {
        assertEquals("a b c d", ChartMetadata.sanitize("a\tb\nc\u3000d"));
        assertEquals("ab", ChartMetadata.sanitize("a\u0000\u0007b"));
        assertEquals("x\uD83D\uDE00y", ChartMetadata.sanitize("x\uD83D\uDE00y"));
        assertEquals("", ChartMetadata.sanitize(""));
    }
}
