package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of runway-eks packed into the core jar renders byte for byte as Helm renders the chart directory, over
 * the whole values matrix; and the chart's own {@code ci/*-values.yaml} files render as in Helm.
 * ({@link RunwayEksConformanceTest} covers the chart directory and the bad values.)
 */
class RunwayEksPackagedChartTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> packedChartByteIdenticalWithHelmOverTheMatrix() {
        Chart fromClasspath = Chart.loadClasspath("charts/runway-eks");
        return RunwayEksMatrix.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Path values =
                            Files.writeString(dir.resolve(c.name() + ".yaml"), c.valuesYaml(), StandardCharsets.UTF_8);
                    HelmOracle.Result helm = HelmOracle.template(HelmOracle.Request.of(
                            RunwayEksMatrix.chartDirectory(), c.serviceId(), c.serviceId(), values));
                    assertNull(helm.error(), helm.error());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> userValues =
                            (Map<String, Object>) GoYaml.read(c.valuesYaml(), values.toString());
                    RenderOptions options = RenderOptions.of(c.serviceId(), c.serviceId())
                            .withKubeVersion(HelmOracle.DEFAULT_KUBE_VERSION);
                    assertEquals(
                            helm.output(),
                            HelmRenderer.render(fromClasspath, userValues, options)
                                    .output(),
                            "chart packed in the jar");
                }));
    }

    @TestFactory
    Stream<DynamicTest> ciValuesFilesByteIdenticalWithHelm() throws IOException {
        Path ci = RunwayEksMatrix.chartDirectory().resolve("ci");
        Chart chart = Chart.load(RunwayEksMatrix.chartDirectory());
        try (Stream<Path> files = Files.list(ci)) {
            return files.sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> userValues = (Map<String, Object>) GoYaml.read(text, file.toString());
                        String id = (String) userValues.get("serviceId");
                        HelmOracle.Result helm = HelmOracle.template(
                                HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), id, id, file));
                        assertNull(helm.error(), helm.error());
                        assertEquals(
                                helm.output(),
                                HelmRenderer.render(
                                                chart,
                                                userValues,
                                                RenderOptions.of(id, id)
                                                        .withKubeVersion(HelmOracle.DEFAULT_KUBE_VERSION))
                                        .output());
                    }));
        }
    }
}
