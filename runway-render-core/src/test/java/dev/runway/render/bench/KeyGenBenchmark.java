package dev.runway.render.bench;

import dev.runway.render.HelmRenderer;
import dev.runway.render.ScratchDirectories;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.Helm4Cli;
import dev.runway.render.oracle.HelmOracle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On-demand benchmark (not part of the test run): RSA key generation in templates, our engine against the Helm 4
 * CLI (Go's crypto/rsa). Prime search time varies a lot from key to key (the number of candidates is roughly
 * geometric), so it takes many keys per side and prints means with a 95% confidence interval and medians, for wall
 * time and for CPU time (the fair measure when other work loads the machine).
 *
 * <p>Ours: a chart with one call, rendered warm once per key; CPU is this thread's. Go: each round runs the CLI on a
 * chart with {@code perProcess} calls and on the same chart without them, and the difference divided by
 * {@code perProcess} is one sample; CPU is the children's CPU time from {@code /proc/self/stat} (Linux, 10 ms ticks,
 * hence several keys per process). Rounds of the two sides alternate so both see the same load. The JDK's own
 * KeyPairGenerator (what the engine used before RsaKeyGenerator) is timed alongside for reference. Run from
 * {@code runway-render-core} after {@code scripts/fetch-helm4.sh}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.runway.render.bench.KeyGenBenchmark [rounds2048] [rounds4096]
 * </pre>
 */
public final class KeyGenBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Sprig's key sizes: genPrivateKey "rsa" makes 4096 bits, genCA and genSelfSignedCert 2048. */
    private record Call(String name, String template, int perProcess, boolean large) {}

    private static final List<Call> CALLS = List.of(
            new Call("genPrivateKey rsa (4096 bits)", "{{ genPrivateKey \"rsa\" | len }}", 2, true),
            new Call("genCA (2048 bits)", "{{ (genCA \"ca\" 365).Cert | len }}", 5, false),
            new Call(
                    "genSelfSignedCert (2048 bits)",
                    "{{ (genSelfSignedCert \"x.example.com\" nil nil 365).Cert | len }}",
                    5,
                    false));

    /** Samples per key, in milliseconds. */
    private static final class Side {
        private final double[] wall;
        private final double[] cpu;

        private Side(int n) {
            wall = new double[n];
            cpu = new double[n];
        }

        static Side of(int n) {
            return new Side(n);
        }

        double[] wall() {
            return wall;
        }

        double[] cpu() {
            return cpu;
        }
    }

    private KeyGenBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds2048 = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds4096 = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Helm4Cli helm = Helm4Cli.locate().orElseThrow(() -> new IllegalStateException(Helm4Cli.unavailableReason()));
        System.out.printf(Locale.ROOT, "load average at start: %.2f%n", loadAverage());
        Path empty = chart("", 0);
        RenderOptions options = RenderOptions.of("bench", "default");
        for (Call call : CALLS) {
            int rounds = call.large() ? rounds4096 : rounds2048;
            int keys = rounds * call.perProcess();
            HelmRenderer engine = HelmRenderer.prepare(Chart.load(chart(call.template(), 1)));
            for (int i = 0; i < 3; i++) {
                engine.render(Map.of(), options); // warm: the JIT compiles modPow's Montgomery intrinsics
            }
            Path helmChart = chart(call.template(), call.perProcess());
            Side ours = Side.of(keys);
            Side go = Side.of(rounds);
            Side jdk = Side.of(keys);
            KeyPairGenerator jdkGenerator = KeyPairGenerator.getInstance("RSA");
            jdkGenerator.initialize(call.large() ? 4096 : 2048, new SecureRandom());
            jdkGenerator.generateKeyPair();
            for (int r = 0; r < rounds; r++) {
                long w0 = System.nanoTime();
                long c0 = childrenCpuNanos();
                helm.template(HelmOracle.Request.of(empty, "bench", "default"));
                long w1 = System.nanoTime();
                long c1 = childrenCpuNanos();
                HelmOracle.Result result = helm.template(HelmOracle.Request.of(helmChart, "bench", "default"));
                long w2 = System.nanoTime();
                long c2 = childrenCpuNanos();
                if (result.failed()) {
                    throw new IllegalStateException("helm failed: " + result.error());
                }
                go.wall()[r] = ((w2 - w1) - (w1 - w0)) / 1e6 / call.perProcess();
                go.cpu()[r] = ((c2 - c1) - (c1 - c0)) / 1e6 / call.perProcess();
                for (int k = 0; k < call.perProcess(); k++) {
                    int i = r * call.perProcess() + k;
                    long t0 = System.nanoTime();
                    long t0cpu = THREADS.getCurrentThreadCpuTime();
                    engine.render(Map.of(), options);
                    ours.cpu()[i] = (THREADS.getCurrentThreadCpuTime() - t0cpu) / 1e6;
                    ours.wall()[i] = (System.nanoTime() - t0) / 1e6;
                    long j0 = System.nanoTime();
                    long j0cpu = THREADS.getCurrentThreadCpuTime();
                    jdkGenerator.generateKeyPair();
                    jdk.cpu()[i] = (THREADS.getCurrentThreadCpuTime() - j0cpu) / 1e6;
                    jdk.wall()[i] = (System.nanoTime() - j0) / 1e6;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d keys each side (helm: %d processes of %d keys, so its median"
                            + " is of per-process means)%n",
                    call.name(),
                    keys,
                    rounds,
                    call.perProcess());
            System.out.printf(
                    Locale.ROOT,
                    "  CPU  runway %s | helm 4 CLI %s | runway/helm %.2f%n",
                    stats(ours.cpu()),
                    stats(go.cpu()),
                    mean(ours.cpu()) / mean(go.cpu()));
            System.out.printf(
                    Locale.ROOT,
                    "  wall runway %s | helm 4 CLI %s | runway/helm %.2f%n",
                    stats(ours.wall()),
                    stats(go.wall()),
                    mean(ours.wall()) / mean(go.wall()));
            System.out.printf(
                    Locale.ROOT,
                    "  the JDK's KeyPairGenerator alone: CPU %s, wall %s%n",
                    stats(jdk.cpu()),
                    stats(jdk.wall()));
        }
        System.out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
    }

    private static Path chart(String call, int n) throws Exception {
        Path dir = ScratchDirectories.create("keygen-bench");
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: keygen\nversion: 0.1.0\n");
        Files.createDirectories(dir.resolve("templates"));
        StringBuilder t = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n");
        for (int i = 0; i < n; i++) {
            t.append("  k").append(i).append(": \"").append(call).append("\"\n");
        }
        Files.writeString(dir.resolve("templates/keys.yaml"), t.toString());
        return dir;
    }

    /** Mean ± half-width of a 95% confidence interval (normal approximation), and the median, per key in ms. */
    private static String stats(double[] values) {
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = values.length > 1 ? 1.96 * Math.sqrt(ss / (values.length - 1) / values.length) : Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT, "mean %7.1f ± %5.1f ms, median %7.1f ms", mean, half, sorted[sorted.length / 2]);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** CPU time of the children this JVM has waited for (cutime + cstime, fields 16 and 17 of /proc/self/stat). */
    private static long childrenCpuNanos() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
