package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zone abbreviations where the system has no tzdata: the zones tzdata names by their offset still print it as Go
 * prints it from tzdata ({@code +14}, not Java's {@code LINT}).
 */
class GoZoneNamesTest {
    private static final Instant NOV_2023 = Instant.ofEpochSecond(1_700_000_000L);
    private final GoZoneNames withoutTzdata = new GoZoneNames(List.of());

    @Test
    void numericZonesPrintTheirOffsetWithoutTzdata() {
        assertEquals("+14", withoutTzdata.abbreviation(ZoneId.of("Pacific/Kiritimati"), NOV_2023));
        assertEquals("-03", withoutTzdata.abbreviation(ZoneId.of("America/Sao_Paulo"), NOV_2023));
        assertEquals("+0545", withoutTzdata.abbreviation(ZoneId.of("Asia/Kathmandu"), NOV_2023));
        assertEquals("-0930", withoutTzdata.abbreviation(ZoneId.of("Pacific/Marquesas"), NOV_2023));
        assertEquals("-05", withoutTzdata.abbreviation(ZoneId.of("Etc/GMT+5"), NOV_2023));
    }

    @Test
    void otherZonesAndEarlierTimesKeepJavasNameWithoutTzdata() {
        assertNull(withoutTzdata.abbreviation(ZoneId.of("Europe/Berlin"), NOV_2023));
        // Before 1901 Kiritimati kept local mean time (LMT in tzdata), not a numeric name.
        assertNull(withoutTzdata.abbreviation(ZoneId.of("Pacific/Kiritimati"), Instant.ofEpochSecond(-2_200_000_000L)));
    }

    @Test
    void offsetNamesAsZicWritesThem() {
        assertEquals("+00", GoZoneNames.offsetName(0));
        assertEquals("-10", GoZoneNames.offsetName(-36_000));
        assertEquals("-1040", GoZoneNames.offsetName(-38_400));
        assertEquals("+013045", GoZoneNames.offsetName(5_445));
    }

    /**
     * The table against the system's tzdata, which Go reads: for every zone of the table Java knows, at instants
     * from the table's start and from 1970 on, both give the same name. Fails when the table is stale for this
     * system's tzdata (regenerate it with scripts/numeric-zone-abbreviations.py). Before 1970 the JDK's own tzdata
     * and the system's may disagree on offsets (tzdata merged zones that agree since 1970 and moved their older
     * history to its backzone file), so the table's offset can differ there.
     */
    @Test
    void tableAgreesWithTheSystemsTzdata() throws IOException {
        assertTrue(
                Files.isRegularFile(Path.of("/usr/share/zoneinfo/Pacific/Kiritimati")),
                "this test needs the system's tzdata (Debian package tzdata)");
        GoZoneNames system = new GoZoneNames(List.of("/usr/share/zoneinfo/"));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String[] entry : table()) {
            if (!ZoneId.getAvailableZoneIds().contains(entry[0])) {
                continue;
            }
            ZoneId zone = ZoneId.of(entry[0]);
            long since = entry[1].equals("-") ? -2_000_000_000L : Long.parseLong(entry[1]);
            for (long second : new long[] {
                since,
                since + 86_400 * 400L,
                0,
                500_000_000L,
                1_000_000_000L,
                1_700_000_000L,
                1_690_000_000L,
                2_000_000_000L
            }) {
                if (second < since || second < 0) {
                    continue;
                }
                Instant at = Instant.ofEpochSecond(second);
                String expected = system.abbreviation(zone, at);
                String actual = withoutTzdata.abbreviation(zone, at);
                compared++;
                if (!expected.equals(actual)) {
                    mismatches.add(zone + " at " + at + ": tzdata " + expected + ", table " + actual);
                }
            }
        }
        assertTrue(compared > 800, "compared only " + compared);
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches: " + mismatches);
    }

    private static List<String[]> table() throws IOException {
        try (InputStream in = GoZoneNames.class.getResourceAsStream("numeric-zone-abbreviations.txt")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n", -1)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(" "));
                }
            }
            return rows;
        }
    }
}
