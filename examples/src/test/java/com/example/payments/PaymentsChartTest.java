package com.example.payments;

import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.snapshot.RenderedCharts;
import dev.runway.render.snapshot.Snapshotter;
import dev.runway.render.snapshot.junit.ChartSnapshotExtension;
import dev.runway.render.values.UserValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ChartSnapshotExtension.class)
class PaymentsChartTest {

    private static final Chart RUNWAY_EKS = Chart.loadClasspath("charts/runway-eks");

    /** The service's values as runway:render reads them: .runway/values.yaml, then the environment's file. */
    private static Map<String, Object> values(String... files) {
        UserValues.Builder values = UserValues.builder();
        for (String file : files) {
            values.valuesFile(Path.of(".runway", file));
        }
        return values.build().merge().values();
    }

    @Test
    void production(Snapshotter snapshot) {
        // Renders with the pure-Java engine, then compares: __snapshots__/PaymentsChartTest/production.yaml
        snapshot.assertMatches(
                RUNWAY_EKS, values("values.yaml", "production.yaml"), RenderOptions.of("payments", "payments"), "");
    }

    @Test
    void fromHelm(Snapshotter snapshot) throws IOException {
        // What `helm template` printed, for a team that runs Helm itself in CI.
        String helmTemplateOutput = Files.readString(Path.of("src/test/resources/helm-template-output.yaml"));
        snapshot.assertMatches(
                RenderedCharts.parse(helmTemplateOutput), "helm"); // __snapshots__/.../fromHelm-helm.yaml
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "production.yaml"})
    void perValuesFile(String valuesFile, Snapshotter snapshot) {
        // One snapshot per name: perValuesFile-values.yaml, perValuesFile-production.yaml
        snapshot.assertMatches(
                RUNWAY_EKS, values("values.yaml", valuesFile), RenderOptions.of("payments", "payments"), valuesFile);
    }
}
