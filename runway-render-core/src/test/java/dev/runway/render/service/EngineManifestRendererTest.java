package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render seam the build tools use, on the bundled chart: values sources in Helm's order and its errors. */
class EngineManifestRendererTest {

    @TempDir
    Path base;

    private RenderRequest request(List<Path> files, List<String> set, List<String> setString, List<String> setFile) {
        return new RenderRequest(
                ChartSource.RUNWAY_EKS, files, set, setString, setFile, "payments", "payments", "", base);
    }

    @Test
    void valuesFilesThenSetKindsWithSetFileRelativeToTheProject() throws IOException {
        Path values = Files.writeString(
                base.resolve("values.yaml"),
                "serviceId: payments\nimage:\n  repository: registry.example.com/payments\n  tag: \"1.0\"\nreplicas: 2\n");
        Files.writeString(base.resolve("level.txt"), "debug");
        RenderedChart chart = ManifestRenderer.engine()
                .render(request(
                        List.of(values),
                        List.of("replicas=3"),
                        List.of("image.tag=2.0"),
                        List.of("env.LOG_LEVEL=level.txt")));
        String deployment = chart.manifests().stream()
                .filter(m -> m.kind().equals("Deployment"))
                .findFirst()
                .orElseThrow()
                .text();
        assertTrue(deployment.contains("replicas: 3"), deployment);
        assertTrue(deployment.contains("registry.example.com/payments:2.0"), deployment);
        assertTrue(deployment.contains("- name: \"LOG_LEVEL\"\n              value: \"debug\""), deployment);
        assertEquals(4, chart.manifests().size());
    }

    @Test
    void namespaceOtherThanServiceIdStopsWithTheChartsMessage() throws IOException {
        Path values = Files.writeString(
                base.resolve("values.yaml"),
                "serviceId: payments\nimage:\n  repository: registry.example.com/payments\n");
        RenderRequest wrongNamespace = new RenderRequest(
                ChartSource.RUNWAY_EKS,
                List.of(values),
                List.of(),
                List.of(),
                List.of(),
                "payments",
                "default",
                "",
                base);
        RuntimeException e = assertThrows(
                RuntimeException.class, () -> ManifestRenderer.engine().render(wrongNamespace));
        assertTrue(
                e.getMessage().contains("release namespace \"default\" must equal serviceId \"payments\""),
                e.getMessage());
    }

    @Test
    void badValuesFileNamesFileAndLine() throws IOException {
        Path values = Files.writeString(base.resolve("values.yaml"), "serviceId: payments\nimage: [\n");
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> ManifestRenderer.engine().render(request(List.of(values), List.of(), List.of(), List.of())));
        assertTrue(
                e.getMessage().contains("values.yaml") && e.getMessage().matches("(?s).*\\b[23]\\b.*"), e.getMessage());
    }

    @Test
    void schemaErrorsNameTheValuesFileLineAndColumnAndTheSetFlag() throws IOException {
        Path values = Files.writeString(
                base.resolve("values-prod.yaml"),
                "serviceId: payments\nimage:\n  repository: registry.example.com/payments\nport: 70000\n");
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> ManifestRenderer.engine()
                        .render(request(List.of(values), List.of("service.port=0"), List.of(), List.of())));
        assertTrue(e.getMessage().contains("values don't meet the specifications of the schema"), e.getMessage());
        assertTrue(
                e.getMessage().contains("port") && e.getMessage().contains("values-prod.yaml:4:7"),
                "the file, line and column of port: 70000 " + e.getMessage());
        assertTrue(
                e.getMessage().contains("service.port") && e.getMessage().contains("--set service.port=0"),
                "the flag that gave service.port " + e.getMessage());
    }

    @Test
    void aChartPreparedInBackgroundRendersTheSameBytes() throws IOException {
        Path values = Files.writeString(
                base.resolve("values.yaml"),
                "serviceId: payments\nimage:\n  repository: registry.example.com/payments\n  tag: \"1.0\"\n");
        RenderRequest request = request(List.of(values), List.of("replicas=3"), List.of(), List.of());
        String sequential = ManifestRenderer.engine().render(request).output();

        EngineManifestRenderer engine = new EngineManifestRenderer();
        engine.prepareInBackground(ChartSource.RUNWAY_EKS, request.helmVersion());
        engine.prepareInBackground(ChartSource.RUNWAY_EKS, request.helmVersion()); // one preparation per chart
        assertEquals(sequential, engine.render(request).output());
        assertEquals(sequential, engine.render(request).output());
    }

    @Test
    void aChartThatFailsInBackgroundFailsTheRenderWithTheSameMessage() throws IOException {
        String message = sameFailureWithAndWithoutAHeadStart(
                "broken", Map.of("templates/cm.yaml", "kind: ConfigMap\ndata: {{ .Values.x \n"));
        assertTrue(message.contains("cm.yaml"), message);
    }

    @Test
    void aSchemaThatDoesNotCompileInBackgroundFailsTheRenderWithTheSameMessage() throws IOException {
        String message = sameFailureWithAndWithoutAHeadStart(
                "bad-schema",
                Map.of(
                        "values.schema.json", "{\"type\": \"object\", \"properties\": [}\n",
                        "templates/cm.yaml", "kind: ConfigMap\n"));
        assertTrue(message.contains("values.schema.json"), message);
    }

    /**
     * Writes a chart of these files, and returns the message its render fails with, after checking that an engine
     * that prepared it in the background fails with the same message, twice.
     */
    private String sameFailureWithAndWithoutAHeadStart(String name, Map<String, String> files) throws IOException {
        Path chart = Files.createDirectories(base.resolve(name));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(chart.resolve(file.getKey()).getParent());
            Files.writeString(chart.resolve(file.getKey()), file.getValue());
        }
        RenderRequest request = new RenderRequest(
                ChartSource.directory(chart), List.of(), List.of(), List.of(), List.of(), "b", "b", "", base);
        String sequential = assertThrows(
                        RuntimeException.class, () -> ManifestRenderer.engine().render(request))
                .getMessage();

        EngineManifestRenderer engine = new EngineManifestRenderer();
        engine.prepareInBackground(ChartSource.directory(chart), request.helmVersion());
        assertEquals(
                sequential,
                assertThrows(RuntimeException.class, () -> engine.render(request))
                        .getMessage());
        assertEquals(
                sequential,
                assertThrows(RuntimeException.class, () -> engine.render(request))
                        .getMessage());
        return sequential;
    }

    @Test
    void settingsThatPlanningRefusesStartNoPreparationAndStillRender() throws IOException {
        Path values = Files.writeString(
                base.resolve("values.yaml"),
                "serviceId: payments\nimage:\n  repository: registry.example.com/payments\n  tag: \"1.0\"\n");
        RenderRequest request = request(List.of(values), List.of(), List.of(), List.of());
        String sequential = ManifestRenderer.engine().render(request).output();
        EnvironmentPlanner.Settings noChart = settings(base.resolve("missing-chart"), null);
        EnvironmentPlanner.Settings badVersion = settings(null, "2");
        assertEquals(
                sequential,
                EnvironmentRenders.engineFor(noChart).render(request).output());
        assertEquals(
                sequential,
                EnvironmentRenders.engineFor(badVersion).render(request).output());
    }

    private EnvironmentPlanner.Settings settings(Path chartDirectory, String helmVersion) {
        GoalSettings goal = new GoalSettings(base);
        goal.chartDirectory = chartDirectory;
        goal.serviceId = "payments";
        goal.helmVersion = helmVersion;
        return goal.build();
    }
}
