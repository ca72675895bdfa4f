package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityCheckTest {

    private static List<Finding> verify(String yaml, String id) {
        return new ManifestVerifier()
                .verify(List.of(new ManifestVerifier.Source("m.yaml", yaml)), VerifyOptions.runwayEks(id))
                .findings();
    }

    @Test
    void roleNamesLongerThanIamAllowsAreReported() {
        String id = "a".repeat(52); // EKS-GCP-Role- (13) + 52 = 65 characters
        String sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + id + "\n  namespace: " + id
                + "\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/EKS-GCP-Role-" + id
                + "\n";
        List<Finding> findings = verify(sa, id);
        Finding length = findings.stream()
                .filter(f -> f.check().equals("identity.role-name-length"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertTrue(length.message().contains("has 65 characters"), length.message());
        assertTrue(findings.stream().noneMatch(f -> f.check().equals("identity.role-arn")), findings.toString());
    }

    @Test
    void twelveDigitAccountsAndTheFluxVariableAreBothAccepted() {
        for (String account : List.of("123456789012", "${aws_account_id}")) {
            String sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments\n  namespace: payments\n"
                    + "  annotations:\n    eks.amazonaws.com/role-arn: \"arn:aws:iam::" + account
                    + ":role/EKS-GCP-Role-payments\"\n";
            List<String> checks =
                    verify(sa, "payments").stream().map(Finding::check).toList();
            // Only the missing Deployment is reported: the ServiceAccount itself is right.
            assertEquals(List.of("identity.deployment-missing"), checks, account);
        }
    }
}
