package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityCheckTest {

    static final String RENDER = """
            ---
            # Source: runway-eks/templates/serviceaccount.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: "payments"
              namespace: "payments"
              annotations:
                eks.amazonaws.com/role-arn: "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments"
            ---
            # Source: runway-eks/templates/configmap-gcp-credentials.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "payments-gcp-credentials"
              namespace: "payments"
            data:
              project: "${gcp_project_id}"
              credentials.json: |
                {
                  "audience": "//iam.googleapis.com/projects/${gcp_project_number}/locations/global/workloadIdentityPools/${gcp_wip_id}/providers/EKS-Provider"
                }
            """;

    private static List<FluxFinding> compare(String disk) {
        RenderedChart chart = ManifestStream.parse(RENDER);
        return IntegrityCheck.compare(chart, disk, "target/runway/payments.yaml");
    }

    @Test
    void identicalFileIsFine() {
        assertTrue(compare(RENDER).isEmpty());
        assertTrue(
                compare(RENDER.replace("# Source: runway-eks/templates/serviceaccount.yaml\n", ""))
                        .isEmpty(),
                "layout changes that keep every placeholder are fine");
    }

    @Test
    void mavenInterpolationThatEmptiesOrReplacesIsCaught() {
        List<FluxFinding> findings =
                compare(RENDER.replace("${aws_account_id}", "").replace("${gcp_wip_id}", "my-pool"));
        assertEquals(2, findings.size(), findings.toString());
        FluxFinding arn = findings.get(0);
        assertEquals("flux/integrity-placeholder-altered", arn.rule());
        assertEquals("metadata.annotations[eks.amazonaws.com/role-arn]", arn.path());
        assertEquals("target/runway/payments.yaml", arn.source());
        assertEquals(9, arn.line());
        assertTrue(arn.message().startsWith("${aws_account_id} was emptied"), arn.message());
        FluxFinding wip = findings.get(1);
        assertEquals("data[credentials.json]", wip.path());
        assertTrue(wip.message().contains("${gcp_wip_id} was replaced by `my-pool`"), wip.message());
        assertTrue(wip.fix().contains("resource filtering"), wip.fix());
    }

    @Test
    void jsonEscapingIsCaught() {
        List<FluxFinding> findings = compare(RENDER.replace("\"${gcp_project_id}\"", "\"\\u0024{gcp_project_id}\""));
        assertEquals(
                List.of("flux/integrity-placeholder-altered", "flux/integrity-escaped-dollar"),
                findings.stream().map(FluxFinding::rule).toList(),
                findings.toString());
        assertEquals("data.project", findings.get(0).path());
        assertTrue(
                findings.get(0).message().contains("escaped"), findings.get(0).message());
        assertEquals(18, findings.get(1).line());
    }

    @Test
    void yamlRequotingIsCaught() {
        List<FluxFinding> findings = compare(RENDER.replace("\"${gcp_project_id}\"", "${gcp_project_id}"));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("flux/integrity-requoted", findings.get(0).rule());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        List<FluxFinding> single = compare(RENDER.replace("\"${gcp_project_id}\"", "'${gcp_project_id}'"));
        assertEquals(Severity.WARNING, single.get(0).severity());
    }

    @Test
    void addedAndMissingPlaceholdersAndResourcesAreCaught() {
        List<FluxFinding> findings = compare(RENDER.replace(
                "namespace: \"payments\"\ndata:", "namespace: \"payments\"\n  labels:\n    x: \"${other}\"\ndata:"));
        assertEquals(
                List.of("flux/integrity-placeholder-added"),
                findings.stream().map(FluxFinding::rule).toList());
        String withoutServiceAccount =
                RENDER.substring(RENDER.indexOf("---\n# Source: runway-eks/templates/configmap"));
        assertEquals(
                "flux/integrity-missing-resource",
                compare(withoutServiceAccount).get(0).rule());
    }

    @Test
    void mavenInterpolationOfPluginConfigurationIsCaught() {
        List<FluxFinding> findings = IntegrityCheck.compareValues(
                java.util.Map.of(
                        "gcp.projectId",
                        "${gcp_project_id}",
                        "env.URL",
                        "https://${gcp_project_id}.x",
                        "env.PLAIN",
                        "no placeholder"),
                java.util.Map.of("gcp.projectId", "", "env.URL", "https://build-project.x", "env.PLAIN", "changed"),
                "pom.xml <values>");
        assertEquals(2, findings.size(), findings.toString());
        FluxFinding emptied = findings.stream()
                .filter(f -> f.path().equals("gcp.projectId"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                emptied.message().startsWith("${gcp_project_id} was emptied in pom.xml <values>"), emptied.message());
        FluxFinding replaced = findings.stream()
                .filter(f -> f.path().equals("env.URL"))
                .findFirst()
                .orElseThrow();
        assertTrue(replaced.message().contains("was replaced by `build-project`"), replaced.message());
    }

    @Test
    void perResourceLayoutIsComparedFileByFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        RenderedChart chart = ManifestStream.parse(RENDER);
        for (dev.runway.render.service.OutputFile f : dev.runway.render.service.ManifestFiles.plan(
                chart, dev.runway.render.service.ManifestLayout.PER_RESOURCE)) {
            java.nio.file.Files.writeString(dir.resolve(f.name()), f.content());
        }
        assertEquals(List.of(), IntegrityCheck.compareDirectory(chart, dir));
        java.nio.file.Path cm = dir.resolve("configmap-payments-gcp-credentials.yaml");
        java.nio.file.Files.writeString(cm, java.nio.file.Files.readString(cm).replace("${gcp_wip_id}", ""));
        List<FluxFinding> findings = IntegrityCheck.compareDirectory(chart, dir);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(cm.toString(), findings.get(0).source());
        assertEquals(9, findings.get(0).line(), "the line in that file where the field starts");
        assertTrue(findings.get(0).message().startsWith("${gcp_wip_id} was emptied"));
    }

    @Test
    void aValueWithManyPlaceholdersAgainstALongAlteredValueIsDescribedQuickly() {
        // Describing what became of each placeholder matches the render's literal parts against the value on disk,
        // one lazy group per placeholder: with a backtracking matcher 25 groups over 2,000 characters that cannot
        // match would try C(2000, 24) placements.
        StringBuilder value = new StringBuilder();
        for (char c = 'a'; c < 'z'; c++) {
            value.append("${").append(c).append("}x");
        }
        String render = "---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n"
                + "data:\n  v: \"" + value + "Z\"\n";
        String disk = render.replace(value + "Z", "x".repeat(2000));
        List<FluxFinding> findings = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> IntegrityCheck.compare(ManifestStream.parse(render), disk, "manifests.yaml"));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("data.v", findings.get(0).path());
        assertTrue(
                findings.get(0).message().startsWith("the placeholders [${a}, ${b}"),
                findings.get(0).message());
    }
}
