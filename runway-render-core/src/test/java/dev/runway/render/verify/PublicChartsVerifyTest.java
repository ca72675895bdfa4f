package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No false alarm on public charts: every chart found under {@code -Drunway.publicCharts=<dir>} (for example
 * checkouts of prometheus-community/helm-charts, grafana/helm-charts and bitnami/charts, with their dependencies in
 * each chart's {@code charts/}) is rendered by our engine with its default values, for the Kubernetes release the
 * engine targets by default, and verified; a chart that renders must give no error finding of a rule the API server
 * enforces, since these charts install on real clusters with their defaults. Public charts are never committed here,
 * so the test skips, saying why, when the property is not set. It prints one line per finding and the totals.
 */
class PublicChartsVerifyTest {

    @Test
    void publicChartsRenderedByTheEngineRaiseNoServerSideError() throws IOException {
        String root = System.getProperty("runway.publicCharts", "");
        assumeTrue(
                !root.isEmpty() && Files.isDirectory(Path.of(root)),
                "set -Drunway.publicCharts=<directory of chart checkouts> to verify public charts (none committed)");
        List<Path> charts;
        try (Stream<Path> files = Files.walk(Path.of(root), 4)) {
            charts = files.filter(p -> p.getFileName().toString().equals("Chart.yaml"))
                    .map(Path::getParent)
                    // not a dependency vendored in another chart's charts/ folder
                    .filter(dir -> !(dir.getParent().getFileName().toString().equals("charts")
                            && Files.exists(dir.getParent().getParent().resolve("Chart.yaml"))))
                    .sorted()
                    .toList();
        }
        ManifestVerifier verifier = new ManifestVerifier();
        VerifyOptions options = VerifyOptions.namespace("").withKubernetesVersion(RenderOptions.DEFAULT_KUBE_VERSION);
        Map<String, Integer> falseAlarms = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        int rendered = 0;
        int failedToRender = 0;
        int resources = 0;
        Map<String, Integer> otherFindings = new TreeMap<>();
        for (Path dir : charts) {
            RenderedChart chart;
            try {
                chart = HelmRenderer.render(Chart.load(dir), Map.of(), RenderOptions.of("release", "default"));
            } catch (RuntimeException e) {
                failedToRender++;
                String reason =
                        String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                System.out.println("not rendered: " + Path.of(root).relativize(dir) + ": "
                        + reason.substring(0, Math.min(160, reason.length())));
                continue;
            }
            rendered++;
            VerifyResult result = verifier.verify(chart, options);
            resources += result.resources().size();
            for (Finding f : result.findings()) {
                if (f.severity() == Severity.ERROR && f.serverWouldReject()) {
                    falseAlarms.merge(f.check(), 1, Integer::sum);
                    lines.add(Path.of(root).relativize(dir) + ": " + f.toLine());
                } else {
                    otherFindings.merge(f.severity().word() + " " + f.check(), 1, Integer::sum);
                }
            }
        }
        lines.forEach(System.out::println);
        System.out.println("public charts: " + charts.size() + " found, " + rendered + " rendered (" + failedToRender
                + " did not render), " + resources + " resources, server-side error findings: " + falseAlarms
                + ", other findings: " + otherFindings);
        assertEquals(Map.of(), falseAlarms, String.join("\n", lines));
    }
}
