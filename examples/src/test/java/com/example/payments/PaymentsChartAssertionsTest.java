package com.example.payments;

import static dev.runway.render.unittest.ChartAssertions.assertThat;
import static dev.runway.render.unittest.ChartAssertions.assertThatRendering;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.values.UserValues;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsChartAssertionsTest {

    private static final Chart RUNWAY_EKS = Chart.loadClasspath("charts/runway-eks");

    private static Map<String, Object> production() {
        return UserValues.builder()
                .valuesFile(Path.of(".runway/values.yaml"))
                .valuesFile(Path.of(".runway/production.yaml"))
                .build()
                .merge()
                .values();
    }

    @Test
    void productionRunsFourPodsUnderTheServicesOwnRole() {
        RenderedChart chart = HelmRenderer.render(RUNWAY_EKS, production(), RenderOptions.of("payments", "payments"));
        assertThat(chart)
                .document("Deployment", "payments")
                .path("spec.replicas")
                .isEqualTo(4);
        assertThat(chart)
                .document("ServiceAccount", "payments")
                .path("metadata.annotations[\"eks.amazonaws.com/role-arn\"]")
                .matches("EKS-GCP-Role-payments$");
    }

    @Test
    void theReleaseNamespaceMustBeTheServiceId() {
        assertThatRendering(
                        () -> HelmRenderer.render(RUNWAY_EKS, production(), RenderOptions.of("payments", "default")))
                .failsMatching("release namespace \"default\" must equal serviceId \"payments\"");
    }
}
