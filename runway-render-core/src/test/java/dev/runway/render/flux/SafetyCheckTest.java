package dev.runway.render.flux;

import dev.runway.render.RenderedChart;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safety check on deliberately broken manifests. */
class SafetyCheckTest {

    private static RenderedChart chart(String output) {
        return ManifestStream.parse(output);
    }

    private static List<FluxFinding> check(String output) {
        return SafetyCheck.check(chart(output));
    }

    @Test
    void unquotedProjectNumberUnderConfigMapDataIsCaught() {
        List<FluxFinding> findings = check("""
                ---
                # Source: runway-eks/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: payments
                data:
                  project: ${gcp_project_number}
                  quoted: "${gcp_project_number}"
                """);
        assertEquals(1, findings.size(), findings.toString());
        FluxFinding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("flux/type-changes", f.rule());
        assertEquals("ConfigMap/payments/settings", f.resource());
        assertEquals("data.project", f.path());
        assertEquals(9, f.line());
        assertTrue(f.message().contains("number 123456789012"), f.message());
        assertTrue(f.message().contains("ConfigMap data values must be strings"), f.message());
        assertTrue(f.fix().contains("\"${gcp_project_number}\""), f.fix());
    }

    @Test
    void leadingZeroAccountIdIsCaughtEvenWhereANumberWouldDo() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  account: ${aws_account_id}
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("spec.account", findings.get(0).path());
    }

    @Test
    void unquotedPlaceholderInAnnotationIsAnError() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: sa
                  annotations:
                    runway.dev/account: ${aws_account_id}
                """);
        assertEquals("metadata.annotations[runway.dev/account]", findings.get(0).path());
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void jsonInConfigMapThatStopsParsingIsCaught() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: creds
                data:
                  credentials.json: |
                    {"audience": "//iam/projects/${gcp_project_number}", "project": ${gcp_project_id}}
                  bare.json: |
                    {"number": ${gcp_project_number}}
                """);
        FluxFinding broken = findings.stream().filter(f -> f.rule().equals("flux/json-breaks")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals("data[credentials.json]", broken.path());
        assertEquals(Severity.ERROR, broken.severity());
        FluxFinding bare = findings.stream().filter(f -> f.rule().equals("flux/json-bare-placeholder")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals("data[bare.json]", bare.path());
    }

    @Test
    void valuesThatReadDifferentlyAfterSubstitutionAreCaught() {
        List<FluxFinding> findings = SafetyCheck.check(chart("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  note: ${gcp_project_id}
                  escaped: "\\u0024{gcp_project_id}-${gcp_wip_id}"
                """), List.of(new SafetyCheck.SampleSet("tricky", java.util.Map.of(
                "gcp_project_id", "a #comment", "gcp_wip_id", "pool"))));
        assertEquals(List.of("data.note", "data.escaped"), findings.stream().map(FluxFinding::path).toList(),
                findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.rule().equals("flux/value-changes")));
    }

    @Test
    void yamlThatBreaksAfterSubstitutionIsCaught() {
        List<FluxFinding> findings = SafetyCheck.check(chart("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  a: ${v}
                """), List.of(new SafetyCheck.SampleSet("broken", java.util.Map.of("v", "{unclosed"))));
        assertEquals("flux/substitution-breaks-yaml", findings.get(0).rule());
    }

    @Test
    void disabledResourcesAndQuotedValuesAreFine() {
        assertTrue(check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  annotations:
                    kustomize.toolkit.fluxcd.io/substitute: disabled
                data:
                  a: ${gcp_project_number}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: d
                data:
                  a: "${gcp_project_number}"
                  b: 'x-${aws_account_id}'
                  c: |
                    ${gcp_project_number}
                """).isEmpty());
    }
}
