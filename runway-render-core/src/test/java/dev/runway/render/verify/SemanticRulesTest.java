package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules whose cases would be too large for the corpus files. */
class SemanticRulesTest {

    @Test
    void annotationsLargerThan256KiBAreRejected() {
        String big = "x".repeat(256 * 1024);
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: payments\n  annotations:\n"
                + "    example.com/blob: " + big + "\n";
        List<String> checks = new ManifestVerifier()
                        .verify(List.of(new ManifestVerifier.Source("a.yaml", cm)), VerifyOptions.namespace("payments"))
                        .findings()
                        .stream()
                        .map(f -> f.check() + " " + f.path())
                        .toList();
        assertEquals(List.of("annotation.too-long metadata.annotations"), checks);
    }

    @Test
    void annotationsJustUnderTheLimitPass() {
        String fits = "x".repeat(256 * 1024 - "example.com/blob".length());
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: payments\n  annotations:\n"
                + "    example.com/blob: " + fits + "\n";
        assertEquals(
                List.of(),
                new ManifestVerifier()
                        .verify(List.of(new ManifestVerifier.Source("a.yaml", cm)), VerifyOptions.namespace("payments"))
                        .findings());
    }
}
