package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Format reasons against the text Helm 4.1.4 printed for the same values (santhosh-tekuri/jsonschema v6.0.2, draft-07
 * schema, one format per tuple item); the conformance case chart-schema/draft07-format-reasons checks a few through
 * both Helm versions on every run.
 */
class FormatReasonsTest {
    @Test
    void reasonsAreSanthoshs() {
        String[][] cases = {
            {"ipv4", "1.2.3", "expected four decimals"},
            {"ipv4", "1.2.3.256", "decimal must be between 0 and 255"},
            {"ipv4", "1.2.3.99999999999999999999", "strconv.Atoi: parsing \"99999999999999999999\": value out of range"
            },
            {"duration", "PT", "no time elements"},
            {"duration", "P1M1Y", "unit 'Y' out of order"},
            {"duration", "P", "nothing after P"},
            {"duration", "PW", "no number in week"},
            {"duration", "P1X", "invalid unit 'X'"},
            {"duration", "P1", "missing unit"},
            {"duration", "PT1H1HT", "unit 'H' out of order"},
            {"hostname", "a_b.com", "invalid character '_'"},
            {"hostname", "ab-.com", "label ends with hyphen"},
            {"hostname", "a..b", "label must be 1 to 63 characters long"},
            {"email", "ab", "missing @"},
            {"email", ".a@b.com", "starts with dot"},
            {"email", "a\"b@c.com", "invalid character '\"'"},
            {"email", "a@[1.2.3]", "invalid ipv4 address: expected four decimals"},
            {"time", "12:00", "less than 9 characters long"},
            {"time", "12-00-00Z", "missing colon in correct place"},
            {"time", "12:00:00.Z", "no digits in second fraction"},
            {"time", "12:00:00x01:00", "offset must begin with plus/minus"},
            {"time", "23:59:60+01:00", "invalid leap second"},
            {"date-time", "2024-01-01X10:00:00Z", "11th character must be t or T"},
            {
                "date-time",
                "2024-13-01T10:00:00Z",
                "invalid date element: parsing time \"2024-13-01\": month out of range"
            },
            {"uuid", "12345678-123-1234-1234-123456789012", "element 2 must be 4 characters long"}
        };
        for (String[] c : cases) {
            assertEquals(c[2], FormatReasons.of(c[0], c[1]), c[0] + " " + c[1]);
        }
    }

    @Test
    void reasonsFromGosLibrariesAreLeftOut() {
        // Helm: ParseAddr("1::2::3"): multiple :: in address (at ":3"), and time.Parse's layout error.
        assertNull(FormatReasons.of("ipv6", "1::2::3"));
        assertNull(FormatReasons.of("date", "2024-1-01"));
        assertNull(FormatReasons.of("ipv4", "1.2.3.4"));
        assertNull(FormatReasons.of("time", "23:59:60Z"));
    }
}
