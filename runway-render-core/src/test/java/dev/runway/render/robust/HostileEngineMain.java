package dev.runway.render.robust;

import dev.runway.render.RenderException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a forked JVM (see {@link HostileEngineTest}, {@link HostileChartTest}): renders one hostile template or
 * chart and prints one line,
 * {@code RESULT <millis> <peak heap MB> <OK|ERROR|CRASH> <output or message>}. Anything thrown that is not the
 * project's RenderException is reported as CRASH, an OutOfMemoryError or StackOverflowError included.
 */
public final class HostileEngineMain {
    private HostileEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        // "--chart <folder>" renders a hostile chart written by the test (HostileChartTest); otherwise the argument is
        // a template.
        Path chart = args[0].equals("--chart") ? Path.of(args[1])
                : TempCharts.write(Files.createTempDirectory("hostile").resolve("chart"),
                        Map.of("templates/t.yaml", args[0]));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = "OK " + TempCharts.render(chart, Map.of()).replace('\n', ' ');
        } catch (RenderException e) {
            outcome = "ERROR " + e.getMessage().replace('\n', ' ');
        } catch (Throwable t) {
            outcome = "CRASH " + t;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // Long messages keep their start and their end: nested subchart errors put the cause last.
        String shown = outcome.length() > 600
                ? outcome.substring(0, 300) + " ... " + outcome.substring(outcome.length() - 300) : outcome;
        System.out.println("RESULT " + millis + " " + (peak >> 20) + " " + shown);
    }
}
