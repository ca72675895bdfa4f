package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Google's own Java client (google-auth-library) loads each credentials file of the identity corpus; where the
 * verifier reports a missing or wrong field, Google's parser must reject the file too, and the chart's files must
 * load. This keeps the identity checks honest about what Google's client needs.
 */
class GoogleCredentialsCrossCheckTest {

    static String credentialsJson(String caseText) {
        StringBuilder json = new StringBuilder();
        boolean in = false;
        for (String line : caseText.split("\n", -1)) {
            if (line.startsWith("  credentials.json: |")) {
                in = true;
                continue;
            }
            if (in) {
                if (!line.startsWith("    ")) {
                    break;
                }
                json.append(line.substring(4)).append('\n');
            }
        }
        return json.toString();
    }

    /** Flux fills these in before anything reads the file; Google's parser rejects the literal placeholders. */
    static String substituted(String json) {
        return json.replace("${gcp_project_number}", "123456789012")
                .replace("${gcp_wip_id}", "eks-pool")
                .replace("${gcp_project_id}", "example-project")
                .replace("${aws_account_id}", "210987654321");
    }

    static String googleVerdict(String json) {
        json = substituted(json);
        try {
            GoogleCredentials credentials =
                    GoogleCredentials.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            return "loads as " + credentials.getClass().getSimpleName();
        } catch (Exception e) {
            return "rejects: " + e.getMessage();
        }
    }

    @TestFactory
    Stream<DynamicTest> googleAgreesWithTheIdentityChecks() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (VerifyCorpusTest.Case c : VerifyCorpusTest.corpus()) {
            String json = credentialsJson(c.text());
            if (json.isEmpty()) {
                continue;
            }
            String slug = c.file()
                    .getFileName()
                    .toString()
                    .replaceFirst("^[0-9]+-", "")
                    .replace(".yaml", "");
            boolean googleRejects = GOOGLE_REJECTS.contains(slug);
            // Whatever Google rejects, the verifier reports as an error about the file.
            if (googleRejects) {
                assertTrue(c.expected().stream().anyMatch(e -> e.startsWith("error identity.credentials-")), slug);
            }
            tests.add(DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> {
                String verdict = googleVerdict(json);
                assertEquals(googleRejects, verdict.startsWith("rejects"), c.description() + ": Google " + verdict);
            }));
        }
        assertTrue(tests.size() > 20, "identity cases with a credentials file: " + tests.size());
        return tests.stream();
    }

    /**
     * The corpus cases whose credentials file google-auth-library (Java) refuses to load. The verifier is stricter
     * in the other cases (missing token_url, region_url or service_account_impersonation_url, a subject_token_type
     * that does not fit the source, another service's Google account, a malformed audience): Google's Java client
     * loads those files and fails later, at token exchange, or silently uses another identity.
     */
    static final java.util.Set<String> GOOGLE_REJECTS = java.util.Set.of(
            "identity-json-invalid",
            "identity-json-no-regional-url",
            "identity-json-no-token-type",
            "identity-json-environment-id",
            "identity-json-type",
            "identity-no-credential-source");
}
