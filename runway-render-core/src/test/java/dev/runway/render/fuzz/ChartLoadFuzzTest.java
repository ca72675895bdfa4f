package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.api.RenderException;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * The chart loader on hostile charts (issue 15): a packaged chart (.tgz, tar built from fuzz data or raw fuzz bytes
 * under gzip) and a chart folder (files, .helmignore rules, packaged subcharts) load, or fail with RenderException.
 */
@Tag("fuzz")
class ChartLoadFuzzTest {
    private static final String[] PATH_PIECES = {
        "c",
        "sub",
        "charts",
        "templates",
        "Chart.yaml",
        "values.yaml",
        "..",
        ".",
        "",
        "a.tgz",
        "x.yaml",
        "files",
        "\\",
        "c:",
        "_p",
        ".helmignore",
        "t.txt",
        "*"
    };
    private static final String[] CONTENT = {
        "apiVersion: v2\nname: c\nversion: 1.0.0\n",
        "a: 1\n",
        "{{ .Files.Glob \"files/*\" }}",
        "*.txt\n!t.txt\nfiles/\n[\n",
        "apiVersion: v2\nname: sub\nversion: 0.1.0\n"
    };

    @FuzzTest(maxDuration = "60s")
    void archiveLoadsOrExplains(FuzzedDataProvider data) throws IOException {
        byte[] archive = data.consumeBoolean() ? TarBuilder.gzip(data.consumeRemainingAsBytes()) : tgz(data, 0);
        Path dir = Files.createTempDirectory("fuzz-archive");
        try {
            Path file = dir.resolve("c-1.0.0.tgz");
            Files.write(file, archive);
            try {
                assertNotNull(Chart.loadArchive(file, dev.runway.render.api.HelmVersion.HELM_4_1));
            } catch (RenderException expected) {
                assertNotNull(expected.getMessage());
            }
        } finally {
            delete(dir);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void directoryLoadsOrExplains(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-dir");
        try {
            Path chart = dir.resolve("c");
            Files.createDirectories(chart);
            Files.writeString(chart.resolve("Chart.yaml"), CONTENT[0]);
            int files = data.consumeInt(0, 8);
            for (int i = 0; i < files; i++) {
                String name = path(data);
                Path target;
                try {
                    target = chart.resolve(name).normalize();
                } catch (java.nio.file.InvalidPathException notAFileName) {
                    continue; // a NUL in the name: no file system holds such a file
                }
                if (!target.startsWith(chart) || target.equals(chart)) {
                    continue;
                }
                byte[] content =
                        data.consumeBoolean() ? tgz(data, 1) : text(data).getBytes(StandardCharsets.UTF_8);
                try {
                    Files.createDirectories(target.getParent());
                    Files.write(target, content);
                } catch (IOException notAFileName) {
                    // a name the file system refuses (a folder of that name already, ...): skip it
                }
            }
            try {
                assertNotNull(Chart.load(chart, dev.runway.render.api.HelmVersion.HELM_4_1));
            } catch (RenderException expected) {
                assertNotNull(expected.getMessage());
            }
        } finally {
            delete(dir);
        }
    }

    /** A .tgz built from fuzz data: entries with hostile paths, types, sizes, PAX and GNU names, nested archives. */
    private static byte[] tgz(FuzzedDataProvider data, int depth) {
        TarBuilder tar = new TarBuilder();
        int entries = data.consumeInt(0, 6);
        for (int i = 0; i < entries; i++) {
            String name = data.consumeBoolean() ? "c/" + path(data) : path(data);
            switch (data.consumeInt(0, 6)) {
                case 0 -> tar.pax(Map.of(data.consumeBoolean() ? "path" : "size", data.consumeString(40)));
                case 1 -> tar.gnuLongName(name);
                case 2 ->
                    tar.entry(
                            name,
                            (char) data.consumeByte(),
                            TarBuilder.base256(data.consumeLong()),
                            data.consumeBytes(64));
                case 3 -> tar.entry(name, '0', data.consumeBytes(12), data.consumeBytes(64));
                case 4 ->
                    tar.file(name, depth < 3 && data.consumeBoolean() ? tgz(data, depth + 1) : data.consumeBytes(200));
                default -> tar.file(name, text(data));
            }
        }
        byte[] bytes = tar.tgz();
        if (data.consumeBoolean() && bytes.length > 0) {
            return java.util.Arrays.copyOf(bytes, data.consumeInt(0, bytes.length)); // truncated
        }
        return bytes;
    }

    private static String path(FuzzedDataProvider data) {
        StringBuilder b = new StringBuilder();
        int parts = data.consumeInt(1, 4);
        for (int i = 0; i < parts; i++) {
            b.append(i == 0 ? "" : "/")
                    .append(
                            data.consumeBoolean()
                                    ? PATH_PIECES[data.consumeInt(0, PATH_PIECES.length - 1)]
                                    : data.consumeString(8));
        }
        return b.toString();
    }

    private static String text(FuzzedDataProvider data) {
        return data.consumeBoolean() ? CONTENT[data.consumeInt(0, CONTENT.length - 1)] : data.consumeString(100);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
