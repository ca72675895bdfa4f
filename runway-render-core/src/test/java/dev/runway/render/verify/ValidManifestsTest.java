package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Valid manifests of many kinds and features: no false positives. */
class ValidManifestsTest {

    @Test
    void kitchenSinkHasOnlyTheOneIntendedWarning() throws Exception {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/verify-valid/kitchen-sink.yaml"))
                .toURI());
        VerifyResult result = new ManifestVerifier()
                .verify(
                        List.of(new ManifestVerifier.Source("kitchen-sink.yaml", Files.readString(file))),
                        VerifyOptions.namespace("payments"));
        assertEquals(15, result.resources().size(), result.resources().toString());
        // The dotted env var name is accepted by the API server since 1.34; shells cannot read it.
        assertEquals(
                List.of("warning env.invalid-name spec.template.spec.containers[0].env[5].name"),
                result.findings().stream()
                        .map(f -> f.severity().word() + " " + f.check() + " " + f.path())
                        .toList(),
                String.join("\n", result.lines()));
    }
}
