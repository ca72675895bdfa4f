package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.flux.Envsubst;
import dev.runway.render.flux.EnvsubstException;
import dev.runway.render.flux.FluxSubstitution;
import dev.runway.render.flux.PlaceholderScanner;
import dev.runway.render.flux.ScanResult;
import dev.runway.render.flux.SubstitutedManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

/**
 * Flux on hostile manifests: the placeholder scanner and the substitution simulator report problems as findings
 * or a FAILED status, never by throwing; envsubst rejects bad expressions only with {@link EnvsubstException}.
 */
@Tag("fuzz")
class FluxFuzzTest {

    private static final String[] PIECES = {
        "${",
        "}",
        "$",
        "$$",
        "${aws_account_id}",
        "${gcp_project_id:=p}",
        "${x:-d}",
        "${x:=}",
        "${x/a/b}",
        "${x:1:2}",
        "${#x}",
        "${x^^}",
        "${x,,}",
        "${x%%s}",
        "${x##p}",
        "${x:?err}",
        "${1x}",
        "{",
        ":",
        ": ",
        "\n",
        "  ",
        "- ",
        "key",
        "\"",
        "'",
        "#",
        "---\n",
        "apiVersion: v1\n",
        "kind: ConfigMap\n",
        "data:\n",
        "metadata:\n  name: n\n",
        "  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\n",
        "123",
        "true",
        "&a ",
        "*a",
        "|\n",
        ">-\n",
        "\\",
    };

    @FuzzTest(maxDuration = "60s")
    void scannerNeverThrows(FuzzedDataProvider data) {
        String text = manifestText(data);
        ScanResult result = PlaceholderScanner.scan(List.of(manifest(text)));
        assertNotNull(result.placeholders());
    }

    @FuzzTest(maxDuration = "60s")
    void envsubstEvaluatesOrExplains(FuzzedDataProvider data) {
        Map<String, String> vars = variables(data);
        boolean strict = data.consumeBoolean();
        String text = manifestText(data);
        try {
            assertNotNull(Envsubst.eval(text, name -> Optional.ofNullable(vars.get(name)), strict));
        } catch (EnvsubstException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void substitutionSimulatorNeverThrows(FuzzedDataProvider data) {
        Map<String, String> vars = variables(data);
        boolean strict = data.consumeBoolean();
        String text = manifestText(data);
        TemplateFuzzTest.runDeep(() -> {
            SubstitutedManifest out = FluxSubstitution.substitute(manifest(text), vars, strict);
            assertNotNull(out.status());
        });
    }

    private static Map<String, String> variables(FuzzedDataProvider data) {
        Map<String, String> vars = new LinkedHashMap<>();
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            vars.put(
                    data.pickValue(new String[] {"aws_account_id", "gcp_project_id", "x", "y"}),
                    data.consumeString(12));
        }
        return vars;
    }

    private static String manifestText(FuzzedDataProvider data) {
        StringBuilder sb = new StringBuilder();
        int count = data.consumeInt(0, 40);
        for (int i = 0; i < count; i++) {
            int pick = data.consumeInt(0, PIECES.length);
            sb.append(pick == PIECES.length ? data.consumeString(6) : PIECES[pick]);
        }
        return sb.toString();
    }

    private static RenderedManifest manifest(String text) {
        return new RenderedManifest("runway-eks/templates/fuzz.yaml", "v1", "ConfigMap", "fuzz", "", text);
    }
}
