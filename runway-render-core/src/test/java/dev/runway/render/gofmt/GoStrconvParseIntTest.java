package dev.runway.render.gofmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoStrconvParseIntTest {
    private static final Duration HOSTILE = Duration.ofSeconds(10);

    @Test
    void leadingZerosDoNotCountTowardsTheRange() {
        assertEquals(1L, GoStrconv.parseInt("0".repeat(100) + "1", 10));
        assertEquals(BigInteger.valueOf(255), GoStrconv.parseUint("0".repeat(100) + "ff", 16));
        assertEquals(-9223372036854775808L, GoStrconv.parseInt("-9223372036854775808", 10));
        assertNull(GoStrconv.parseInt("9223372036854775808", 10));
        assertEquals(new BigInteger("18446744073709551615"), GoStrconv.parseUint("18446744073709551615", 10));
        assertNull(GoStrconv.parseUint("18446744073709551616", 10));
        assertEquals(-1L, GoStrconv.parseInt("-0b" + "0".repeat(70) + "1", 0));
    }

    @Test
    void aNumberOfMillionsOfDigitsIsOutOfRangeAtOnce() {
        // BigInteger's parse is quadratic: two million digits took 55 s.
        String digits = "1".repeat(2_000_000);
        assertTimeoutPreemptively(HOSTILE, () -> {
            assertNull(GoStrconv.parseInt(digits, 10));
            assertNull(GoStrconv.parseInt("-" + digits, 10));
            assertNull(GoStrconv.parseUint(digits, 0));
            assertNull(GoStrconv.parseInt("1" + "_1".repeat(1_000_000), 0));
        });
    }

    @Test
    void theUnboundedParseKeepsItsExactValue() {
        String digits = "9".repeat(100);
        assertEquals(new BigInteger(digits), GoStrconv.parseBig(digits, 10));
        assertEquals(new BigInteger(digits).negate(), GoStrconv.parseBig("-" + digits, 0));
    }
}
