package dev.runway.render.unittest;

import static dev.runway.render.unittest.ChartAssertions.assertThat;
import static dev.runway.render.unittest.ChartAssertions.assertThatRendering;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fluent API on the runway-eks chart: passing assertions, and failures that say what differs. */
class ChartAssertionsTest {
    private static final Chart CHART =
            Chart.load(Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks")));
    private static final Map<String, Object> VALUES = Map.of(
            "serviceId",
            "payments",
            "image",
            Map.of("repository", "registry.example.com/runway/payments", "tag", "1.4.2"));

    private static RenderedChart render(Map<String, Object> values) {
        return HelmRenderer.render(CHART, values, RenderOptions.of("payments", "payments"));
    }

    @Test
    void passingAssertions() {
        RenderedChart chart = render(VALUES);
        assertThat(chart).hasDocuments(4).containsDocument("ServiceAccount", "v1", "payments");
        assertThat(chart)
                .document("Deployment", "payments")
                .isKind("Deployment")
                .isApiVersion("apps/v1")
                .path("spec.replicas")
                .isEqualTo(2)
                .isOfType("int")
                .isNotEqualTo(3);
        assertThat(chart)
                .document("Deployment", "payments")
                .path("spec.template.spec.containers[?(@.name == \"payments\")].env")
                .contains(Map.of(
                        "name",
                        "GOOGLE_APPLICATION_CREDENTIALS",
                        "value",
                        "/etc/gcp-service-account/credentials.json"));
        assertThat(chart)
                .document("ServiceAccount", "payments")
                .path("metadata.annotations[\"eks.amazonaws.com/role-arn\"]")
                .matches("EKS-GCP-Role-payments$")
                .doesNotMatch("^arn:aws:iam::[0-9]+:");
        assertThat(chart)
                .document("Deployment", "payments")
                .path("spec.template.spec.containers")
                .hasLength(1);
        assertThat(chart)
                .document("Deployment", "payments")
                .path("metadata.labels")
                .containsEntries(Map.of("app.kubernetes.io/name", "payments"));
        assertThat(chart)
                .document("Deployment", "payments")
                .path("spec.strategy.nothing")
                .doesNotExist();
        assertTrue(assertThat(chart)
                .document("Service", "payments")
                .path("spec.ports[*].port")
                .values()
                .equals(List.of(80L)));
    }

    @Test
    void failuresCarryHelmUnittestsLines() {
        RenderedChart chart = render(VALUES);
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> assertThat(chart)
                        .document("Deployment", "payments")
                        .path("spec.replicas")
                        .isEqualTo(3));
        assertTrue(e.getMessage().contains("Deployment/payments equal spec.replicas"), e.getMessage());
        assertTrue(e.getMessage().contains("Expected to equal:\n\t\t3\n\tActual:\n\t\t2"), e.getMessage());
        AssertionFailedError missing =
                assertThrows(AssertionFailedError.class, () -> assertThat(chart).document("Deployment", "other"));
        assertTrue(missing.getMessage().contains("found 0; rendered: [ServiceAccount/payments"), missing.getMessage());
    }

    @Test
    void failingRenders() {
        Map<String, Object> other = new java.util.HashMap<>(VALUES);
        assertThatRendering(() -> HelmRenderer.render(CHART, other, RenderOptions.of("payments", "other")))
                .failsMatching("release namespace \"other\" must equal serviceId \"payments\"")
                .failsWith("release namespace \"other\" must equal serviceId \"payments\": the AWS trust policy"
                        + " binds system:serviceaccount:payments:payments; render with --namespace payments");
        assertThrows(
                AssertionFailedError.class,
                () -> assertThatRendering(() -> render(VALUES)).failsWith("x"));
    }
}
