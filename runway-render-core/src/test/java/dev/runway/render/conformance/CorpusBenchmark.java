package dev.runway.render.conformance;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.ValuesFileException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On-demand benchmark (not part of the test run): every conformance case, in one JVM, rendered by our engine and by
 * helm-java (Helm 3.21) in alternating rounds, each case from its chart folder and values files as the
 * {@code helm template} command would (chart loading included on both sides). Prints the total time of each engine,
 * the ratio, and the cases where we are slowest relative to Helm, so that a regression on any construct shows. Run
 * from {@code runway-render-core} (the case folders are relative to it):
 *
 * <pre>
 * ../mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.runway.render.conformance.CorpusBenchmark [rounds] [case-prefix]
 * </pre>
 */
public final class CorpusBenchmark {
    private static final Path ROOT = Path.of("src/test/resources/conformance");
    private static final Path WORK = Path.of("target/conformance/bench-work");
    private static final dev.runway.render.api.HelmVersion VERSION = dev.runway.render.api.HelmVersion.HELM_3_21;
    /** Cases slower than this on either engine spend their time in cryptography, not in the template engine. */
    private static final long HEAVY_NANOS = 50_000_000L;

    /** A case ready to render, and its best time per engine over the rounds. */
    private static final class Timed {
        final ConformanceCase c;
        final Path chart;
        final HelmOracle.Request request;
        long ours = Long.MAX_VALUE;
        long helm = Long.MAX_VALUE;

        Timed(ConformanceCase c, Path chart) {
            this.c = c;
            this.chart = chart;
            this.request = new HelmOracle.Request(
                    chart,
                    c.release(),
                    c.namespace(),
                    c.kubeVersion() == null ? HelmOracle.DEFAULT_KUBE_VERSION : c.kubeVersion(),
                    c.valuesFiles(),
                    c.set());
        }

        double ratio() {
            return (double) ours / Math.max(1, helm);
        }
    }

    private CorpusBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String only = args.length > 1 ? args[1] : "";
        System.out.printf(
                Locale.ROOT,
                "load average at start: %.2f (%d processors)%n",
                loadAverage(),
                Runtime.getRuntime().availableProcessors());
        List<Timed> cases = new ArrayList<>();
        for (ConformanceCase c : ConformanceCase.readAll(ROOT, only)) {
            cases.add(new Timed(c, c.materialize(WORK.resolve(c.id()))));
        }
        // The first pass warms both engines and checks they agree, so the timing covers the same work.
        int same = 0;
        for (Timed t : cases) {
            HelmOracle.Result helm = HelmOracle.template(t.request);
            String expected = helm.failed() ? "ERROR" : helm.output() == null ? "\n" : helm.output();
            String actual = ours(t);
            if (expected.equals(actual) || (expected.equals("ERROR") && actual.startsWith("ERROR"))) {
                same++;
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (Timed t : cases) {
                long start = System.nanoTime();
                HelmOracle.template(t.request);
                long middle = System.nanoTime();
                ours(t);
                long end = System.nanoTime();
                t.helm = Math.min(t.helm, middle - start);
                t.ours = Math.min(t.ours, end - middle);
            }
        }
        long ours = cases.stream().mapToLong(t -> t.ours).sum();
        long helm = cases.stream().mapToLong(t -> t.helm).sum();
        System.out.printf(Locale.ROOT, "cases:     %d (%d give the same output or both fail)%n", cases.size(), same);
        System.out.printf(
                Locale.ROOT, "helm-java: %.1f ms for the corpus (best of %d rounds per case)%n", helm / 1e6, rounds);
        System.out.printf(Locale.ROOT, "runway:    %.1f ms for the corpus%n", ours / 1e6);
        System.out.printf(Locale.ROOT, "ratio:     %.1fx faster%n", (double) helm / ours);
        // A handful of cases (RSA keys, bcrypt, scrypt) take most of the total; these two lines leave them out.
        List<Timed> light = cases.stream()
                .filter(t -> t.helm < HEAVY_NANOS && t.ours < HEAVY_NANOS)
                .toList();
        long lightOurs = light.stream().mapToLong(t -> t.ours).sum();
        long lightHelm = light.stream().mapToLong(t -> t.helm).sum();
        System.out.printf(
                Locale.ROOT,
                "cases under %d ms on both engines: %d, helm-java %.1f ms, runway %.1f ms =" + " %.1fx faster%n",
                HEAVY_NANOS / 1_000_000,
                light.size(),
                lightHelm / 1e6,
                lightOurs / 1e6,
                (double) lightHelm / lightOurs);
        double logSum = cases.stream()
                .mapToDouble(t -> Math.log((double) t.helm / Math.max(1, t.ours)))
                .sum();
        System.out.printf(
                Locale.ROOT, "geometric mean of the per-case ratios: %.2fx faster%n", Math.exp(logSum / cases.size()));
        System.out.println("slowest relative to helm-java (ours / helm):");
        cases.stream()
                .sorted(Comparator.comparingDouble(Timed::ratio).reversed())
                .limit(10)
                .forEach(t -> System.out.printf(
                        Locale.ROOT,
                        "  %6.2f  %8.3f ms vs %8.3f ms  %s%n",
                        t.ratio(),
                        t.ours / 1e6,
                        t.helm / 1e6,
                        t.c.id()));
        System.out.println("slowest for us:");
        cases.stream()
                .sorted(Comparator.comparingLong((Timed t) -> t.ours).reversed())
                .limit(5)
                .forEach(t -> System.out.printf(
                        Locale.ROOT, "  %8.3f ms vs %8.3f ms  %s%n", t.ours / 1e6, t.helm / 1e6, t.c.id()));
        System.out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
    }

    /** Our engine as ConformanceTest runs it for the Helm 3 column. */
    private static String ours(Timed t) {
        try {
            Map<String, Object> values = UserValues.of(t.c.valuesFiles(), t.c.set(), VERSION);
            RenderOptions options =
                    new RenderOptions(t.c.release(), t.c.namespace(), t.c.kubeVersion(), false, false, VERSION);
            return HelmRenderer.render(Chart.load(t.chart, VERSION), values, options)
                    .output();
        } catch (RenderException | SetValueException | ValuesFileException e) {
            return "ERROR: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "CRASH: " + e;
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
