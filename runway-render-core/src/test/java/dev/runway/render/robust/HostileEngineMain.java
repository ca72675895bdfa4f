package dev.runway.render.robust;

import dev.runway.render.RenderException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a forked JVM (see {@link HostileEngineTest}): renders one hostile template and prints one line,
 * {@code RESULT <millis> <peak heap MB> <OK|ERROR|CRASH> <output or message>}. Anything thrown that is not the
 * project's RenderException is reported as CRASH, an OutOfMemoryError or StackOverflowError included.
 */
public final class HostileEngineMain {
    private HostileEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        String template = args[0];
        Path dir = Files.createTempDirectory("hostile");
        Path chart = TempCharts.write(dir.resolve("chart"), Map.of("templates/t.yaml", template));
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
        String shown = outcome.length() > 600 ? outcome.substring(0, 600) + "..." : outcome;
        System.out.println("RESULT " + millis + " " + (peak >> 20) + " " + shown);
    }
}
