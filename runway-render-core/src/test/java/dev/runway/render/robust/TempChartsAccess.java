package dev.runway.render.robust;

import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages write a one-template chart with {@link TempCharts}. */
public final class TempChartsAccess {
    private TempChartsAccess() {}

    /** Writes a chart whose only template is {@code template} into {@code dir} (a test's {@code @TempDir}). */
    public static Path chart(Path dir, String template) {
        return TempCharts.write(dir, Map.of("templates/t.yaml", template));
    }
}
