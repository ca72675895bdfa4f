package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.io.AtomicFiles;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The manifests committed in samples/payments-service/deploy/ are what real Helm prints for the sample's values,
 * so the sample's runway:verify drift check compares our engine with Helm itself.
 * Regenerate them with {@code -Drunway.updateSamples=true}.
 */
class SampleServiceManifestsTest {

    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));
    private static final Path SAMPLE =
            CHART.resolve("../../samples/payments-service").normalize();

    @Test
    void committedManifestsAreHelmTemplateOutput() throws IOException {
        String version = projectVersion(Files.readString(SAMPLE.resolve("pom.xml")));
        boolean update = Boolean.getBoolean("runway.updateSamples");
        for (String environment : List.of("staging", "production")) {
            HelmOracle.Result result = HelmOracle.template(new HelmOracle.Request(
                    CHART,
                    "payments",
                    "payments",
                    "v1.33.0",
                    List.of(SAMPLE.resolve(".runway/values.yaml"), SAMPLE.resolve(".runway/" + environment + ".yaml")),
                    Map.of("image.tag", version)));
            assertTrue(!result.failed(), () -> environment + ": " + result.error());
            Path committed = SAMPLE.resolve("deploy").resolve(environment).resolve(ManifestFiles.SINGLE_FILE_NAME);
            if (update) {
                AtomicFiles.writeIfChanged(committed, result.output());
            }
            assertEquals(
                    result.output(),
                    Files.readString(committed),
                    committed + " differs from helm template; rerun with -Drunway.updateSamples=true");
            assertTrue(result.output().contains("${gcp_project_id}"), "Flux variables stay literal");
            assertTrue(
                    result.output().contains("image: \"registry.example.com/runway/payments:" + version + "\""),
                    result.output());
        }
    }

    /** Our engine renders the sample exactly as Helm does (what the sample's runway:verify relies on). */
    @Test
    void engineRendersTheSampleLikeHelm() throws IOException {
        String version = projectVersion(Files.readString(SAMPLE.resolve("pom.xml")));
        ManifestRenderer renderer = ManifestRenderer.engine();
        for (String environment : List.of("staging", "production")) {
            RenderRequest request = new RenderRequest(
                    ChartSource.RUNWAY_EKS,
                    List.of(SAMPLE.resolve(".runway/values.yaml"), SAMPLE.resolve(".runway/" + environment + ".yaml")),
                    List.of(),
                    List.of("image.tag=" + version),
                    List.of(),
                    "payments",
                    "payments",
                    "v1.33.0",
                    SAMPLE);
            String committed = Files.readString(
                    SAMPLE.resolve("deploy").resolve(environment).resolve(ManifestFiles.SINGLE_FILE_NAME));
            assertEquals(committed, renderer.render(request).output(), environment);
        }
    }

    private static String projectVersion(String pom) {
        Matcher m = Pattern.compile("<artifactId>payments-service</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "the sample pom names its version right after its artifactId");
        return m.group(1);
    }
}
