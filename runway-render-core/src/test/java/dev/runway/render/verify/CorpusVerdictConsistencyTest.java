package dev.runway.render.verify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The corpus's {@code # apiserver:} verdicts agree with the findings: a case the API server rejects has an error
 * of a rule the server enforces, and a case it accepts has none. This is the classification the k3s fidelity test
 * (issue 10) applies against a real server.
 */
class CorpusVerdictConsistencyTest {

    /** Check families whose errors mirror the API server's own decoding and validation. */
    static final Set<String> SERVER_ENFORCED_FAMILIES = Set.of("structure", "name", "label", "annotation", "config",
            "env", "hpa", "pdb", "pod", "port", "resources", "selector", "value", "volume", "container");
    /** Errors inside those families that the server does not raise (they break the service later). */
    static final Set<String> SERVER_ACCEPTS = Set.of("container.image-missing", "port.unknown-name");
    /** Findings that mean "the server rejects this as it stands" without being an error of ours. */
    static final Set<String> REJECTED_AS_IS = Set.of("structure.not-checked", "structure.flux-variable");

    static boolean serverRejects(Finding f) {
        String family = f.check().contains(".") ? f.check().substring(0, f.check().indexOf('.')) : f.check();
        if (REJECTED_AS_IS.contains(f.check())) {
            return true; // a kind the server does not know without its CRD; a ${var} where a number goes
        }
        return f.severity() == Severity.ERROR && SERVER_ENFORCED_FAMILIES.contains(family)
                && !SERVER_ACCEPTS.contains(f.check());
    }

    @Test
    void verdictsFollowFromTheFindings() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (VerifyCorpusTest.Case c : VerifyCorpusTest.corpus()) {
            VerifyResult result = new ManifestVerifier().verify(
                    List.of(new ManifestVerifier.Source(c.file().getFileName().toString(), c.text())), c.verifyOptions());
            boolean ours = result.findings().stream().anyMatch(CorpusVerdictConsistencyTest::serverRejects);
            if (ours != c.apiserver().equals("rejects")) {
                disagreements.add(c.file().getFileName() + ": header " + c.apiserver() + ", findings "
                        + (ours ? "rejects" : "accepts"));
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
