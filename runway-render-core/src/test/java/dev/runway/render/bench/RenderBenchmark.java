package dev.runway.render.bench;

import dev.runway.render.DistinctValuesSets;
import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * On-demand benchmark (not part of the test run): renders runway-eks warm in a loop with our engine and with
 * helm-java and prints both times and the ratio; then renders batches of distinct values sets (one renderer shared
 * by a fixed pool) and prints throughput, process CPU per render, CPU and bytes allocated per render on the
 * rendering threads, peak heap, the collector's work and the load average of each. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -pl runway-render-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp runway-render-core/target/test-classes:runway-render-core/target/classes:$(cat runway-render-core/target/cp.txt) \
 *     dev.runway.render.bench.RenderBenchmark charts/runway-eks [helm-renders] [warm-renders] [batch] [first-batch]
 * </pre>
 *
 * <p>Arguments, all optional: the chart directory (default {@code charts/runway-eks}); helm-java renders per round of
 * the warm comparison (200); our renders per round (5,000); the size of each measured batch of distinct values sets
 * (10,000); the size of the first batch (default: the batch size). The first batch runs on every core before anything
 * is measured, with values sets no later batch uses, and is printed as "first batch": it includes the JIT compiling
 * the paths distinct values take, so it shows the cold figure. The "steady batch" lines that follow, on one thread and
 * on every core, are measured after it: they are the steady-state throughput.
 */
public final class RenderBenchmark {
    /** The runway-eks values set the benchmark renders (autoscaling, a disruption budget and one variable on). */
    public static final String VALUES = """
            serviceId: payments
            image:
              repository: registry.example.com/runway/payments
              tag: "1.2.3"
            autoscaling:
              enabled: true
            podDisruptionBudget:
              enabled: true
            env:
              LOG_LEVEL: debug
            """;

    /** The first batch's values sets are numbered from here; the measured batches use 0 to twice the batch size. */
    private static final int FIRST_BATCH_VALUES = 1_000_000;

    private RenderBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path chartDir = Path.of(args.length > 0 ? args[0] : "charts/runway-eks");
        int helmIterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int oursIterations = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int firstBatch = args.length > 4 ? Integer.parseInt(args[4]) : batch;

        HelmRenderer engine = HelmRenderer.prepare(Chart.load(chartDir));
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) GoYaml.read(VALUES, "bench-values.yaml");
        RenderOptions options = RenderOptions.of("payments", "payments");
        // helm-java reads the file on every render; deleted at the end (deleteOnExit left one whenever a run was
        // stopped).
        Path valuesFile = Files.createTempFile("bench-values", ".yaml");
        try {
            Files.writeString(valuesFile, VALUES, StandardCharsets.UTF_8);
            compare(
                    engine,
                    values,
                    options,
                    HelmOracle.Request.of(chartDir, "payments", "payments", valuesFile),
                    helmIterations,
                    oursIterations,
                    batch,
                    firstBatch);
        } finally {
            Files.deleteIfExists(valuesFile);
        }
    }

    private static void compare(
            HelmRenderer engine,
            Map<String, Object> values,
            RenderOptions options,
            HelmOracle.Request request,
            int helmIterations,
            int oursIterations,
            int batch,
            int firstBatch) {

        String ours = engine.render(values, options).output();
        String helm = HelmOracle.template(request).output();
        System.out.println("outputs identical: " + ours.equals(helm));

        // The machine may be shared: alternate the two engines over several rounds and compare medians.
        time(0, oursIterations, () -> engine.render(values, options));
        time(0, Math.max(1, helmIterations / 4), () -> HelmOracle.template(request));
        int rounds = 5;
        double[] helmRounds = new double[rounds];
        double[] oursRounds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            helmRounds[r] = time(0, helmIterations, () -> HelmOracle.template(request));
            oursRounds[r] = time(0, oursIterations, () -> engine.render(values, options));
        }
        double helmMs = median(helmRounds);
        double oursMs = median(oursRounds);
        // Process CPU time (all threads, GC and helm-java's Go runtime included) moves less than wall time when
        // the machine is shared: one more round of each engine, timed by CPU.
        double helmCpu = cpu(helmIterations, () -> HelmOracle.template(request));
        double oursCpu = cpu(oursIterations, () -> engine.render(values, options));
        System.out.printf(
                Locale.ROOT,
                "helm-java: %.3f ms per render (median of %d rounds of %d)%n",
                helmMs,
                rounds,
                helmIterations);
        System.out.printf(
                Locale.ROOT,
                "runway:    %.3f ms per render (median of %d rounds of %d)%n",
                oursMs,
                rounds,
                oursIterations);
        System.out.printf(Locale.ROOT, "ratio:     %.1fx faster%n", helmMs / oursMs);
        System.out.printf(
                Locale.ROOT,
                "CPU time:  helm-java %.3f ms, runway %.3f ms per render = %.1fx less%n",
                helmCpu,
                oursCpu,
                helmCpu / oursCpu);
        System.out.printf(
                Locale.ROOT,
                "load average: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        int cores = Runtime.getRuntime().availableProcessors();
        // Distinct values take paths the warm loop does not (cache misses in the schema check and regexMatch): a first
        // batch of other values sets on every core, printed but not counted in the steady figures, so that the JIT's
        // work on those paths shows there and not below.
        BatchStats first = batch(engine, FIRST_BATCH_VALUES, firstBatch, cores);
        first.print("first batch on " + cores + " threads (JIT warming up, not the steady figure)", firstBatch);
        BatchStats single = batch(engine, 0, batch, 1);
        single.print("steady batch on 1 thread", batch);
        BatchStats all = batch(engine, batch, batch, cores);
        all.print("steady batch on " + cores + " threads (all cores, one shared renderer)", batch);
    }

    /** What one batch of distinct values sets cost: wall, process CPU, heap peak and the collector's work. */
    private record BatchStats(
            double seconds,
            double cpuMs,
            double renderThreadCpuMs,
            long renderThreadBytes,
            long peakHeap,
            long gcCount,
            long gcMillis,
            long bytes,
            double load) {
        void print(String label, int renders) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d distinct values sets in %.2f s = %.0f renders/s, CPU per render %.3f ms (process;"
                            + " %.3f ms on the rendering threads), %d bytes allocated per render on the rendering"
                            + " threads (%d MB output)%n",
                    label,
                    renders,
                    seconds,
                    renders / seconds,
                    cpuMs / renders,
                    renderThreadCpuMs / renders,
                    renderThreadBytes / renders,
                    bytes / 1_000_000);
            System.out.printf(
                    Locale.ROOT,
                    "    peak heap %d MB (max heap %d MB), GC %d collections, %d ms; load average %.2f%n",
                    peakHeap / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    gcCount,
                    gcMillis,
                    load);
        }
    }

    /**
     * Renders {@code renders} distinct values sets (values parsing included), numbered from {@code first}, on
     * {@code threads} threads sharing the one prepared renderer, each thread taking the next index.
     */
    private static BatchStats batch(HelmRenderer engine, int first, int renders, int threads) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        resetPeaks();
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong threadCpu = new AtomicLong();
        AtomicLong threadBytes = new AtomicLong();
        com.sun.management.ThreadMXBean threadBean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Runnable worker = () -> {
            long ownCpu = threadBean.getCurrentThreadCpuTime();
            long ownBytes = threadBean.getCurrentThreadAllocatedBytes();
            long written = 0;
            for (int k = next.getAndIncrement(); k < renders; k = next.getAndIncrement()) {
                int i = first + k;
                written += engine.render(distinctValues(i), RenderOptions.of(serviceId(i), serviceId(i)))
                        .output()
                        .length();
            }
            bytes.addAndGet(written);
            threadCpu.addAndGet(threadBean.getCurrentThreadCpuTime() - ownCpu);
            threadBytes.addAndGet(threadBean.getCurrentThreadAllocatedBytes() - ownBytes);
        };
        if (threads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(worker));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BatchStats(
                seconds,
                (os.getProcessCpuTime() - cpu) / 1e6,
                threadCpu.get() / 1e6,
                threadBytes.get(),
                peakHeapBytes(),
                gcCount() - gcCount,
                gcMillis() - gcMillis,
                bytes.get(),
                os.getSystemLoadAverage());
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    private static String serviceId(int i) {
        return "svc-" + i;
    }

    private static Map<String, Object> distinctValues(int i) {
        return DistinctValuesSets.valuesSet(i, serviceId(i));
    }

    private static double time(int warmup, int iterations, Runnable render) {
        for (int i = 0; i < warmup; i++) {
            render.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            render.run();
        }
        return (System.nanoTime() - start) / 1e6 / iterations;
    }

    /** Process CPU milliseconds per run. */
    private static double cpu(int iterations, Runnable render) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        for (int i = 0; i < iterations; i++) {
            render.run();
        }
        return (os.getProcessCpuTime() - start) / 1e6 / iterations;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
