package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import dev.runway.render.yaml.YNode.YSeq;
import dev.runway.render.yaml.YamlTree;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Kubernetes client's own generated validators ({@code V1Deployment.validateJsonElement}) agree with the
 * structure check on unknown and missing required fields: every corpus case that expects only such findings is
 * rejected by the client's validator too, and the chart's manifests pass it.
 */
class ClientValidatorCrossCheckTest {
    private static final KubeSchema SCHEMA = new KubeSchema();

    static JsonElement json(YNode node) {
        if (node instanceof YMap m) {
            JsonObject o = new JsonObject();
            m.entries().forEach((k, v) -> o.add(k, json(v)));
            return o;
        }
        if (node instanceof YSeq s) {
            JsonArray a = new JsonArray();
            s.items().forEach(i -> a.add(json(i)));
            return a;
        }
        YScalar s = (YScalar) node;
        return switch (s.type()) {
            case NULL -> JsonNull.INSTANCE;
            case BOOL -> new JsonPrimitive(Boolean.parseBoolean(s.value()));
            case INT, FLOAT -> s.number() == null ? new JsonPrimitive(s.value()) : new JsonPrimitive(s.number());
            case STRING, TIMESTAMP -> new JsonPrimitive(s.value());
        };
    }

    /** null when the client's validator accepts the document, else its message. */
    static String clientVerdict(YMap doc) throws Exception {
        KubeSchema.Lookup lookup = SCHEMA.lookup(
                doc.text("apiVersion").orElse(""), doc.text("kind").orElse(""));
        if (!(lookup instanceof KubeSchema.Lookup.Found found)) {
            return null;
        }
        try {
            Class.forName(found.info().modelName())
                    .getMethod("validateJsonElement", JsonElement.class)
                    .invoke(null, json(doc));
            return null;
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }

    @TestFactory
    Stream<DynamicTest> clientValidatorRejectsUnknownAndMissingFields() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (VerifyCorpusTest.Case c : VerifyCorpusTest.corpus()) {
            boolean onlyFieldFindings = !c.expected().isEmpty()
                    && c.expected().stream()
                            .allMatch(e -> e.startsWith("error structure.unknown-field ")
                                    || e.startsWith("error structure.missing-field "));
            if (!onlyFieldFindings || c.expected().stream().anyMatch(e -> e.endsWith(" apiVersion"))) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> {
                List<String> verdicts = new ArrayList<>();
                for (YamlTree.TypedDocument d :
                        ManifestStreamParser.typedDocuments(c.text(), c.file().toString())) {
                    verdicts.add(clientVerdict((YMap) d.root()));
                }
                assertTrue(
                        verdicts.stream().anyMatch(v -> v != null),
                        c.description() + ": the client's validator accepted it");
            }));
        }
        assertTrue(tests.size() >= 8, "field cases: " + tests.size());
        return tests.stream();
    }

    @Test
    void chartManifestsPassTheClientValidator() throws Exception {
        Path chart = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));
        HelmOracle.Result result = HelmOracle.template(
                HelmOracle.Request.of(chart, "ai-gateway", "ai-gateway", chart.resolve("ci/full-values.yaml")));
        int checked = 0;
        for (ManifestVerifier.Source s : ManifestVerifier.fromHelmOutput(result.output(), "full")) {
            YMap doc = (YMap) ManifestStreamParser.typedDocuments(s.text(), s.file())
                    .get(0)
                    .root();
            assertEquals(null, clientVerdict(doc), s.file());
            checked++;
        }
        assertEquals(6, checked);
    }
}
