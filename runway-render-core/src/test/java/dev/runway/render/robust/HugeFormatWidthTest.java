package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runway.render.gofmt.GoFmt;
import org.junit.jupiter.api.Test;

/**
 * Go's fmt refuses widths and precisions past about ten million (parsenum's tooLarge: it skips to the end of the
 * format, so the verb is missing and the argument extra) instead of allocating them;
 * a fuzzer found "%4444444444s" exhausting memory here before this matched Go.
 */
class HugeFormatWidthTest {

    @Test
    void crazyLongWidthGivesNoVerb() {
        assertEquals("%!(NOVERB)%!(EXTRA string=x)", GoFmt.sprintf("%4444444444444s", "x"));
        assertEquals("a%!(NOVERB)%!(EXTRA int=1)", GoFmt.sprintf("a%#99999999999999999999999d", 1));
    }

    @Test
    void crazyLongPrecisionIsDropped() {
        assertEquals("%!(NOVERB)%!(EXTRA float64=1)", GoFmt.sprintf("%.99999999999f", 1.0));
    }

    @Test
    void ordinaryWidthsStillPad() {
        assertEquals("    x", GoFmt.sprintf("%5s", "x"));
        assertEquals(1_000_001, GoFmt.sprintf("%1000001s", "x").length());
    }
}
