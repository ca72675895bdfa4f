package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.runway.render.api.RenderedChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reading of a render shared by a check run's Flux checks gives what each check gives on its own. */
class ParsedManifestsTest {

    private static final RenderedChart RENDER = ManifestStream.parse("""
            ---
            # Source: chart/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: payments
            data:
              project: ${gcp_project_number}
              owner: team-${owner}
              escaped: $${literal}
              digit: ${1x}
            ---
            # Source: chart/templates/broken.yaml
            apiVersion: v1
            kind: ConfigMap
            data: [${gcp_project_id}
            ---
            # Source: chart/templates/sa.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: api
              annotations:
                account: "${aws_account_id}"
            ---
            # Source: chart/templates/malformed.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: malformed
            data:
              bad: "x-${my-var}"
            """);

    @Test
    void sharedReadingGivesTheFindingsOfSeparateChecks(@TempDir Path dir) throws Exception {
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, "owner: ${owner}\n");
        FluxCheck.Options options = FluxCheck.Options.defaults();
        List<FluxFinding> alone = Provenance.fromUserValuesFiles(
                RENDER, List.of(values), options.policy(), Provenance.RUNWAY_EKS_FLUX_VALUES);
        FluxReport separate = FluxCheck.check(RENDER, options, alone);

        ParsedManifests render = ParsedManifests.of(RENDER);
        List<FluxFinding> shared = Provenance.fromUserValuesFiles(
                render, List.of(values), options.policy(), Provenance.RUNWAY_EKS_FLUX_VALUES);
        FluxReport report = FluxCheck.check(render, options, shared);

        assertEquals(1, shared.size(), shared.toString());
        assertEquals(separate.findings(), report.findings());
        assertEquals(separate.scan(), report.scan());
        assertSame(render.scan(), report.scan(), "the scan is made once per run");
        // Every part of the report has something to compare: scan, policy, safety check and provenance.
        assertEquals(
                List.of(
                        "flux/invalid-variable-name",
                        "flux/malformed-placeholder",
                        "flux/unknown-variable",
                        "flux/whole-scalar-placeholder",
                        "flux/user-supplied-placeholder",
                        "flux/unparsable-yaml",
                        "flux/escaped-placeholder"),
                report.findings().stream().map(FluxFinding::rule).distinct().toList(),
                report.findings().toString());
    }

    @Test
    void aManifestThatIsNotYamlHasNoTreeButItsExpressions() {
        ParsedManifests render = ParsedManifests.of(RENDER);
        assertNull(render.tree(1));
        assertNotNull(render.treeError(1));
        assertEquals(
                1,
                render.expressions(1).nodes().stream()
                        .filter(n -> n instanceof EnvsubstNode.Func)
                        .count());
        assertNotNull(render.tree(0));
        assertNull(render.treeError(0));
        assertSame(render.tree(0), render.tree(0));
        assertEquals(
                17,
                render.locator(1)
                        .at(RENDER.manifests().get(1).text().indexOf("${"))
                        .line());
    }
}
