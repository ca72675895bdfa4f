package dev.runway.render.bench;

import dev.runway.render.HelmRenderer;
import dev.runway.render.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.Helm4Cli;
import dev.runway.render.oracle.HelmOracle;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On-demand benchmark (not part of the test run): RSA key generation in templates, our engine against the Helm 4
 * CLI (Go's crypto/rsa). For each function a chart calls it {@code n} times; the Helm time is the CLI's wall time
 * for that chart minus its time for the same chart without the calls (process start and chart loading), so both
 * columns are the time per key. Run from {@code runway-render-core} after {@code scripts/fetch-helm4.sh}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.runway.render.bench.KeyGenBenchmark [n] [rounds]
 * </pre>
 */
public final class KeyGenBenchmark {
    /** Sprig's key sizes: genPrivateKey "rsa" makes 4096 bits, genCA and genSelfSignedCert 2048. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"genPrivateKey rsa (4096 bits)", "{{ genPrivateKey \"rsa\" | len }}"},
            new String[] {"genCA (2048 bits)", "{{ (genCA \"ca\" 365).Cert | len }}"},
            new String[] {"genSelfSignedCert (2048 bits)",
                "{{ (genSelfSignedCert \"x.example.com\" nil nil 365).Cert | len }}"});

    private KeyGenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Helm4Cli helm = Helm4Cli.locate().orElseThrow(() -> new IllegalStateException(Helm4Cli.unavailableReason()));
        System.out.printf(Locale.ROOT, "load average at start: %.2f%n", loadAverage());
        Path empty = chart("", 0);
        for (String[] call : CALLS) {
            Path chart = chart(call[1], n);
            HelmRenderer engine = HelmRenderer.prepare(Chart.load(chart));
            RenderOptions options = RenderOptions.of("bench", "default");
            engine.render(Map.of(), options); // warm
            double[] ours = new double[rounds];
            double[] go = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                engine.render(Map.of(), options);
                long t1 = System.nanoTime();
                ours[r] = (t1 - t0) / 1e6 / n;
                long b0 = System.nanoTime();
                helm.template(HelmOracle.Request.of(empty, "bench", "default"));
                long b1 = System.nanoTime();
                HelmOracle.Result result = helm.template(HelmOracle.Request.of(chart, "bench", "default"));
                long b2 = System.nanoTime();
                if (result.failed()) {
                    throw new IllegalStateException("helm failed: " + result.error());
                }
                go[r] = ((b2 - b1) - (b1 - b0)) / 1e6 / n;
            }
            System.out.printf(Locale.ROOT, "%-32s runway %7.1f ms per key, helm 4 CLI %7.1f ms per key (medians of %d"
                    + " rounds of %d keys)%n", call[0], median(ours), median(go), rounds, n);
        }
        System.out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
    }

    private static Path chart(String call, int n) throws Exception {
        Path dir = Files.createTempDirectory("keygen-bench");
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: keygen\nversion: 0.1.0\n");
        Files.createDirectories(dir.resolve("templates"));
        StringBuilder t = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n");
        for (int i = 0; i < n; i++) {
            t.append("  k").append(i).append(": \"").append(call).append("\"\n");
        }
        Files.writeString(dir.resolve("templates/keys.yaml"), t.toString());
        return dir;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
