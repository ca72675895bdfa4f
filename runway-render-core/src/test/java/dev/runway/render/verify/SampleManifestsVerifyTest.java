package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample service's committed manifests (real Helm output) verify without findings, as runway:verify runs them. */
class SampleManifestsVerifyTest {
    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));
    private static final Path SAMPLE =
            CHART.resolve("../../samples/payments-service").normalize();

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void committedSampleManifestsVerifyClean(String environment) throws Exception {
        Path file = SAMPLE.resolve("deploy").resolve(environment).resolve("manifests.yaml");
        List<ManifestVerifier.Source> sources =
                ManifestVerifier.fromHelmOutput(Files.readString(file), file.toString());
        VerifyResult result = new ManifestVerifier().verify(sources, VerifyOptions.runwayEks("payments"));
        assertEquals(List.of(), result.lines(), environment);
        assertEquals(true, result.resources().size() >= 4, "resources: " + result.resources());
    }
}
