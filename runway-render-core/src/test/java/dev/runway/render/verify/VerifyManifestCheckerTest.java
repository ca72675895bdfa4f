package dev.runway.render.verify;

import dev.runway.render.RenderedChart;
import dev.runway.render.RenderedManifest;
import dev.runway.render.output.CheckFinding;
import dev.runway.render.output.ManifestChecker;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyManifestCheckerTest {

    @Test
    void aStandardCheckOfTheBuildTools() {
        assertTrue(ManifestChecker.standard().stream()
                .anyMatch(c -> c instanceof VerifyManifestChecker && c.name().equals("verify")));
    }

    @Test
    void runwayEksRendersGetIdentityChecksAndFindingsCarryTheFix() {
        String sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: orders\n  namespace: payments\n";
        RenderedChart eks = new RenderedChart(List.of(new RenderedManifest("runway-eks/templates/serviceaccount.yaml",
                "v1", "ServiceAccount", "orders", "payments", sa)), "");
        VerifyOptions options = VerifyManifestChecker.options("payments", eks);
        assertEquals(VerifyOptions.runwayEks("payments"), options);
        List<CheckFinding> findings = VerifyManifestChecker.toCheckFindings(new ManifestVerifier().verify(eks, options));
        CheckFinding name = findings.stream().filter(f -> f.check().equals("identity.serviceaccount-name"))
                .findFirst().orElseThrow();
        assertEquals(CheckFinding.Severity.ERROR, name.severity());
        assertEquals("ServiceAccount/payments/orders", name.resource());
        assertTrue(name.message().endsWith("Fix: name the ServiceAccount payments"), name.message());

        RenderedChart other = new RenderedChart(List.of(new RenderedManifest("mychart/templates/sa.yaml",
                "v1", "ServiceAccount", "orders", "payments", sa)), "");
        assertEquals(VerifyOptions.namespace("payments"), VerifyManifestChecker.options("payments", other));
    }
}
