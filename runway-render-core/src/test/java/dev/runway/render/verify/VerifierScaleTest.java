package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A manifest file from a service repository may hold many resources: the semantic checks look Services, PDBs and
 * references up in indexes built once instead of walking every resource for each one. 6,000 Services selecting
 * 6,000 Deployments took 97 s of CPU when every Service walked every resource, and 6 s with the indexes (most of it
 * reading the YAML); 5,000 of each here would take about 70 s without them.
 */
class VerifierScaleTest {
    private static final int EACH = 5_000;

    @Test
    void manyServicesOverManyWorkloadsStayLinear() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < EACH; i++) {
            file.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s")
                    .append(i)
                    .append("\nspec:\n  selector: {app: a}\n  ports: [{port: 80, targetPort: http}]\n");
        }
        for (int i = 0; i < EACH; i++) {
            file.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d")
                    .append(i)
                    .append(
                            "\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n")
                    .append("    spec:\n      containers: [{name: c, image: x, envFrom: [{configMapRef: {name: c")
                    .append(i)
                    .append("}}]}]\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p")
                    .append(i)
                    .append("\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: b")
                    .append(i)
                    .append("}}\n");
        }
        List<ManifestVerifier.Source> sources = ManifestVerifier.fromOutputFile(file.toString(), "manifests.yaml");
        VerifyResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> new ManifestVerifier().verify(sources, VerifyOptions.namespace("n")));
        // Every Service selects the Deployments, none of which names its port; every PDB selects nothing; every
        // Deployment refers to a ConfigMap that is not rendered.
        assertEquals(EACH, count(result, "port.unknown-name"));
        assertEquals(EACH, count(result, "pdb.selector-unmatched"));
        assertEquals(0, count(result, "service.selector-unmatched"));
    }

    private static long count(VerifyResult result, String check) {
        return result.findings().stream().filter(f -> f.check().equals(check)).count();
    }
}
