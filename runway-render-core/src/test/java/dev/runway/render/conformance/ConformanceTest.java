package dev.runway.render.conformance;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.Helm4Cli;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.ValuesFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Renders every case under {@code src/test/resources/conformance/<group>/<case>/} with our engine and with two
 * oracles, and compares the bytes, or the error messages when Helm fails:
 * <ul>
 *   <li>Helm 3.21, in-process through helm-java;</li>
 *   <li>Helm 4, the real CLI the build fetches into {@code target/helm4} ({@link Helm4Cli}); where it could not be
 *   fetched, this column is skipped and the report says why in one line.</li>
 * </ul>
 * A mismatch fails unless {@code conformance/known-differences.txt} lists the case with a reason ({@code group/case:}
 * for both versions, {@code group/case (helm3):} or {@code group/case (helm4):} for one). Writes
 * {@code target/conformance/report.md} with a column per Helm version.
 *
 * <p>A case is a folder holding a small chart and an optional {@code case.yaml} ({@code release},
 * {@code namespace}, {@code kubeVersion}, {@code set}, {@code valuesFiles}, {@code description}); Chart.yaml may
 * be left out (see {@link ConformanceCase}).
 */
class ConformanceTest {
    private static final Path ROOT = Path.of("src/test/resources/conformance");
    private static final Path WORK = Path.of("target/conformance/work");
    private static final Path REPORT = Path.of("target/conformance/report.md");

    private static final List<Outcome> OUTCOMES = new ArrayList<>();
    private static final Optional<Helm4Cli> HELM4 = Helm4Cli.locate();
    /** {@code -Dconformance.only=funcs-regex/} runs only the cases whose id starts so (for a quick look while working). */
    private static final String ONLY = System.getProperty("conformance.only", "");

    /** The Helm versions compared, each a column of the report, and the engine's render mode for each. */
    enum HelmVersion {
        HELM_3("helm3", "Helm 3.21 (helm-java)", dev.runway.render.api.HelmVersion.HELM_3_21),
        HELM_4("helm4", "Helm 4.1 (CLI)", dev.runway.render.api.HelmVersion.HELM_4_1);

        final String tag;
        final String title;
        final dev.runway.render.api.HelmVersion engine;

        HelmVersion(String tag, String title, dev.runway.render.api.HelmVersion engine) {
            this.tag = tag;
            this.title = title;
            this.engine = engine;
        }
    }

    /** One case against one Helm version. */
    record Verdict(boolean match, String knownReason, String expected, String actual) {
        boolean known() {
            return knownReason != null;
        }
    }

    /** One case: a verdict per Helm version that was compared. */
    record Outcome(String id, Map<HelmVersion, Verdict> verdicts) {}

    @TestFactory
    Stream<DynamicTest> conformance() throws Exception {
        KnownDifferences known = KnownDifferences.read(ROOT.resolve("known-differences.txt"));
        List<ConformanceCase> cases = ConformanceCase.readAll(ROOT, ONLY);
        Map<String, Path> charts = new ConcurrentHashMap<>();
        for (ConformanceCase c : cases) {
            charts.put(c.id(), c.materialize(WORK.resolve(c.id())));
        }
        Map<String, HelmOracle.Result> helm4 = askHelm4(cases, charts);
        if (HELM4.isEmpty()) {
            System.out.println(Helm4Cli.unavailableReason());
        }
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c, charts.get(c.id()), helm4.get(c.id()), known)));
    }

    /** The Helm 4 CLI is a process per case: ask for every case up front, a few at a time. */
    private static Map<String, HelmOracle.Result> askHelm4(List<ConformanceCase> cases, Map<String, Path> charts)
            throws Exception {
        Map<String, HelmOracle.Result> answers = new ConcurrentHashMap<>();
        if (HELM4.isEmpty()) {
            return answers;
        }
        Helm4Cli cli = HELM4.get();
        String oracle = "helm-cli-" + cli.version();
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (ConformanceCase c : cases) {
                pending.add(pool.submit(() -> answers.put(
                        c.id(), OracleCache.template(oracle, request(c, charts.get(c.id())), cli::template))));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    private static HelmOracle.Request request(ConformanceCase c, Path chart) {
        return new HelmOracle.Request(
                chart,
                c.release(),
                c.namespace(),
                c.kubeVersion() == null ? HelmOracle.DEFAULT_KUBE_VERSION : c.kubeVersion(),
                c.valuesFiles(),
                c.set());
    }

    private static void run(ConformanceCase c, Path chart, HelmOracle.Result helm4, KnownDifferences known) {
        Map<HelmVersion, HelmOracle.Result> answers = new EnumMap<>(HelmVersion.class);
        answers.put(HelmVersion.HELM_3, OracleCache.template(request(c, chart)));
        if (helm4 != null) {
            answers.put(HelmVersion.HELM_4, helm4);
        }
        Map<HelmVersion, Verdict> verdicts = new EnumMap<>(HelmVersion.class);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<HelmVersion, HelmOracle.Result> answer : answers.entrySet()) {
            HelmVersion version = answer.getKey();
            HelmOracle.Result helm = answer.getValue();
            // helm-java returns no text (null) where the helm template command prints a single newline: when every
            // template rendered empty (its native side computes "\n" too, as Fprintln(TrimSpace(manifest))).
            String expected = helm.failed()
                    ? "ERROR: " + stripDebugHint(helm.error())
                    : helm.output() == null ? "\n" : helm.output();
            String actual = render(c, chart, version);
            Verdict verdict = new Verdict(expected.equals(actual), known.reason(c.id(), version.tag), expected, actual);
            verdicts.put(version, verdict);
            if (!verdict.match() && !verdict.known()) {
                failures.add(version.title);
            }
        }
        synchronized (OUTCOMES) {
            OUTCOMES.add(new Outcome(c.id(), verdicts));
        }
        if (!failures.isEmpty()) {
            // The first failing pair goes to the IDE's diff view.
            Verdict first = verdicts.values().stream()
                    .filter(v -> !v.match() && !v.known())
                    .findFirst()
                    .orElseThrow();
            throw new AssertionFailedError(
                    c.id() + " differs from " + String.join(" and ", failures)
                            + (c.description().isEmpty() ? "" : " (" + c.description() + ")"),
                    first.expected(),
                    first.actual());
        }
    }

    /** Our engine's answer for the case, rendered as the column's Helm version. */
    private static String render(ConformanceCase c, Path chart, HelmVersion version) {
        try {
            Map<String, Object> values = UserValues.of(c.valuesFiles(), c.set(), version.engine);
            // helm-java returns the release's manifest without hooks (as `helm template --no-hooks`); the Helm 4 CLI
            // prints hooks after the manifests, as users see them.
            boolean hooks = version == HelmVersion.HELM_4;
            RenderOptions options =
                    new RenderOptions(c.release(), c.namespace(), c.kubeVersion(), false, hooks, version.engine);
            return HelmRenderer.render(Chart.load(chart, version.engine), values, options)
                    .output();
        } catch (RenderException | SetValueException | ValuesFileException e) {
            return "ERROR: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "CRASH: " + e;
        }
    }

    private static String stripDebugHint(String error) {
        return error.endsWith(Helm4Cli.DEBUG_HINT)
                ? error.substring(0, error.length() - Helm4Cli.DEBUG_HINT.length())
                : error;
    }

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(
                REPORT, ConformanceReport.markdown(OUTCOMES, HELM4.isPresent() ? null : Helm4Cli.unavailableReason()));
    }
}
