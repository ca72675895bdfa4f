package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus's {@code # apiserver:} verdicts agree with the findings: a case the API server rejects has an error
 * of a rule the server enforces, and a case it accepts has none. This is the classification the k3s fidelity test
 * (issue 10) applies against a real server.
 */
class CorpusVerdictConsistencyTest {

    @Test
    void verdictsFollowFromTheFindings() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (VerifyCorpusTest.Case c : VerifyCorpusTest.corpus()) {
            VerifyResult result = new ManifestVerifier()
                    .verify(
                            List.of(new ManifestVerifier.Source(
                                    c.file().getFileName().toString(), c.text())),
                            c.verifyOptions());
            boolean ours = result.findings().stream().anyMatch(Finding::serverWouldReject);
            if (ours != c.apiserver().equals("rejects")) {
                disagreements.add(c.file().getFileName() + ": header " + c.apiserver() + ", findings "
                        + (ours ? "rejects" : "accepts"));
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
