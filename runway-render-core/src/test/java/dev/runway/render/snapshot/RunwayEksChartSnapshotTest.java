package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.snapshot.junit.ChartSnapshotExtension;
import dev.runway.render.values.UserValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own chart, pinned: one snapshot per values file in {@code charts/runway-eks/ci/}
 * ({@code src/test/resources/__snapshots__/RunwayEksChartSnapshotTest/ciValues-<file>.yaml}). A new values file
 * gets its snapshot on the next local run (and fails in CI until it is committed); a chart change shows here as a
 * list of changed fields. After an intended change: {@code -Drunway.snapshot.update=true}, review, commit.
 *
 * <p>The snapshots are written from the Helm oracle (helm-java, the real Helm); the pure-Java engine's
 * {@code HelmRenderer} must match them too, since it is byte-for-byte {@code helm template}.
 */
@ExtendWith(ChartSnapshotExtension.class)
class RunwayEksChartSnapshotTest {

    static List<String> ciValuesFiles() throws IOException {
        try (Stream<Path> files = Files.list(PaymentsRenders.chartDir().resolve("ci"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValuesFiles")
    void ciValues(String valuesFile, Snapshotter snapshot) throws IOException {
        Path chart = PaymentsRenders.chartDir();
        Path values = chart.resolve("ci").resolve(valuesFile);
        // The chart wants release namespace = serviceId (the AWS trust policy binds <id>:<id>).
        String serviceId = serviceIdOf(values);
        HelmOracle.Result result = HelmOracle.template(HelmOracle.Request.of(chart, serviceId, serviceId, values));
        assertFalse(result.failed(), () -> "helm template -f ci/" + valuesFile + ": " + result.error());

        snapshot.assertMatches(RenderedCharts.parse(result.output()), valuesFile.replace(".yaml", ""));
    }

    /**
     * The pure-Java engine must render what the oracle pinned: it reads the oracle's snapshots and never writes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValuesFiles")
    void ciValuesRenderedByTheEngine(String valuesFile) throws IOException {
        Path chart = PaymentsRenders.chartDir();
        Path values = chart.resolve("ci").resolve(valuesFile);
        String serviceId = serviceIdOf(values);
        RenderedChart rendered = HelmRenderer.render(
                Chart.load(chart),
                UserValues.builder().valuesFile(values).build().merge().values(),
                RenderOptions.of(serviceId, serviceId));

        ChartSnapshots readOnly =
                new ChartSnapshots(SnapshotSettings.fromSystem().withMode(SnapshotMode.CI));
        readOnly.assertMatches(
                rendered,
                SnapshotId.of(RunwayEksChartSnapshotTest.class, "ciValues", valuesFile.replace(".yaml", "")),
                SnapshotOptions.defaults());
    }

    private static String serviceIdOf(Path valuesFile) throws IOException {
        Object values = SnapshotYaml.loadAll(Files.readString(valuesFile), valuesFile.toString())
                .get(0);
        if (values instanceof Map<?, ?> map && map.get("serviceId") instanceof String id && !id.isEmpty()) {
            return id;
        }
        throw new IllegalStateException(valuesFile + " sets no serviceId; every ci values file must");
    }
}
