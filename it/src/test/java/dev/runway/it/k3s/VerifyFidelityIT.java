package dev.runway.it.k3s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.verify.Finding;
import dev.runway.render.verify.ManifestVerifier;
import dev.runway.render.verify.VerifyOptions;
import dev.runway.render.verify.VerifyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verification fidelity: every broken manifest of the verify corpus is sent to a real API server (a dry run of a
 * server-side apply with strict field validation), and our verdict must agree with the server's. Our verdict is
 * "rejects" when a finding says the server would refuse the resource ({@link Finding#serverWouldReject()}).
 */
@ExtendWith(K3sCluster.class)
class VerifyFidelityIT {

    @Test
    void ourVerdictAgreesWithTheApiServer(KubeApi api) throws IOException {
        Path corpus = Path.of(
                System.getProperty("runway.verifyCorpus", "../runway-render-core/src/test/resources/verify-corpus"));
        api.createNamespace("payments");
        List<Path> cases;
        try (Stream<Path> files = Files.list(corpus)) {
            cases = files.filter(f -> f.getFileName().toString().matches("\\d{3}-.*\\.yaml"))
                    .sorted()
                    .toList();
        }
        assertTrue(cases.size() >= 60, "the corpus has " + cases.size() + " cases");

        List<String> disagreements = new ArrayList<>();
        for (Path file : cases) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            boolean serverRejects = false;
            for (String document : text.split("(?m)^---\\s*$", -1)) {
                if (document.contains("kind:")) {
                    KubeApi.ApplyResult result = api.apply(document, true);
                    serverRejects |= !result.accepted();
                }
            }
            VerifyResult ours = new ManifestVerifier()
                    .verify(
                            ManifestVerifier.fromHelmOutput(
                                    text, file.getFileName().toString()),
                            options(text));
            boolean weReject = ours.findings().stream().anyMatch(Finding::serverWouldReject);
            if (serverRejects != weReject) {
                disagreements.add(file.getFileName() + ": server " + (serverRejects ? "rejects" : "accepts")
                        + ", verify " + (weReject ? "rejects" : "accepts"));
            }
        }
        int agree = cases.size() - disagreements.size();
        System.out.printf(
                "verify fidelity against the k3s API server: %d/%d cases agree (%.1f%%)%n",
                agree, cases.size(), 100.0 * agree / cases.size());
        assertEquals(List.of(), disagreements);
    }

    /**
     * The corpus header {@code # options: runway-eks <id>} asks for the identity checks of that service id;
     * {@code # options: kubernetes <version>} for a target release. Every case is verified for the Kubernetes release
     * of the k3s image the verdicts are compared with.
     */
    private static VerifyOptions options(String text) {
        String k3s = System.getProperty("runway.k3s.image", "rancher/k3s:v1.33.5-k3s1");
        java.util.regex.Matcher release =
                java.util.regex.Pattern.compile(":v([0-9]+\\.[0-9]+)").matcher(k3s);
        String target = release.find() ? release.group(1) : "";
        for (String line : text.lines().toList()) {
            if (line.startsWith("# options: runway-eks ")) {
                return VerifyOptions.runwayEks(line.substring("# options: runway-eks ".length())
                                .strip())
                        .withKubernetesVersion(target);
            }
            if (line.startsWith("# options: kubernetes ")) {
                return VerifyOptions.namespace("payments")
                        .withKubernetesVersion(line.substring("# options: kubernetes ".length())
                                .strip());
            }
        }
        return VerifyOptions.namespace("payments").withKubernetesVersion(target);
    }
}
