package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The limits every YAML and JSON reader shares (issue 15): go-yaml's alias ratio and depth rules on the tree readers
 * (snakeyaml-engine's composer and loader), Jackson's read constraints, and Helm's exact words from the project's
 * own go-yaml reader. The forked-JVM tests (HostileChartTest) show the same inputs end in seconds in 256 MB.
 */
class GuardedYamlTest {
    private static final String BILLION_LAUGHS = """
            a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            """;

    private static LoadSettings settings() {
        return GuardedYaml.settings("test.yaml").build();
    }

    @Test
    void aliasRatioFollowsGoYaml() {
        assertEquals(0.99, GuardedYaml.allowedAliasRatio(400_000));
        assertEquals(0.10, GuardedYaml.allowedAliasRatio(4_000_000));
        assertEquals(0.545, GuardedYaml.allowedAliasRatio(2_200_000), 1e-9);
        // Below 100 alias-made nodes or 1,000 nodes in all, anything goes.
        assertTrue(!GuardedYaml.excessiveAliasing(1000, 1000));
        assertTrue(!GuardedYaml.excessiveAliasing(100_000, 100));
        assertTrue(GuardedYaml.excessiveAliasing(100_000, 99_500));
        assertTrue(!GuardedYaml.excessiveAliasing(100_000, 98_000));
    }

    @Test
    void billionLaughsStopsTheTreeReaders() {
        YamlLimitException e = assertThrows(
                YamlLimitException.class, () -> GuardedYaml.load(settings()).loadFromString(BILLION_LAUGHS));
        assertEquals(YamlLimitException.Kind.ALIASING, e.kind());
        assertEquals("document contains excessive aliasing", e.problem());
        assertTrue(e.getProblemMark().isPresent());
        assertThrows(
                YamlLimitException.class,
                () -> GuardedYaml.composeAll(settings(), BILLION_LAUGHS).forEach(n -> {}));
    }

    @Test
    void billionLaughsInGoYamlReadsAsHelmSaysIt() {
        GoYamlException e = assertThrows(GoYamlException.class, () -> GoYaml.read(BILLION_LAUGHS, "values.yaml"));
        assertEquals("error converting YAML to JSON: yaml: document contains excessive aliasing", e.getMessage());
        assertEquals(
                "error converting YAML to JSON: yaml: document contains excessive aliasing",
                GoYaml.fromYaml(BILLION_LAUGHS).get("Error"));
    }

    @Test
    void ordinaryAnchorsPass() {
        // 300 aliases of a small map: most of the document comes from aliases, well under go-yaml's ratio.
        StringBuilder text = new StringBuilder("base: &base {a: 1, b: 2}\nitems:\n");
        for (int i = 0; i < 300; i++) {
            text.append("- {<<: *base, n: ").append(i).append("}\n");
        }
        Object loaded = GuardedYaml.load(settings()).loadFromString(text.toString());
        assertEquals(300, ((List<?>) ((Map<?, ?>) loaded).get("items")).size());
        Map<?, ?> read = (Map<?, ?>) GoYaml.read(text.toString(), "values.yaml");
        assertEquals(300, ((List<?>) read.get("items")).size());
    }

    @Test
    void selfReferenceIsRefused() {
        YamlLimitException e = assertThrows(
                YamlLimitException.class, () -> GuardedYaml.load(settings()).loadFromString("a: &a [1, *a]\n"));
        assertEquals(YamlLimitException.Kind.SELF_ALIAS, e.kind());
        assertEquals("anchor 'a' value contains itself", e.problem());
    }

    @Test
    void treeReadersStopAtTheirDepth() {
        String ok = "[".repeat(GuardedYaml.TREE_MAX_DEPTH) + "]".repeat(GuardedYaml.TREE_MAX_DEPTH);
        assertInstanceOf(List.class, GuardedYaml.load(settings()).loadFromString(ok));
        String deep = "a:\n" + "- ".repeat(100_000) + "x\n";
        YamlLimitException e = assertThrows(YamlLimitException.class, () -> GuardedYaml.compose(settings(), deep));
        assertEquals(YamlLimitException.Kind.DEPTH, e.kind());
        assertEquals(2, e.getProblemMark().orElseThrow().getLine() + 1);
    }

    @Test
    void goYamlDepthAsHelmWordsIt() {
        String flow = "a: " + "[".repeat(10_001) + "]".repeat(10_001);
        assertEquals(
                "error converting YAML to JSON: yaml: exceeded max depth of 10000",
                assertThrows(GoYamlException.class, () -> GoYaml.read(flow)).getMessage());
        assertEquals(
                "error converting YAML to JSON: yaml: line 2: exceeded max depth of 10000",
                assertThrows(GoYamlException.class, () -> GoYaml.read("a:\n" + "- ".repeat(10_001) + "x"))
                        .getMessage());
        assertEquals(
                "error unmarshaling JSON: while decoding JSON: invalid character '[' exceeded max depth",
                assertThrows(GoYamlException.class, () -> GoYaml.read("a: " + "[".repeat(10_000) + "]".repeat(10_000)))
                        .getMessage());
        // yaml.v3 (helm-unittest) has no JSON step; the project still stops where go-yaml's scanner would.
        assertEquals(
                "yaml: exceeded max depth of 10000",
                assertThrows(
                                GoYamlException.class,
                                () -> GoYaml.readV3("a: " + "[".repeat(10_001) + "]".repeat(10_001), "t.yaml"))
                        .getMessage());
        Object nested = GoYaml.read("a:\n" + "- ".repeat(9_999) + "x");
        int depth = 0;
        for (Object v = ((Map<?, ?>) nested).get("a"); v instanceof List<?> l; v = l.get(0)) {
            depth++;
        }
        assertEquals(9_999, depth);
    }

    @Test
    void fromJsonStopsAtEncodingJsonsDepth() {
        assertEquals(
                "invalid character '[' exceeded max depth",
                GoJson.fromJson("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                        .get("Error"));
        assertEquals(
                "invalid character '{' exceeded max depth",
                GoJson.fromJsonArray("[".repeat(10_000) + "{}" + "]".repeat(10_000))
                        .get(0));
        assertEquals(
                1,
                GoJson.fromJsonArray("[".repeat(9_999) + "{}" + "]".repeat(9_999))
                        .size());
        assertEquals(
                1,
                GoJson.fromJson("{\"a\":" + "[".repeat(9_999) + "]".repeat(9_999) + "}")
                        .size());
    }

    @Test
    void jacksonReadsWithTheSameLimits() {
        String deep = "[".repeat(GuardedYaml.TREE_MAX_DEPTH + 1) + "]".repeat(GuardedYaml.TREE_MAX_DEPTH + 1);
        assertThrows(
                StreamConstraintsException.class,
                () -> GuardedYaml.jsonMapper().build().readTree(deep));
        String huge = "\"" + "x".repeat(GuardedYaml.MAX_CODE_POINTS + 1) + "\"";
        assertThrows(
                StreamConstraintsException.class,
                () -> GuardedYaml.jsonMapper().build().readTree(huge));
        List<String> ok = new ArrayList<>(List.of("a"));
        assertEquals(ok, GuardedYaml.jsonMapper().build().convertValue(ok, List.class));
        com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                GuardedYaml.yamlFactory().build());
        String deepYaml = "a: " + deep;
        assertThrows(Exception.class, () -> yaml.readTree(deepYaml));
    }
}
