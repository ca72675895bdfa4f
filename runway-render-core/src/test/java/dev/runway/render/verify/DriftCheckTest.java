package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.yaml.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {
    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));
    private static final String UPDATE = "./mvnw runway:render -Drunway.updateCommitted";
    private static String output;
    private static RenderedChart rendered;

    @BeforeAll
    static void render() {
        HelmOracle.Result result = HelmOracle.template(
                HelmOracle.Request.of(CHART, "payments", "payments", CHART.resolve("ci/default-values.yaml")));
        output = result.output();
        List<RenderedManifest> manifests = new ArrayList<>();
        for (ManifestVerifier.Source s : ManifestVerifier.fromHelmOutput(output, "x")) {
            YNode.YMap root = (YNode.YMap) ManifestStreamParser.typedDocuments(s.text(), s.file())
                    .get(0)
                    .root();
            ResourceRef ref = Resource.of(root, s.file(), s.text()).ref();
            manifests.add(new RenderedManifest(
                    s.file(), ref.apiVersion(), ref.kind(), ref.name(), ref.namespace(), s.text()));
        }
        rendered = new RenderedChart(manifests, output);
    }

    @Test
    void sameFileHasNoDrift(@TempDir Path dir) throws Exception {
        Path committed = Files.writeString(dir.resolve("manifests.yaml"), output);
        DriftCheck.Report exact = new DriftCheck(DriftCheck.Mode.EXACT, UPDATE).compare(rendered, committed);
        assertTrue(exact.clean(), exact.text());
        assertTrue(new DriftCheck(DriftCheck.Mode.STRUCTURAL, UPDATE)
                .compare(rendered, committed)
                .clean());
        assertEquals(List.of(), exact.findings());
    }

    @Test
    void changedValueGivesUnifiedDiffAndUpdateCommand(@TempDir Path dir) throws Exception {
        Path committed = Files.writeString(dir.resolve("manifests.yaml"), output.replace("replicas: 2", "replicas: 3"));
        for (DriftCheck.Mode mode : DriftCheck.Mode.values()) {
            DriftCheck.Report report = new DriftCheck(mode, UPDATE).compare(rendered, committed);
            assertEquals(1, report.differences().size(), report.text());
            DriftCheck.ResourceDiff diff = report.differences().get(0);
            assertEquals("Deployment/payments/payments", diff.resource().toString());
            assertEquals(DriftCheck.Status.CHANGED, diff.status());
            assertTrue(diff.diff().startsWith("--- a/"), diff.diff());
            assertTrue(diff.diff().contains("\n@@ "), diff.diff());
            assertTrue(
                    diff.diff().contains(mode == DriftCheck.Mode.EXACT ? "-  replicas: 3" : "-  \"replicas\": 3"),
                    diff.diff());
            assertTrue(
                    diff.diff().contains(mode == DriftCheck.Mode.EXACT ? "+  replicas: 2" : "+  \"replicas\": 2"),
                    diff.diff());
            assertTrue(report.text().endsWith("To update the committed manifests, run: " + UPDATE + "\n"));
            Finding f = report.findings().get(0);
            assertEquals("drift.changed", f.check());
            assertTrue(f.fix().contains(UPDATE));
        }
    }

    @Test
    void formattingOnlyDifferencesPassStructurallyButNotExactly(@TempDir Path dir) throws Exception {
        String reformatted = output.replace("  name: \"payments\"\n", "  name: payments\n")
                .replace(
                        "    app.kubernetes.io/instance: payments\n    app.kubernetes.io/managed-by: Helm\n",
                        "    app.kubernetes.io/managed-by: 'Helm'\n    app.kubernetes.io/instance: payments\n")
                .replace("terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds: 30.0");
        Path committed = Files.writeString(dir.resolve("manifests.yaml"), reformatted);
        assertTrue(new DriftCheck(DriftCheck.Mode.STRUCTURAL, UPDATE)
                .compare(rendered, committed)
                .clean());
        assertFalse(new DriftCheck(DriftCheck.Mode.EXACT, UPDATE)
                .compare(rendered, committed)
                .clean());
    }

    @Test
    void typeChangeIsDriftEvenStructurally(@TempDir Path dir) throws Exception {
        Path committed = Files.writeString(
                dir.resolve("manifests.yaml"), output.replace("containerPort: 8080", "containerPort: \"8080\""));
        DriftCheck.Report report = new DriftCheck(DriftCheck.Mode.STRUCTURAL, UPDATE).compare(rendered, committed);
        assertEquals(1, report.differences().size(), report.text());
    }

    @Test
    void missingAndExtraResources(@TempDir Path dir) throws Exception {
        List<ManifestVerifier.Source> docs = ManifestVerifier.fromHelmOutput(output, "x");
        Files.createDirectories(dir.resolve("sub"));
        for (ManifestVerifier.Source s : docs) {
            if (!s.file().endsWith("service.yaml")) {
                Files.writeString(dir.resolve("sub").resolve(Path.of(s.file()).getFileName()), s.text());
            }
        }
        Files.writeString(dir.resolve("old.yml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: legacy
                  namespace: payments
                """);
        DriftCheck.Report report = new DriftCheck(DriftCheck.Mode.EXACT, UPDATE).compare(rendered, dir);
        assertEquals(2, report.differences().size(), report.text());
        assertEquals(
                DriftCheck.Status.NOT_COMMITTED, report.differences().get(0).status());
        assertEquals(
                "Service/payments/payments",
                report.differences().get(0).resource().toString());
        assertEquals(
                DriftCheck.Status.NO_LONGER_RENDERED,
                report.differences().get(1).status());
        assertEquals(
                "ConfigMap/payments/legacy",
                report.differences().get(1).resource().toString());
        assertEquals(
                List.of("drift.not-committed", "drift.no-longer-rendered"),
                report.findings().stream().map(Finding::check).toList());
    }

    @Test
    void folderWithOneFilePerResourceHasNoDrift(@TempDir Path dir) throws Exception {
        for (ManifestVerifier.Source s : ManifestVerifier.fromHelmOutput(output, "x")) {
            Files.writeString(dir.resolve(Path.of(s.file()).getFileName()), s.text());
        }
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                """);
        assertTrue(new DriftCheck(DriftCheck.Mode.EXACT, UPDATE)
                .compare(rendered, dir)
                .clean());
    }

    @Test
    void reorderedFileIsALayoutDifferenceInExactMode(@TempDir Path dir) throws Exception {
        List<ManifestVerifier.Source> docs = new ArrayList<>(ManifestVerifier.fromHelmOutput(output, "x"));
        java.util.Collections.reverse(docs);
        StringBuilder text = new StringBuilder();
        docs.forEach(d ->
                text.append("---\n# Source: ").append(d.file()).append('\n').append(d.text()));
        Path committed = Files.writeString(dir.resolve("manifests.yaml"), text.toString());
        DriftCheck.Report exact = new DriftCheck(DriftCheck.Mode.EXACT, UPDATE).compare(rendered, committed);
        assertEquals(1, exact.differences().size(), exact.text());
        assertEquals(ResourceRef.none(), exact.differences().get(0).resource());
        assertTrue(new DriftCheck(DriftCheck.Mode.STRUCTURAL, UPDATE)
                .compare(rendered, committed)
                .clean());
    }

    @Test
    void missingCommittedPathIsAClearError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DriftCheck(DriftCheck.Mode.EXACT, UPDATE).compare(rendered, dir.resolve("nope")));
        assertTrue(e.getMessage().contains("committed manifests not found"), e.getMessage());
    }
}
