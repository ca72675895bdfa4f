package dev.runway.render.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages write a one-template chart with {@link TempCharts}. */
public final class TempChartsAccess {
    private TempChartsAccess() {}

    public static Path chart(String template) {
        try {
            return TempCharts.write(Files.createTempDirectory("chart"), Map.of("templates/t.yaml", template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
