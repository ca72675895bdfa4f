package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shortcuts toYaml's quoting decision takes before resolving a scalar must give the full resolution's answer. */
class YamlResolverTest {

    @Test
    void stringsStartingWithoutAResolveHintAreNeverQuoted() {
        for (String s : new String[] {"nginx", "app.kubernetes.io/name", "payments", "<<x", "a:1", "_1", "Ab"}) {
            assertFalse(YamlResolver.needsQuoting(s), s);
            assertEquals(YamlResolver.Kind.STR, YamlResolver.resolvePlain(s).kind(), s);
        }
    }

    @Test
    void scalarsThatReadBackAsAnotherTypeAreQuoted() {
        for (String s : new String[] {
            "",
            "true",
            "no",
            "~",
            "null",
            "8080",
            "-1",
            "1.5",
            ".5",
            "0x1F",
            "1:20",
            "+1:20",
            "2001-1-1",
            "2001-12-14",
            "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10"
        }) {
            assertTrue(YamlResolver.needsQuoting(s), s);
        }
        for (String s : new String[] {"1.2.3", "100m", "2001-1-", "2001/1/1", "1-2-3", "tea", "yes-no"}) {
            assertFalse(YamlResolver.needsQuoting(s), s);
        }
    }

    @Test
    void timestampsAtTheShortestLengthAndTheirRangeChecks() {
        assertTrue(YamlResolver.isTimestamp("2001-1-1"));
        assertTrue(YamlResolver.isTimestamp("2024-02-29"));
        assertTrue(YamlResolver.isTimestamp("2001-12-14T21:59:43Z"));
        assertTrue(YamlResolver.isTimestamp("2001-12-14 23:59:59"));
        assertFalse(YamlResolver.isTimestamp("2001-1-"));
        assertFalse(YamlResolver.isTimestamp("200-1-1"));
        assertFalse(YamlResolver.isTimestamp("20011-1-1"));
        assertFalse(YamlResolver.isTimestamp("2001_1-1-1"));
        assertFalse(YamlResolver.isTimestamp("2023-02-29"));
        assertFalse(YamlResolver.isTimestamp("2001-13-01"));
        assertFalse(YamlResolver.isTimestamp("2001-12-14 24:00:00"));
        assertFalse(YamlResolver.isTimestamp("2001-12-14T21:60:43Z"));
        assertFalse(YamlResolver.isTimestamp("2001-12-14T21:59:43+25:00"));
    }
}
