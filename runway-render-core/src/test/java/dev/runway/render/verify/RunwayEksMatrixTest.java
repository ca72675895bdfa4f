package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.runway.render.oracle.HelmOracle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runway-eks chart, rendered by the real Helm over its ci/ values files, verifies with no finding at all (the
 * ExternalSecret checked against the test CRD).
 */
class RunwayEksMatrixTest {
    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "default-values.yaml, payments, 4",
        "oidc-values.yaml, payments, 4",
        "profiling-values.yaml, payments, 4",
        "autoscaling-values.yaml, payments, 6",
        "full-values.yaml, ai-gateway, 6",
        "gke-values.yaml, payments, 3",
        "external-secrets-values.yaml, payments, 5",
    })
    void chartRendersWithoutFindings(String valuesFile, String serviceId, int resources) {
        HelmOracle.Result rendered = HelmOracle.template(HelmOracle.Request.of(
                CHART, serviceId, serviceId, CHART.resolve("ci").resolve(valuesFile)));
        assertNull(rendered.error(), "helm template failed");
        List<ManifestVerifier.Source> sources = ManifestVerifier.fromHelmOutput(rendered.output(), "helm-output.yaml");
        VerifyResult result = new ManifestVerifier()
                .verify(
                        sources,
                        VerifyOptions.runwayEks(serviceId).withCrds(CustomResourceDefinitions.load(CrdCheckTest.CRDS)));
        assertEquals(resources, result.resources().size(), "resources: " + result.resources());
        assertEquals(List.of(), result.lines(), "findings for " + valuesFile);
        assertFalse(sources.isEmpty());
    }
}
