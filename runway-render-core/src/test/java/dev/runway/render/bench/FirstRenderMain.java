package dev.runway.render.bench;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.values.UserValues;
import java.nio.file.Path;
import java.util.Map;

/**
 * One render in a fresh JVM, as {@code helm template <release> <chart> -f <values>} does it: for timing the first
 * render (scripts/first-render.sh runs it against the helm CLI, with and without a class-data archive).
 * Arguments: chart folder, values file, release name (also the namespace). Prints the output's length, not the
 * output, so that the terminal does not count.
 */
public final class FirstRenderMain {
    private FirstRenderMain() {}

    public static void main(String[] args) {
        Map<String, Object> values = UserValues.builder()
                .valuesFile(Path.of(args[1]))
                .build()
                .merge()
                .values();
        String output = HelmRenderer.render(Chart.load(Path.of(args[0])), values, RenderOptions.of(args[2], args[2]))
                .output();
        System.out.println(output.length() + " characters");
    }
}
