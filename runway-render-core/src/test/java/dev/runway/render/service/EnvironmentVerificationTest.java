package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.verify.DriftCheck;
import dev.runway.render.verify.ResourceRef;
import dev.runway.render.verify.VerifyReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentVerificationTest {

    @TempDir
    Path dir;

    private static final RenderRequest REQUEST = new RenderRequest(
            ChartSource.directory(Path.of("chart")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "payments",
            "payments",
            "",
            Path.of("."));

    private static final ManifestChecker ONE_WARNING = new ManifestChecker() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<CheckFinding> check(RenderRequest request, RenderedChart chart) {
            return List.of(new CheckFinding(
                    CheckFinding.Severity.WARNING,
                    "test.rule",
                    "Deployment/payments/payments",
                    "spec.replicas",
                    "one replica"));
        }
    };

    /** Verifies {@code chart} as {@code environment} of {@link #REQUEST}, checking drift exactly. */
    private static EnvironmentVerification.Result verify(
            String environment,
            RenderedChart chart,
            List<ManifestChecker> checkers,
            Path committed,
            ManifestLayout layout,
            String updateCommand) {
        return EnvironmentVerification.verify(
                environment, REQUEST, chart, checkers, committed, layout, DriftCheck.Mode.EXACT, updateCommand);
    }

    @Test
    void singleFileLayoutComparesWithTheCommittedFileAndReportsDrift() throws IOException {
        RenderedChart chart = OutputTest.chart();
        Path committed = dir.resolve("deploy/staging");
        EnvironmentVerification.Result missing =
                verify("staging", chart, List.of(ONE_WARNING), committed, ManifestLayout.SINGLE_FILE, "update!");
        assertEquals(1, missing.count(CheckFinding.Severity.WARNING));
        assertTrue(missing.drifted());
        assertEquals(2, missing.drift().differences().size(), "nothing committed yet: both resources");

        OutputSync.sync(committed, ManifestFiles.plan(chart, ManifestLayout.SINGLE_FILE));
        assertTrue(!verify("staging", chart, List.of(), committed, ManifestLayout.SINGLE_FILE, "update!")
                .drifted());

        Path file = committed.resolve("manifests.yaml");
        Files.writeString(
                file, Files.readString(file).replace("name: payments\n  labels", "name: payments2\n  labels"));
        EnvironmentVerification.Result drifted =
                verify("staging", chart, List.of(), committed, ManifestLayout.SINGLE_FILE, "update!");
        assertTrue(drifted.drifted());
        String text = drifted.drift().text();
        assertTrue(text.contains("-  name: payments2") && text.contains("+  name: payments"), text);
        assertTrue(text.contains("To update the committed manifests, run: update!"), text);
    }

    @Test
    void perResourceLayoutChecksTheKustomizationToo() throws IOException {
        RenderedChart chart = OutputTest.chart();
        Path committed = dir.resolve("deploy/production");
        OutputSync.sync(committed, ManifestFiles.plan(chart, ManifestLayout.PER_RESOURCE));
        assertTrue(!verify("production", chart, List.of(), committed, ManifestLayout.PER_RESOURCE, "u")
                .drifted());
        Files.writeString(committed.resolve("kustomization.yaml"), "resources: []\n");
        DriftCheck.Report report = verify("production", chart, List.of(), committed, ManifestLayout.PER_RESOURCE, "u")
                .drift();
        assertEquals(1, report.differences().size());
        assertEquals("Kustomization", report.differences().get(0).resource().kind());
        assertTrue(
                report.differences().get(0).diff().contains("-resources: []"),
                report.differences().get(0).diff());
    }

    @Test
    void withoutCommittedManifestsNoDriftIsChecked() {
        assertNull(verify("dev", OutputTest.chart(), List.of(), null, ManifestLayout.SINGLE_FILE, "u")
                .drift());
    }

    @Test
    void reportsAreWrittenForCi() throws IOException {
        RenderedChart chart = OutputTest.chart();
        EnvironmentVerification.Result result =
                verify("staging", chart, List.of(ONE_WARNING), null, ManifestLayout.SINGLE_FILE, "u");
        EnvironmentVerification.writeReports(result, chart, dir);
        assertTrue(Files.readString(dir.resolve("code-quality.json")).contains("test.rule"));
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<testsuite"));
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("one replica"));
    }

    @Test
    void reportsCarryTheBuildToolsCheckFindings() throws Exception {
        CheckFinding finding = new CheckFinding(
                CheckFinding.Severity.ERROR,
                "flux.unquoted-number",
                "ConfigMap/payments/a",
                "data.PORT",
                "becomes a number");
        VerifyReports.Input in = new VerifyReports.Input(
                "staging",
                List.of(new ResourceRef("v1", "ConfigMap", "payments", "a")),
                List.of(EnvironmentVerification.toFinding(finding)),
                null,
                "deploy/staging/manifests.yaml");
        JsonNode issue =
                new ObjectMapper().readTree(VerifyReports.codeQuality(in)).get(0);
        assertEquals("flux.unquoted-number", issue.path("check_name").asText());
        assertEquals(
                "deploy/staging/manifests.yaml",
                issue.path("location").path("path").asText());
        assertTrue(VerifyReports.junit(in).contains("classname=\"ConfigMap/payments/a\" name=\"rules\""));
        assertTrue(VerifyReports.markdown(in)
                .contains("| error | ConfigMap/payments/a | `data.PORT` | becomes a number |"));
    }
}
