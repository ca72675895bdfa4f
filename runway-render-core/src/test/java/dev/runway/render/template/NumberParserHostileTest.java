package dev.runway.render.template;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Number literals a template from elsewhere may hold: each refused or read in linear time. */
class NumberParserHostileTest {

    private static String parseError(String text) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(
                                TemplateParseException.class, () -> new TemplateSet("gotpl", Map.of()).parse("t", text))
                        .getMessage());
    }

    @Test
    void aMegabyteComplexPartPastFloatRangeIsRefusedInLinearTime() {
        // Sscan's error names a range error by the part's syntax; reading its million digits as a BigDecimal to tell
        // took 22 s (a quadratic BigInteger parse).
        String message = parseError("{{ " + "9".repeat(1_000_000) + "+1i }}");
        assertTrue(message.endsWith(": value out of range"), message.substring(message.length() - 60));
    }

    @Test
    void aMegabyteHexadecimalExponentIsReadInLinearTime() {
        String message = parseError("{{ 0x1p" + "9".repeat(1_000_000) + "+1i }}");
        assertTrue(message.endsWith(": value out of range"), message.substring(message.length() - 60));
    }
}
