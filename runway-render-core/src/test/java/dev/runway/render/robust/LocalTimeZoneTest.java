package dev.runway.render.robust;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: {@code date} prints the local zone's abbreviation as Go does when the process runs under {@code TZ}
 * (Go's time.Local reads $TZ): {@code +14} under Pacific/Kiritimati, where Java's CLDR name is {@code LINT}. The
 * zone is the JVM's default, so each case runs in a JVM of its own started with that {@code TZ} (the values checked
 * against Helm 4 under the same TZ: {@code TZ=Pacific/Kiritimati helm template}).
 */
class LocalTimeZoneTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            Pacific/Kiritimati § a: "+14 +1400" b: "+14" c: "+14"
            Asia/Kathmandu     § a: "+0545 +0545" b: "+0545" c: "+0545"
            America/Sao_Paulo  § a: "-03 -0300" b: "-03" c: "-03"
            Europe/Berlin      § a: "CET +0100" b: "CET" c: "CET"
            """)
    void dateUnderTzPrintsGosAbbreviation(String zone, String expected) throws IOException, InterruptedException {
        String template = """
                a: {{ date "MST -0700" 1700000000 | quote }}
                b: {{ dateInZone "MST" 1700000000 "Local" | quote }}
                c: {{ toDate "2006-01-02" "2023-11-14" | date "MST" | quote }}
                """;
        ForkedRender.expect("tz-" + zone.replace('/', '-'), Map.of("TZ", zone), List.of(template), "OK", expected);
    }
}
