package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Go's time.ParseDuration as {@code durationRound} and {@code dateModify} read their text. */
class GoDurationTest {

    @Test
    void readsGoDurations() {
        assertEquals(5_400_000_000_000L, GoDuration.parse("1h30m"));
        assertEquals(1_500_000_000L, GoDuration.parse("1.5s"));
        assertEquals(-2_000_000L, GoDuration.parse("-2ms"));
        assertEquals(3_000L, GoDuration.parse("3µs"));
        assertEquals(60_000_000_001L, GoDuration.parse("1m1ns"));
        assertEquals(0L, GoDuration.parse("0"));
    }

    @Test
    void refusesWhatGoRefuses() {
        for (String bad : new String[] {"", "-", "1", "1x", ".s", "h", "1h x", "1hh"}) {
            assertNull(GoDuration.parse(bad), bad);
        }
    }

    /**
     * The text comes from values, so any length: a long run of digits without a unit made the old unanchored search
     * take quadratic time or worse (20,000 digits: 19 s). The bound is generous; the anchored match reads it in
     * milliseconds.
     */
    @Test
    void longRunOfDigitsWithoutAUnitEndsQuickly() {
        String hostile = "1".repeat(200_000) + "x";
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> GoDuration.parse(hostile)));
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> GoDuration.parse("1s" + hostile)));
    }
}
