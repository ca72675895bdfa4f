package dev.runway.render.robust;

import dev.runway.render.ScratchDirectories;
import dev.runway.render.api.RenderException;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.UserValues;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a forked JVM (see {@link HostileEngineTest}, {@link HostileChartTest}): renders one hostile template or
 * chart and prints one line, {@code RESULT <millis> <process CPU millis> <peak heap MB> <OK|ERROR|CRASH> <output or message>}. Anything
 * thrown that is not the project's RenderException (or ValuesFileException, for a chart's own files and for
 * {@code -f}, or SetValueException, for {@code --set-file}) is reported as CRASH, an OutOfMemoryError or
 * StackOverflowError included. Leading {@code -f <file>} and {@code --set-file <line>} arguments give user values.
 */
public final class HostileEngineMain {
    private HostileEngineMain() {}

    public static void main(String[] given) throws Exception {
        UserValues.Builder userValues = UserValues.builder();
        int first = 0;
        for (;
                first + 1 < given.length && given[first].startsWith("-") && !given[first].equals("--chart");
                first += 2) {
            if (given[first].equals("-f")) {
                userValues.valuesFile(Path.of(given[first + 1]));
            } else if (given[first].equals("--set")) { // a long line (deep --set) comes in a file: @path
                userValues.set(
                        given[first + 1].startsWith("@")
                                ? Files.readString(Path.of(given[first + 1].substring(1)))
                                : given[first + 1]);
            } else {
                userValues.setFile(given[first + 1]);
            }
        }
        String[] args = java.util.Arrays.copyOfRange(given, first, given.length);
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("@")) { // a long argument, in a file (see HostileEngineTest)
                args[i] = Files.readString(Path.of(args[i].substring(1)));
            }
        }
        // "--chart <folder>" renders a hostile chart written by the test (HostileChartTest); otherwise the first
        // argument is a template, with an optional values.schema.json and values.yaml after it.
        Path chart;
        if (args[0].equals("--chart")) {
            chart = Path.of(args[1]);
        } else {
            Map<String, String> files = args.length > 2
                    ? Map.of("templates/t.yaml", args[0], "values.schema.json", args[1], "values.yaml", args[2])
                    : Map.of("templates/t.yaml", args[0]);
            chart = TempCharts.write(ScratchDirectories.create("hostile").resolve("chart"), files);
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        String outcome;
        try {
            outcome = "OK "
                    + TempCharts.render(chart, userValues.build().merge().values())
                            .replace('\n', ' ');
        } catch (RenderException | dev.runway.render.values.ValuesFileException | SetValueException e) {
            outcome = "ERROR " + e.getMessage().replace('\n', ' ');
        } catch (Throwable t) {
            outcome = "CRASH " + t;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // Long messages keep their start and their end: nested subchart errors put the cause last.
        String shown = outcome.length() > 600
                ? outcome.substring(0, 300) + " ... " + outcome.substring(outcome.length() - 300)
                : outcome;
        System.out.println("RESULT " + millis + " " + cpuMillis + " " + (peak >> 20) + " " + shown);
    }
}
