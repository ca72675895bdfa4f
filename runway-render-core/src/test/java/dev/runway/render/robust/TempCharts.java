package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small charts written into a temporary directory, for tests that need real files (symlinks, sizes). */
final class TempCharts {
    private TempCharts() {}

    /** Writes {@code files} (path relative to the chart -> text) plus a minimal Chart.yaml named "bad". */
    static Path write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            if (!files.containsKey("Chart.yaml")) {
                Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: 0.1.0\n");
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Path chart, Map<String, Object> values) {
        return HelmRenderer.render(Chart.load(chart), values, RenderOptions.defaults())
                .output();
    }

    /** Renders and returns the message of the RenderException it must throw. */
    static String failure(Path chart, Map<String, Object> values) {
        return assertThrows(RenderException.class, () -> render(chart, values)).getMessage();
    }
}
