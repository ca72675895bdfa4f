package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's time layouts ({@link GoTimeLayout}); every expected value is what the Helm 4 CLI printed for the same call
 * ({@code helm template}, under the TZ named in the case; the funcs-oracle cases check many more against Helm in
 * the build).
 */
class GoTimeLayoutTest {
    private static final GoZoneNames ZONES = new GoZoneNames();
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static String parsed(String layout, String value, ZoneId local) throws Exception {
        return GoTimeLayout.parse(layout, value, local, ZONES).goString();
    }

    @Test
    void formatPrintsEveryChunkAsGo() throws Exception {
        GoTime t = GoTimeLayout.parse("2006-01-02 15:04:05.00", "2024-03-05 14:07:09.12", UTC, ZONES);
        // dateInZone "__2|Z07|.0|,000|pm|PM|3|_2|002" ... "UTC"
        assertEquals(" 65|Z|.1|,120|pm|PM|2| 5|065", t.format("__2|Z07|.0|,000|pm|PM|3|_2|002"));
        GoTime k = new GoTime(Instant.ofEpochSecond(1709647629).atZone(ZoneId.of("Asia/Kathmandu")), ZONES);
        assertEquals("+05 +05 +05:45:00 +0545", k.format("Z07 -07 Z07:00:00 MST"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Jan 2 2006                         | feb 3 2024                         | 2024-02-03 00:00:00 +0000 UTC
            2006-01-02 15:04 MST               | 2024-03-05 10:00 GMT+3             | 2024-03-05 13:00:00 +0300 GMT+3
            2006-01-02 15:04 MST               | 2024-03-05 10:00 PST               | 2024-03-05 10:00:00 +0000 PST
            06 002 3PM                         | 69 060 12AM                        | 1969-03-01 00:00:00 +0000 UTC
            2006-01-02 15:04:05                | 2024-03-05 14:07:09,1234567891234  | 2024-03-05 14:07:09.123456789 +0000 UTC
            """)
    void parseAsGoInUtc(String layout, String value, String expected) throws Exception {
        assertEquals(expected, parsed(layout, value, UTC));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Asia/Kathmandu   | 2006-01-02 15:04 -0700 | 2024-03-05 10:00 +0545 | 2024-03-05 10:00:00 +0545 +0545
            Asia/Kathmandu   | 2006-01-02 15:04       | 2024-03-05 10:00       | 2024-03-05 10:00:00 +0545 +0545
            America/New_York | 2006-01-02 15:04       | 2024-03-10 02:30       | 2024-03-10 01:30:00 -0500 EST
            America/New_York | 2006-01-02 15:04       | 2024-11-03 01:30       | 2024-11-03 01:30:00 -0400 EDT
            America/New_York | 2006-01-02 15:04 MST   | 2024-07-01 10:00 EST   | 2024-07-01 11:00:00 -0400 EDT
            America/New_York | 2006-01-02 15:04 MST   | 2024-01-01 10:00 EDT   | 2024-01-01 09:00:00 -0500 EST
            America/New_York | 2006-01-02 15:04 -0700 | 2024-07-01 10:00 -0400 | 2024-07-01 10:00:00 -0400 EDT
            """)
    void parseUsesTheLocalZoneAsGo(String zone, String layout, String value, String expected) throws Exception {
        // TZ=<zone> helm template: a nonexistent local time (the spring gap) takes time.Date's offset, not java.time's
        assertEquals(expected, parsed(layout, value, ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2006-01-02     | bad            | parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"
            2006-01-02     | 2024-13-01     | parsing time "2024-13-01": month out of range
            2006-01-02     | 2024-01-05x    | parsing time "2024-01-05x": extra text: "x"
            2006-01-02     | 2024-02-30     | parsing time "2024-02-30": day out of range
            2006 002       | 2023 000       | parsing time "2023 000": day-of-year out of range
            2006-01-02 002 | 2024-03-06 065 | parsing time "2024-03-06 065": day-of-year does not match day
            15:04 -0700    | 10:00 +2500    | parsing time "10:00 +2500": time zone offset hour out of range
            15:04:05.00    | 10:00:00.-5    | parsing time "10:00:00.-5": fractional second out of range
            2006           | é              | parsing time "\\xc3\\xa9" as "2006": cannot parse "\\xc3\\xa9" as "2006"
            2006 01        | 2024x01        | parsing time "2024x01" as "2006 01": cannot parse "x01" as " "
            2006-01-02 15:04 MST | 2024-03-05 10:00 +0545 | parsing time "2024-03-05 10:00 +0545" as "2006-01-02 15:04 MST": cannot parse "+0545" as "MST"
            """)
    void parseErrorsAreGos(String layout, String value, String expected) {
        GoTimeLayout.ParseError e = assertThrows(GoTimeLayout.ParseError.class, () -> parsed(layout, value, UTC));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void hostileLayoutsAndValuesStayLinear() {
        // Runs of fraction-like and name-like text: each chunk search starts where the last ended.
        String layout = ".0".repeat(200_000) + "1" + "Janu".repeat(100_000) + ".9".repeat(100_000) + "0";
        ZonedDateTime t = ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 120_000_000, ZoneOffset.UTC);
        GoTime g = new GoTime(t, ZONES);
        String value = " ".repeat(500_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // ".0" before "." is a one-digit fraction; the last ".0" runs into "1" and is "." and month "01".
            String out = g.format(layout);
            assertEquals(".1".repeat(199_999) + ".03" + "Janu".repeat(100_000) + ".1".repeat(99_999) + ".90", out);
            assertThrows(
                    GoTimeLayout.ParseError.class,
                    () -> GoTimeLayout.parse(" ".repeat(500_000) + "2006", value, UTC, ZONES));
            assertThrows(GoTimeLayout.ParseError.class, () -> GoTimeLayout.parse(layout, value, UTC, ZONES));
        });
    }
}
