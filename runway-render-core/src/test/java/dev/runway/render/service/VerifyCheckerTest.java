package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyCheckerTest {

    private static RenderRequest request() {
        return new RenderRequest(
                ChartSource.directory(Path.of("chart")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "demo",
                "demo",
                "",
                Path.of("."));
    }

    private static RenderedChart service(int port) {
        String text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: demo\n  namespace: demo\nspec:\n  ports:\n"
                + "    - name: http\n      port: " + port + "\n      targetPort: http\n  selector:\n    app: demo\n";
        return new RenderedChart(
                List.of(new RenderedManifest("c/templates/service.yaml", "v1", "Service", "demo", "demo", text)),
                "---\n# Source: c/templates/service.yaml\n" + text);
    }

    @Test
    void verifierFindingsBecomeCheckFindingsWithResourceFieldAndRule() {
        VerifyChecker checker = new VerifyChecker();
        assertEquals(
                List.of(),
                checker.check(request(), service(80)).stream()
                        .filter(f -> f.severity() == CheckFinding.Severity.ERROR)
                        .toList());
        List<CheckFinding> errors = checker.check(request(), service(70000)).stream()
                .filter(f -> f.severity() == CheckFinding.Severity.ERROR)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        CheckFinding error = errors.get(0);
        assertEquals("Service/demo/demo", error.resource());
        assertTrue(error.path().contains("port"), error.line());
        assertTrue(error.line().startsWith("ERROR Service/demo/demo spec.ports"), error.line());
        assertEquals(
                List.of("flux", "verify"),
                ManifestChecker.standard().stream().map(ManifestChecker::name).toList(),
                "runway:verify runs every standard check");
    }
}
