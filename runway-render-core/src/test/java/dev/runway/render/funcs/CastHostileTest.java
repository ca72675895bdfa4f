package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CastHostileTest {
    @Test
    void longDigitRunsWithoutAnEndAreRefusedInLinearTime() {
        // "\d+\.?\d*" took 1.4 s on 10,000 digits and a final 'x'; possessive runs read the same texts in one pass.
        String digits = "1".repeat(200_000) + "x";
        assertEquals(0.0, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Cast.toFloat64(digits)));
        assertEquals(12.5, Cast.toFloat64("12.5"));
        assertEquals(1e3, Cast.toFloat64("1.e3"));
        assertEquals(0.5, Cast.toFloat64(".5"));
    }
}
