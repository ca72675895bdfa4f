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
 * Arguments: chart folder, values file, release name (also the namespace), and optionally {@code --phases}, which
 * prints the wall milliseconds of each step (values, chart loading, render) to standard error to show where a first
 * render's time goes. Prints the output's length, not the output, so that the terminal does not count.
 */
public final class FirstRenderMain {
    private FirstRenderMain() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        Map<String, Object> values = UserValues.builder()
                .valuesFile(Path.of(args[1]))
                .build()
                .merge()
                .values();
        long valuesRead = System.nanoTime();
        Chart chart = Chart.load(Path.of(args[0]));
        long chartLoaded = System.nanoTime();
        String output = HelmRenderer.render(chart, values, RenderOptions.of(args[2], args[2]))
                .output();
        long rendered = System.nanoTime();
        System.out.println(output.length() + " characters");
        if (args.length > 3 && args[3].equals("--phases")) {
            System.err.println("values " + millis(start, valuesRead) + " ms, chart " + millis(valuesRead, chartLoaded)
                    + " ms, render " + millis(chartLoaded, rendered) + " ms");
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
