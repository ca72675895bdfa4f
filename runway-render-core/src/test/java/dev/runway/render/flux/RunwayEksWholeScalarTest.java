package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.RunwayEksMatrix;
import dev.runway.render.values.UserValues;
import dev.runway.render.yaml.GoYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the whole runway-eks values matrix: no Flux variable is ever a whole scalar of the rendered resources (so
 * kustomize's re-serialisation cannot turn it into a number, a boolean or null), the safety check agrees, and after
 * Flux's real pipeline with realistic cluster values every placeholder field is still a string.
 */
class RunwayEksWholeScalarTest {

    @TempDir
    static Path dir;

    private static HelmRenderer engine;

    @BeforeAll
    static void prepare() {
        engine = HelmRenderer.prepare(Chart.load(RunwayEksMatrix.chartDirectory()));
    }

    @TestFactory
    Stream<DynamicTest> noFluxVariableIsAWholeScalar() {
        return RunwayEksMatrix.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Path values =
                            Files.writeString(dir.resolve(c.name() + ".yaml"), c.valuesYaml(), StandardCharsets.UTF_8);
                    RenderedChart chart = engine.render(
                            UserValues.builder()
                                    .valuesFile(values)
                                    .build()
                                    .merge()
                                    .values(),
                            RenderOptions.of(c.serviceId(), c.serviceId()));
                    List<String> whole = new ArrayList<>();
                    int placeholders = 0;
                    for (RenderedManifest m : chart.manifests()) {
                        List<String> strings = new ArrayList<>();
                        collectStrings(GoYaml.readKyaml(m.text()), ManifestStream.resourceId(m), strings);
                        for (String s : strings) {
                            String value = s.substring(s.indexOf('=') + 1);
                            if (value.contains("${")) {
                                placeholders++;
                            }
                            if (value.matches("\\$\\{[^}]*}")) {
                                whole.add(s);
                            }
                        }
                    }
                    // EKS renders at least the role ARN and the credentials' variables; GKE only gcp_project_id, and
                    // only when
                    // the case leaves it to Flux.
                    int expected = !c.gke() ? 2 : c.valuesYaml().contains("${gcp_project_id}") ? 1 : 0;
                    assertTrue(placeholders >= expected, "the chart renders its Flux variables: " + placeholders);
                    assertEquals(List.of(), whole, "whole-scalar placeholders");
                    assertEquals(
                            List.of(),
                            SafetyCheck.check(chart).stream()
                                    .map(FluxFinding::format)
                                    .toList());
                    SubstitutionResult applied = FluxSubstitution.apply(
                            chart,
                            PostBuild.inline(
                                    Map.of(
                                            "aws_account_id",
                                            "012345678901",
                                            "gcp_project_number",
                                            "371965853757",
                                            "gcp_wip_id",
                                            "eks-pool",
                                            "gcp_project_id",
                                            "acme-payments-production"),
                                    true));
                    assertFalse(applied.failed(), applied.errors().toString());
                    assertFalse(applied.output().contains("${"), "every placeholder substituted");
                }));
    }

    private static void collectStrings(Object node, String where, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectStrings(v, where + "." + k, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectStrings(list.get(i), where + "[" + i + "]", out);
            }
        } else if (node instanceof String s) {
            out.add(where + "=" + s);
        }
    }
}
