package dev.runway.render.robust;

import static dev.runway.render.robust.Text.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same chart and values give the same bytes whatever the machine's locale (Turkish dotless i, German decimal
 * comma, Arabic and Thai digits), time zone, default charset and line separator: in-process by switching the
 * JVM defaults (restored afterwards), and in a forked JVM started with other system properties.
 */
class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void goCaseRulesNotTheMachinesLocale() throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String out = new String(DeterminismMain.renderAll(tmp.resolve("a")), StandardCharsets.UTF_8);
            assertThat(out)
                    .contains("  upper: ISTANBUL I I\n")
                    .contains("  lower: istanbul i\n")
                    .contains("  title: Istanbul Irmak i\n")
                    .contains("numbers: 1.5 1e+06 3.142 1.234568e+04");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void localeSensitiveFunctionsMatchHelmUnderTurkishLocale() {
        Path chart = TempCharts.write(
                tmp.resolve("locale-chart"),
                java.util.Map.of("templates/locale.yaml", DeterminismMain.LOCALE_TEMPLATE));
        HelmOracle.Result result = HelmOracle.template(HelmOracle.Request.of(chart, "release-name", "default"));
        assertEquals(null, result.error(), "Helm failed on the locale chart");
        String helm = result.output();
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(helm, TempCharts.render(chart, java.util.Map.of()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void inProcessLocalesAndTimeZonesGiveIdenticalBytes() throws IOException {
        byte[] baseline = DeterminismMain.renderAll(tmp.resolve("base"));
        Locale savedLocale = Locale.getDefault();
        TimeZone savedZone = TimeZone.getDefault();
        String[][] settings = {
            {"tr-TR", "Europe/Istanbul"}, {"de-DE", "Pacific/Kiritimati"}, {"ar-SA", "America/St_Johns"},
            {"th-TH-u-nu-thai", "Asia/Kathmandu"}, {"hi-IN", "Pacific/Chatham"}, {"az-Latn-AZ", "Etc/GMT+12"},
        };
        try {
            int i = 0;
            for (String[] s : settings) {
                Locale.setDefault(Locale.forLanguageTag(s[0]));
                TimeZone.setDefault(TimeZone.getTimeZone(s[1]));
                byte[] again = DeterminismMain.renderAll(tmp.resolve("run" + i++));
                assertArrayEquals(baseline, again, "render differs under " + s[0] + " / " + s[1]);
            }
        } finally {
            Locale.setDefault(savedLocale);
            TimeZone.setDefault(savedZone);
        }
    }

    @Test
    void forkedJvmWithTurkishLatin1AndCrlfGivesIdenticalBytes() throws IOException, InterruptedException {
        byte[] baseline = DeterminismMain.renderAll(tmp.resolve("base"));
        Path out = tmp.resolve("forked.out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.language=tr");
        command.add("-Duser.country=TR");
        command.add("-Dfile.encoding=ISO-8859-1");
        command.add("-Dsun.jnu.encoding=ISO-8859-1");
        command.add("-Dline.separator=\r\n");
        command.add("-Duser.timezone=Asia/Kathmandu");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeterminismMain.class.getName());
        command.add(out.toString());
        command.add(tmp.resolve("forked").toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("forked.log").toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "forked render did not finish");
        assertEquals(0, process.exitValue(), () -> "forked render failed:\n" + read(tmp.resolve("forked.log")));
        assertArrayEquals(
                baseline,
                Files.readAllBytes(out),
                "bytes differ with -Duser.language=tr -Dfile.encoding=ISO-8859-1 -Dline.separator=\\r\\n");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
