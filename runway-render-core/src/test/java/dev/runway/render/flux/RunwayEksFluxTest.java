package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.oracle.HelmOracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real runway-eks chart, rendered by Helm itself, passes every Flux check. */
class RunwayEksFluxTest {

    static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    static RenderedChart render(String release, String namespace, String valuesFile) {
        HelmOracle.Result result =
                HelmOracle.template(HelmOracle.Request.of(CHART, release, namespace, CHART.resolve(valuesFile)));
        assertNull(result.error(), result.error());
        return ManifestStream.parse(result.output());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        "payments, payments, ci/default-values.yaml",
        "payments, payments, ci/autoscaling-values.yaml",
        "payments, payments, ci/oidc-values.yaml",
        "payments, payments, ci/profiling-values.yaml",
        "ai-gateway, ai-gateway, ci/full-values.yaml",
    })
    void chartOutputUsesOnlyTheFourVariablesSafely(String release, String namespace, String values) {
        RenderedChart chart = render(release, namespace, values);
        FluxReport report = FluxCheck.check(chart);
        assertEquals(VariablePolicy.DEFAULT_VARIABLES, Set.copyOf(report.scan().variables()));
        assertTrue(report.scan().malformed().isEmpty());
        assertEquals(
                List.of(),
                report.findings().stream()
                        .filter(f -> f.severity() != Severity.INFO)
                        .map(FluxFinding::format)
                        .toList());
        assertTrue(report.scan().placeholders().stream().allMatch(p -> p.form() == Placeholder.Form.PLAIN));
        assertFalse(report.hasErrors());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        "payments, payments, ci/default-values.yaml",
        "ai-gateway, ai-gateway, ci/full-values.yaml",
    })
    void placeholdersSitWhereTheChartPutsThem(String release, String namespace, String values) {
        RenderedChart chart = render(release, namespace, values);
        ScanResult scan = PlaceholderScanner.scan(chart);
        List<String> fields = scan.placeholders().stream()
                .map(p -> p.location().resource().split("/", -1)[0] + " "
                        + p.location().path() + " " + p.variable())
                .distinct()
                .toList();
        assertTrue(
                fields.contains("ServiceAccount metadata.annotations[eks.amazonaws.com/role-arn] aws_account_id"),
                fields.toString());
        assertTrue(fields.contains("ConfigMap data[credentials.json] gcp_project_number"), fields.toString());
        assertTrue(fields.contains("ConfigMap data[credentials.json] gcp_wip_id"), fields.toString());
        assertTrue(fields.contains("ConfigMap data[credentials.json] gcp_project_id"), fields.toString());
        for (Placeholder p : scan.placeholders()) {
            String line = chart.output()
                    .lines()
                    .skip(p.location().line() - 1)
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    p.expression(),
                    line.substring(line.offsetByCodePoints(0, p.location().column() - 1))
                            .substring(0, p.expression().length()),
                    "line/column point at the placeholder");
        }
    }
}
