package dev.runway.render.conformance;

import dev.runway.render.HelmRenderer;
import dev.runway.render.RenderException;
import dev.runway.render.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.ValuesFileException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders every case under {@code src/test/resources/conformance/<group>/<case>/} with helm-java (the real Helm
 * engine) and with our engine, and compares the bytes, or the error messages when Helm fails. A mismatch fails
 * unless {@code conformance/known-differences.txt} lists the case with a reason. Writes
 * {@code target/conformance/report.md}.
 */
class ConformanceTest {
    private static final Path ROOT = Path.of("src/test/resources/conformance");
    private static final Path WORK = Path.of("target/conformance/work");
    private static final Path REPORT = Path.of("target/conformance/report.md");
    private static final String HELM_CLI_SUFFIX = "\n\nUse --debug flag to render out invalid YAML";

    private static final List<Outcome> OUTCOMES = new ArrayList<>();

    record Outcome(String id, boolean match, boolean known, String reason, String expected, String actual) {
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        Map<String, String> known = KnownDifferences.read(ROOT.resolve("known-differences.txt"));
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> groups = Files.list(ROOT)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> cases = Files.list(group)) {
                    folders.addAll(cases.filter(Files::isDirectory).sorted().toList());
                }
            }
        }
        return folders.stream().map(folder -> {
            ConformanceCase c = ConformanceCase.read(ROOT, folder);
            return DynamicTest.dynamicTest(c.id(), () -> run(c, known.get(c.id())));
        });
    }

    private static void run(ConformanceCase c, String knownReason) {
        Path chart = c.materialize(WORK.resolve(c.id()));
        HelmOracle.Result helm = OracleCache.template(new HelmOracle.Request(chart, c.release(), c.namespace(),
                c.kubeVersion() == null ? HelmOracle.DEFAULT_KUBE_VERSION : c.kubeVersion(), c.valuesFiles(),
                c.set()));
        String expected = helm.failed() ? "ERROR: " + stripCliSuffix(helm.error())
                : helm.output() == null ? "" : helm.output();
        String actual;
        try {
            Map<String, Object> values = UserValues.of(c.valuesFiles(), c.set());
            // helm-java's template returns the release's manifest: no hooks, as `helm template --no-hooks`.
            RenderOptions options = new RenderOptions(c.release(), c.namespace(), c.kubeVersion(), false, false);
            actual = HelmRenderer.render(Chart.load(chart), values, options).output();
        } catch (RenderException | SetValueException | ValuesFileException e) {
            actual = "ERROR: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            actual = "CRASH: " + e;
        }
        boolean match = expected.equals(actual);
        synchronized (OUTCOMES) {
            OUTCOMES.add(new Outcome(c.id(), match, knownReason != null, knownReason, expected, actual));
        }
        if (!match && knownReason == null) {
            throw new AssertionFailedError(c.id() + " differs from Helm" + (c.description().isEmpty() ? ""
                    : " (" + c.description() + ")"), expected, actual);
        }
    }

    private static String stripCliSuffix(String error) {
        return error.endsWith(HELM_CLI_SUFFIX) ? error.substring(0, error.length() - HELM_CLI_SUFFIX.length())
                : error;
    }

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, ConformanceReport.markdown(OUTCOMES));
    }
}
