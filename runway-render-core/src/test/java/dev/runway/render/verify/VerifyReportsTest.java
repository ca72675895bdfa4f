package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class VerifyReportsTest {
    private static final String MANIFESTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: payments-settings
              namespace: payments
            data:
              PORT: 8080
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: payments
              namespace: payments
            spec:
              selector:
                matchLabels: {app: payments}
              template:
                metadata:
                  labels: {app: payments}
                spec:
                  containers:
                    - name: payments
                      image: registry.example.com/payments:1
                      env:
                        - name: log-level
                          value: debug
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: payments
              namespace: payments
            """;

    private static VerifyReports.Input input() {
        VerifyResult result = new ManifestVerifier()
                .verify(
                        List.of(new ManifestVerifier.Source("manifests/payments.yaml", MANIFESTS)),
                        VerifyOptions.namespace("payments"));
        DriftCheck.Report drift = new DriftCheck(DriftCheck.Mode.EXACT, "./mvnw runway:render -Drunway.updateCommitted")
                .compare(
                        List.of(new ManifestVerifier.Source("r.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: a
                          namespace: payments
                        data:
                          K: v2
                        """)),
                        List.of(new ManifestVerifier.Source("c.yaml", """
                                apiVersion: v1
                                kind: ConfigMap
                                metadata:
                                  name: a
                                  namespace: payments
                                data:
                                  K: v1
                                """)));
        return VerifyReports.Input.of("payments", result, drift, "manifests/payments.yaml");
    }

    @Test
    void findingsAreOneLineEachWithResourcePathAndFix() {
        VerifyResult result = new ManifestVerifier()
                .verify(List.of(new ManifestVerifier.Source("m.yaml", MANIFESTS)), VerifyOptions.namespace("payments"));
        assertEquals(
                List.of(
                        "error ConfigMap/payments/payments-settings data.PORT: expected string, got number 8080 "
                                + "[structure.wrong-type] fix: quote the value: \"8080\"",
                        "warning Deployment/payments/payments spec.template.spec.containers[0].env[0].name: \"log-level\" is"
                                + " not a C identifier: shells and most runtimes cannot read it [env.invalid-name] fix: use"
                                + " letters, digits and '_', not starting with a digit (for example LOG_LEVEL)",
                        "info ServiceMonitor/payments/payments -: monitoring.coreos.com/v1 ServiceMonitor is not a built-in kind"
                                + " of Kubernetes 1.36 (a custom resource?): its fields were not checked [structure.not-checked]"
                                + " fix: check it against its CustomResourceDefinition, or make sure the CRD is installed"
                                + " before it"),
                result.lines());
        assertEquals(7, result.findings().get(0).line(), "line of data.PORT in the file");
    }

    @Test
    void codeQualityHasGitLabFields() throws Exception {
        JsonNode issues = new ObjectMapper().readTree(VerifyReports.codeQuality(input()));
        assertTrue(issues.isArray());
        assertEquals(4, issues.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(
                        issue.path(field).isTextual()
                                && !issue.path(field).asText().isEmpty(),
                        field + " in " + issue);
            }
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker")
                    .contains(issue.path("severity").asText()));
            assertTrue(issue.path("location").path("path").isTextual());
            assertTrue(issue.path("location").path("lines").path("begin").asInt() >= 1);
            assertTrue(fingerprints.add(issue.path("fingerprint").asText()), "fingerprints are unique");
        }
        JsonNode first = issues.get(0);
        assertEquals("structure.wrong-type", first.path("check_name").asText());
        assertEquals("critical", first.path("severity").asText());
        assertEquals(
                "manifests/payments.yaml", first.path("location").path("path").asText());
        assertEquals(7, first.path("location").path("lines").path("begin").asInt());
        // Stable across runs: the same findings give the same fingerprints.
        assertEquals(VerifyReports.codeQuality(input()), VerifyReports.codeQuality(input()));
    }

    @Test
    void codeQualityIsWrittenAsAnIndentingObjectMapperWritesIt() throws Exception {
        // The report is streamed without a mapper; its text stays what GitLab and earlier versions saw.
        ObjectMapper mapper =
                new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        String report = VerifyReports.codeQuality(input());
        assertEquals(mapper.writeValueAsString(mapper.readTree(report)) + "\n", report);
        VerifyReports.Input none = new VerifyReports.Input("t", List.of(), List.of(), null, "x.yaml");
        assertEquals("[ ]\n", VerifyReports.codeQuality(none));
    }

    @Test
    void junitHasOneTestCasePerResourceAndCheckGroup() throws Exception {
        String xml = VerifyReports.junit(input());
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        // 3 verified resources x (structure, rules, drift) + the drifted ConfigMap/payments/a x drift.
        assertEquals(10, cases.getLength(), xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("10", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"), xml);
        assertEquals("1", suite.getAttribute("skipped"), xml);
        boolean structureFailure = false;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("ConfigMap/payments/payments-settings")
                    && c.getAttribute("name").equals("structure")) {
                structureFailure = c.getElementsByTagName("failure").getLength() == 1;
            }
        }
        assertTrue(structureFailure, xml);
    }

    @Test
    void markdownSummaryListsFindingsAndDrift() {
        String md = VerifyReports.markdown(input());
        assertTrue(md.startsWith("## runway verify: payments\n"), md);
        assertTrue(md.contains("**Failed**: 2 error(s), 1 warning(s), 1 note(s) in 3 resource(s)"), md);
        assertTrue(
                md.contains("| error | ConfigMap/payments/payments-settings | `data.PORT` | expected string, got"
                        + " number 8080 | quote the value: \"8080\" | `structure.wrong-type` |"),
                md);
        assertTrue(md.contains("```diff\n--- a/c.yaml\n+++ b/r.yaml\n"), md);
        assertTrue(md.contains("-  K: v1\n+  K: v2\n```"), md);
        assertTrue(md.contains("```sh\n./mvnw runway:render -Drunway.updateCommitted\n```"), md);
        assertFalse(md.contains("&quot;"), "no HTML escaping in Markdown");
    }

    @Test
    void markdownSummaryNamesTheKubernetesReleaseTheChecksTargeted() {
        String own = VerifyReports.markdown(input());
        assertTrue(own.contains("Checked for Kubernetes " + ManifestVerifier.kubernetesVersion() + "."), own);
        String older = VerifyReports.markdown(input().withKubernetesVersion("v1.33.0"));
        assertTrue(
                older.contains("Checked for Kubernetes 1.33 (API versions and field rules of that release; field"
                        + " structure from the Kubernetes " + ManifestVerifier.kubernetesVersion()
                        + " client models)."),
                older);
    }

    @Test
    void writesAtomicallyAndReplaces(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("reports/gl-code-quality.json");
        Path xml = dir.resolve("reports/junit.xml");
        Path md = dir.resolve("reports/summary.md");
        Files.createDirectories(json.getParent());
        Files.writeString(json, "old");
        VerifyReports.write(input(), json, xml, md);
        assertTrue(Files.readString(json).startsWith("["));
        assertTrue(Files.readString(xml).startsWith("<?xml"));
        assertTrue(Files.readString(md).startsWith("## runway verify"));
        try (Stream<Path> files = Files.list(json.getParent())) {
            assertEquals(3, files.count(), "no temporary files left");
        }
    }

    @Test
    void findingsOfAnOutputFilePointAtItsLines() {
        String output = """
                ---
                # Source: runway-eks/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: payments
                data:
                  K: v
                ---
                # Source: runway-eks/templates/cm2.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: b
                  namespace: payments
                data:
                  PORT: 8080
                """;
        VerifyResult result = new ManifestVerifier()
                .verify(
                        ManifestVerifier.fromOutputFile(output, "deploy/staging/manifests.yaml"),
                        VerifyOptions.namespace("payments"));
        assertEquals(1, result.findings().size(), result.lines().toString());
        Finding f = result.findings().get(0);
        assertEquals("deploy/staging/manifests.yaml", f.file());
        assertEquals(18, f.line());
        assertEquals("  PORT: 8080", output.split("\n", -1)[f.line() - 1]);
    }
}
