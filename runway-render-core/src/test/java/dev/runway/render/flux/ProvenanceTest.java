package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.oracle.HelmOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance on the real chart, rendered by Helm with user values that carry placeholders. */
class ProvenanceTest {

    private static final Path CHART = RunwayEksFluxTest.CHART;

    private static Map<String, Object> userValues() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("LEAK", "${db_password}");
        env.put("PROJECT", "id=${gcp_project_id}");
        env.put("LITERAL", "$${HOME}");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("serviceId", "payments");
        values.put("image", Map.of("repository", "registry.example.com/runway/payments", "tag", "1.4.2"));
        values.put("env", env);
        values.put("gcp", Map.of("projectId", "${gcp_project_id}"));
        return values;
    }

    private static RenderedChart render(Path dir, Map<String, Object> values) throws Exception {
        Path file = dir.resolve("values-" + System.nanoTime() + ".yaml");
        Files.writeString(file, new YAMLMapper().writeValueAsString(values));
        HelmOracle.Result result = HelmOracle.template(HelmOracle.Request.of(CHART, "payments", "payments", file));
        assertNull(result.error(), result.error());
        return ManifestStream.parse(result.output());
    }

    @Test
    void markingCarriesTheValuePath() {
        Provenance.MarkedValues marked = Provenance.mark(userValues());
        assertEquals(
                List.of("env.LEAK", "env.PROJECT"),
                marked.placeholders().stream()
                        .map(Provenance.UserPlaceholder::valuePath)
                        .toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) marked.values().get("env");
        assertEquals("runwayuservalue0x{db_password}", env.get("LEAK"));
        assertEquals("$${HOME}", env.get("LITERAL"), "an escaped placeholder is not a placeholder");
        @SuppressWarnings("unchecked")
        Map<String, Object> gcp = (Map<String, Object>) marked.values().get("gcp");
        assertEquals("${gcp_project_id}", gcp.get("projectId"), "the chart's own Flux values stay as they are");
        assertEquals(
                3,
                Provenance.mark(userValues(), java.util.Set.of()).placeholders().size());
    }

    @Test
    void sentinelRenderFlagsPlaceholdersFromUserValues(@TempDir Path dir) throws Exception {
        Provenance.MarkedValues marked = Provenance.mark(userValues());
        RenderedChart markedRender = render(dir, marked.values());
        List<FluxFinding> findings = Provenance.fromMarkedRender(
                markedRender, marked, VariablePolicy.defaults(), Provenance.RUNWAY_EKS_FLUX_VALUES);
        assertEquals(2, findings.size(), findings.toString());
        FluxFinding leak = findings.get(0);
        assertEquals(Severity.ERROR, leak.severity());
        assertEquals("flux/user-supplied-placeholder", leak.rule());
        assertEquals("Deployment/payments/payments", leak.resource());
        assertTrue(leak.path().startsWith("spec.template.spec.containers[0].env["), leak.path());
        assertTrue(leak.message().contains("user value env.LEAK"), leak.message());
        assertTrue(leak.fix().contains("$${db_password}"), leak.fix());
        String line =
                markedRender.output().lines().skip(leak.line() - 1).findFirst().orElseThrow();
        assertTrue(line.contains("runwayuservalue"), line);
        assertEquals(Severity.WARNING, findings.get(1).severity());
        assertTrue(findings.get(1).message().contains("env.PROJECT"));
    }

    @Test
    void chartTextHeuristicFindsForeignPlaceholders(@TempDir Path dir) throws Exception {
        RenderedChart render = render(dir, userValues());
        List<FluxFinding> findings =
                Provenance.fromChartSources(render, Provenance.readChartSources(CHART), VariablePolicy.defaults());
        // ${db_password} is nowhere in the chart; ${gcp_project_id} is (values.yaml), so this method cannot tell.
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("${db_password}"));
        // And the escaped value reaches the output as $${HOME}, which Flux prints as ${HOME}.
        assertTrue(PlaceholderScanner.scan(render).escapes().stream().anyMatch(DollarEscape::keepsPlaceholder));
    }

    @Test
    void aClusterVariableTypedIntoEnvIsPointedAtClusterVarsEnv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, """
                serviceId: payments
                image: {repository: registry.example.com/runway/payments, tag: "1.4.2"}
                env:
                  GCP_PROJECT: "${gcp_project_id}"
                  PROJECT: "id=${gcp_project_id}"
                  LEAK: "${db_password}"
                """);
        HelmOracle.Result result = HelmOracle.template(HelmOracle.Request.of(CHART, "payments", "payments", file));
        assertNull(result.error(), result.error());
        List<FluxFinding> findings = Provenance.fromUserValuesFiles(
                ManifestStream.parse(result.output()),
                List.of(file),
                VariablePolicy.defaults(),
                Provenance.RUNWAY_EKS_FLUX_VALUES);
        assertEquals(3, findings.size(), findings.toString());
        FluxFinding whole = findings.get(0);
        assertEquals(Severity.WARNING, whole.severity());
        assertEquals(4, whole.line());
        assertTrue(
                whole.fix()
                        .startsWith("to give the service cluster variable 'gcp_project_id', name it in "
                                + "clusterVarsEnv instead of env (clusterVarsEnv: {GCP_PROJECT: gcp_project_id})"),
                whole.fix());
        assertTrue(whole.fix().contains("write $${gcp_project_id}"), whole.fix());
        // Inside a longer string clusterVarsEnv cannot help; a variable outside the policy is not to be read at all.
        for (FluxFinding other : findings.subList(1, 3)) {
            assertTrue(
                    !other.fix().contains("clusterVarsEnv") && other.fix().contains("chart's own fields"), other.fix());
        }
        assertEquals(Severity.ERROR, findings.get(2).severity());
    }
}
