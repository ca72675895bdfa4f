package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Packaged charts read as Helm's loader and Go's archive/tar read them (issue 15). */
class TarGzTest {
    private static Map<String, byte[]> read(byte[] tgz) {
        return TarGz.read(tgz, new TarGz.Budget(ChartLoader.MAX_CHART_BYTES));
    }

    private static String error(byte[] tgz) {
        return assertThrows(RenderException.class, () -> read(tgz)).getMessage();
    }

    @Test
    void pathsAreCleanedAsGoDoes() {
        Map<String, byte[]> files = read(new TarBuilder()
                .file("sub/./templates/t.yaml", "t")
                .file("sub/templates/../values.yaml", "v")
                .file("sub/a//b.txt", "b")
                .tgz());
        assertEquals(java.util.Set.of("templates/t.yaml", "values.yaml", "a/b.txt"), files.keySet());
    }

    @Test
    void entriesLeavingTheChartAreRefusedWithHelmsWords() {
        assertEquals(
                "chart illegally references parent directory",
                error(new TarBuilder().file("sub/../../evil.txt", "x").tgz()));
        assertEquals(
                "chart illegally contains absolute paths",
                error(new TarBuilder().file("sub//etc/x", "x").tgz()));
        assertEquals(
                "chart illegally contains content outside the base directory: \"top.txt\"",
                error(new TarBuilder().file("top.txt", "x").tgz()));
        assertEquals(
                "chart yaml not in base directory",
                error(new TarBuilder().file("Chart.yaml/x", "x").tgz()));
        assertEquals(
                "chart contains illegally named files",
                error(new TarBuilder().file("s\\c:\\x", "x").tgz()));
    }

    @Test
    void longNamesFromPaxAndGnuHeaders() {
        String longName = "sub/" + "d".repeat(150) + "/file.txt";
        Map<String, byte[]> files = read(new TarBuilder()
                .pax(Map.of("path", longName))
                .file("sub/short", "p")
                .gnuLongName("sub/" + "g".repeat(200))
                .file("sub/other", "g")
                .tgz());
        assertArrayEquals("p".getBytes(StandardCharsets.UTF_8), files.get(longName.substring(4)));
        assertTrue(files.containsKey("g".repeat(200)));
    }

    @Test
    void negativeAndGarbageSizesAreRefused() {
        assertTrue(error(new TarBuilder()
                        .entry("sub/a", '0', TarBuilder.base256(-1), new byte[0])
                        .tgz())
                .startsWith("archive/tar: invalid tar header: entry \"sub/a\" has a negative size (-1)"));
        assertTrue(error(new TarBuilder()
                        .entry("sub/a", '0', "12x4\0".getBytes(StandardCharsets.US_ASCII), new byte[0])
                        .tgz())
                .startsWith("archive/tar: invalid tar header (\"12x4\" is no octal number)"));
        assertTrue(error(new TarBuilder()
                        .pax(Map.of("size", "-5"))
                        .file("sub/a", "a")
                        .tgz())
                .contains("negative size (-5)"));
        byte[] bad = new TarBuilder().file("sub/a", "a").tar();
        bad[0] = 'X'; // the checksum no longer fits
        assertTrue(error(TarBuilder.gzip(bad)).startsWith("archive/tar: invalid tar header (bad checksum)"));
    }

    @Test
    void sizesAreLimitedPerFileAndForTheWholeChart() {
        assertEquals(
                "decompressed chart file \"sub/big\" is larger than the maximum file size 5242880",
                error(new TarBuilder()
                        .entry("sub/big", '0', TarBuilder.octal(6L << 20, 12), new byte[0])
                        .tgz()));
        TarGz.Budget budget = new TarGz.Budget(3000);
        byte[] one = new TarBuilder().file("sub/a", new byte[1000]).tgz();
        TarGz.read(one, budget);
        RenderException e = assertThrows(RenderException.class, () -> TarGz.read(one, budget));
        assertTrue(e.getMessage().startsWith("decompressed chart is larger than the maximum size 104857600"));
    }

    @Test
    void truncatedAndNonGzipArchivesSaySo() {
        byte[] tgz = new TarBuilder().file("sub/a", new byte[5000]).tgz();
        assertTrue(error(java.util.Arrays.copyOf(tgz, tgz.length / 2)).startsWith("unexpected EOF"));
        assertTrue(error("name: x\n".getBytes(StandardCharsets.UTF_8)).startsWith("gzip: invalid header"));
        assertEquals("no files in chart archive", error(new TarBuilder().tgz()));
        byte[] tar = new TarBuilder().file("sub/a", new byte[5000]).tar();
        assertTrue(error(TarBuilder.gzip(java.util.Arrays.copyOf(tar, 1024))).startsWith("unexpected EOF"));
    }

    @Test
    void foldersAndGlobalHeadersAreSkippedAndLinksReadEmpty() {
        Map<String, byte[]> files = read(new TarBuilder()
                .entry("sub/dir/", '5', TarBuilder.octal(0, 12), new byte[0])
                .entry("sub/g", 'g', TarBuilder.octal(0, 12), new byte[0])
                .entry("sub/link", '2', TarBuilder.octal(0, 12), new byte[0])
                .file("sub/a", "a")
                .tgz());
        assertEquals(java.util.Set.of("link", "a"), files.keySet());
        assertEquals(0, files.get("link").length);
    }
}
