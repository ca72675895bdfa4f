package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.flux.ClusterVarsFixture;
import dev.runway.render.flux.ManifestStream;
import dev.runway.render.oracle.HelmOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxManifestCheckerTest {

    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    private static RenderRequest request(Path base, Path values) {
        return new RenderRequest(
                ChartSource.directory(CHART),
                List.of(values),
                List.of(),
                List.of(),
                List.of(),
                "payments",
                "payments",
                "",
                base);
    }

    private static RenderedChart render(Path values) {
        HelmOracle.Result result = HelmOracle.template(HelmOracle.Request.of(CHART, "payments", "payments", values));
        assertNull(result.error(), result.error());
        return ManifestStream.parse(result.output());
    }

    @Test
    void isAStandardCheck() {
        assertTrue(ManifestChecker.standard().stream()
                .anyMatch(c -> c instanceof FluxManifestChecker && c.name().equals("flux")));
    }

    @Test
    void cleanChartGivesNoErrorsOrWarnings(@TempDir Path base) {
        Path values = CHART.resolve("ci/default-values.yaml");
        List<CheckFinding> findings = new FluxManifestChecker().check(request(base, values), render(values));
        assertEquals(
                List.of(),
                findings.stream()
                        .filter(f -> f.severity() != CheckFinding.Severity.INFO)
                        .map(CheckFinding::line)
                        .toList());
    }

    @Test
    void userValuePlaceholdersAndClusterVarsFileAreChecked(@TempDir Path base) throws Exception {
        Path values = base.resolve("values.yaml");
        Files.writeString(values, """
                serviceId: payments
                image:
                  repository: registry.example.com/runway/payments
                env:
                  REGION: "${cluster_region}"
                """);
        Files.createDirectories(base.resolve(".runway"));
        Files.writeString(base.resolve(FluxManifestChecker.CLUSTER_VARS_FILE), ClusterVarsFixture.yaml("acme-prod"));
        List<CheckFinding> findings = new FluxManifestChecker().check(request(base, values), render(values));
        List<String> errors = findings.stream()
                .filter(f -> f.severity() == CheckFinding.Severity.ERROR)
                .map(CheckFinding::line)
                .toList();
        assertEquals(3, errors.size(), errors.toString());
        // The user's env value is the whole placeholder: a string field Flux would fill without quotes.
        assertTrue(errors.stream().anyMatch(l -> l.contains("[flux/whole-scalar-placeholder]")), errors.toString());
        assertTrue(
                errors.stream()
                        .anyMatch(l -> l.contains("[flux/unknown-variable]")
                                && l.contains("spec.template.spec.containers[0].env[")),
                errors.toString());
        assertTrue(
                errors.stream()
                        .anyMatch(l -> l.contains("[flux/user-supplied-placeholder]")
                                && l.contains("user value env.REGION")
                                && l.startsWith("ERROR " + base.relativize(values) + ":5:12: env.REGION: ")),
                errors.toString());
    }
}
