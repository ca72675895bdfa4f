package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariablePolicyTest {

    @Test
    void defaultAllowsTheFourClusterVariablesAndRejectsOthersWithLocation() {
        ScanResult scan = PlaceholderScanner.scan(List.of(PlaceholderScannerTest.manifest("""
                        data:
                          a: "${aws_account_id}"
                          b: "${gcp_project_number}/${gcp_wip_id}/${gcp_project_id}"
                          c: "${db_password}"
                        """)));
        List<FluxFinding> findings = VariablePolicy.defaults().check(scan);
        assertEquals(1, findings.size());
        FluxFinding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("flux/unknown-variable", f.rule());
        assertEquals("data.c", f.path());
        assertEquals(4, f.line());
        assertEquals(7, f.column());
        assertTrue(f.format().contains("ConfigMap/ns/t data.c (test/templates/t.yaml:4:7)"), f.format());
        assertTrue(f.fix().contains("$${db_password}"), f.fix());
    }

    @Test
    void allowlistIsConfigurable() {
        ScanResult scan = PlaceholderScanner.scan(List.of(PlaceholderScannerTest.manifest("a: ${region}\n")));
        assertTrue(VariablePolicy.of(Set.of("region")).check(scan).isEmpty());
        assertEquals(1, VariablePolicy.defaults().check(scan).size());
    }

    @Test
    void quoteVariableIsAWarningWhileTheClusterVariablesAreUnknownAndAnErrorWhenTheyLackIt() {
        ScanResult scan = PlaceholderScanner.scan(
                List.of(PlaceholderScannerTest.manifest("data:\n  n: ${quote}${gcp_project_number}${quote}\n")));
        List<FluxFinding> unknownCluster = VariablePolicy.defaults().check(scan);
        assertEquals(2, unknownCluster.size(), unknownCluster.toString());
        for (FluxFinding f : unknownCluster) {
            assertEquals(Severity.WARNING, f.severity());
            assertEquals("flux/quote-variable-required", f.rule());
            assertTrue(f.fix().contains("quote: '\"'"), f.fix());
        }
        ClusterVars withoutQuote = ClusterVars.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flux-cluster-vars
                data:
                  gcp_project_number: "123456789012"
                """, "flux-cluster-vars.yaml");
        List<FluxFinding> lacking = VariablePolicy.from(withoutQuote).check(scan);
        assertEquals(2, lacking.size());
        assertEquals(Severity.ERROR, lacking.get(0).severity());
        assertEquals("flux/unknown-variable", lacking.get(0).rule());
        ClusterVars withQuote = ClusterVars.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flux-cluster-vars
                data:
                  gcp_project_number: "123456789012"
                  quote: '"'
                """, "flux-cluster-vars.yaml");
        assertTrue(VariablePolicy.from(withQuote).check(scan).isEmpty());
    }

    @Test
    void defaultsOnAllowedVariablesAreNoted() {
        ScanResult scan = PlaceholderScanner.scan(
                List.of(PlaceholderScannerTest.manifest("a: \"${gcp_project_id:=dev-project}\"\n")));
        List<FluxFinding> findings = VariablePolicy.defaults().check(scan);
        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.get(0).severity());
    }

    @Test
    void allowlistFromClusterVarsConfigMap() {
        ClusterVars vars = ClusterVars.parse(ClusterVarsFixture.yaml("acme-prod"), "flux-cluster-vars.yaml");
        assertEquals("flux-cluster-vars", vars.name());
        assertEquals(VariablePolicy.DEFAULT_VARIABLES, VariablePolicy.from(vars).allowed());
        assertEquals("012345678901", vars.values().get("aws_account_id"));
    }

    @Test
    void secretVariablesAreBase64DecodedAndStringDataWins() {
        ClusterVars vars = ClusterVars.parse("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: secret-vars
                data:
                  token: c2VjcmV0
                  region: ZXUtd2VzdC0x
                stringData:
                  region: us-east-1
                """, "secret.yaml");
        assertEquals(Map.of("token", "secret", "region", "us-east-1"), vars.values());
    }

    @Test
    void badVariableFilesSayWhereAndHow() {
        IllegalArgumentException number = assertThrows(
                IllegalArgumentException.class,
                () -> ClusterVars.parse(
                        "kind: ConfigMap\nmetadata:\n  name: v\ndata:\n  gcp_project_number: 123456789012\n",
                        "vars.yaml"));
        assertTrue(
                number.getMessage().startsWith("vars.yaml:5: data.gcp_project_number is number"), number.getMessage());
        IllegalArgumentException kind =
                assertThrows(IllegalArgumentException.class, () -> ClusterVars.parse("kind: Deployment\n", "d.yaml"));
        assertTrue(kind.getMessage().contains("ConfigMap or a Secret"));
        ClusterVars invalid = ClusterVars.parse("kind: ConfigMap\ndata:\n  my-var: x\n", "v.yaml");
        assertEquals(List.of("my-var"), invalid.invalidNames());
    }
}
