package dev.runway.render.snapshot;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.oracle.HelmOracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real runway-eks output for the snapshot tests, rendered once per variant by the Helm oracle (helm-java) and split
 * with {@link RenderedCharts#parse}. Variants differ by {@code --set} values, so each difference is one a user
 * would see.
 */
final class PaymentsRenders {

    private static final Map<Map<String, Object>, String> CACHE = new ConcurrentHashMap<>();

    private PaymentsRenders() {}

    static Path chartDir() {
        String dir = System.getProperty("runway.chartDir");
        if (dir == null) {
            throw new IllegalStateException("system property runway.chartDir is not set (Maven's surefire sets it to "
                    + "charts/runway-eks); set it when running tests from an IDE");
        }
        return Path.of(dir);
    }

    /** {@code helm template payments -n payments -f ci/default-values.yaml --set ...}. */
    static String helmOutput(Map<String, Object> set) {
        return CACHE.computeIfAbsent(Map.copyOf(set), s -> {
            Path chart = chartDir();
            HelmOracle.Request defaults =
                    HelmOracle.Request.of(chart, "payments", "payments", chart.resolve("ci/default-values.yaml"));
            HelmOracle.Request request = new HelmOracle.Request(
                    defaults.chart(),
                    defaults.releaseName(),
                    defaults.namespace(),
                    defaults.kubeVersion(),
                    defaults.valuesFiles(),
                    s);
            HelmOracle.Result result = HelmOracle.template(request);
            if (result.failed()) {
                throw new IllegalStateException("helm template failed for --set " + s + ": " + result.error());
            }
            return result.output();
        });
    }

    static RenderedChart defaults() {
        return RenderedCharts.parse(helmOutput(Map.of()));
    }

    static RenderedChart with(Map<String, Object> set) {
        return RenderedCharts.parse(helmOutput(set));
    }

    static List<String> kinds(RenderedChart chart) {
        return chart.manifests().stream().map(m -> m.kind()).toList();
    }
}
