package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;

class YamlTreeTest {

    private static final LoadSettings SETTINGS =
            GuardedYaml.settings("t.yaml").setUseMarks(true).build();

    /** Path to "line:column" of every value (keys apart), as the values reader takes them. */
    private static Map<String, String> positions(String text, YamlTree.View view, boolean keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlTree.Entry e : YamlTree.compose(SETTINGS, text, view).entries()) {
            if (e.key() == keys) {
                out.put(YamlTree.formatPath(e.segments()), e.line() + ":" + e.column());
            }
        }
        return out;
    }

    @Test
    void deepDocumentsKeepOnePathSegmentPerNode() {
        // 100,000 items under 990 maps: a copy of the path per node and a formatted path per scalar took 34 s and
        // gigabytes (a million items ran out of a 2 GB heap); the paths now share their parents'.
        int depth = 990;
        int items = 100_000;
        String text = "{a: ".repeat(depth) + "[" + "1,".repeat(items) + "2]" + "}".repeat(depth) + "\n";
        List<YamlTree.Scalar> scalars = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> YamlTree.parse(text).scalars());
        YamlTree.Scalar last = scalars.get(scalars.size() - 1);
        assertEquals("2", last.value());
        List<Object> expected = new ArrayList<>(Collections.nCopies(depth, "a"));
        expected.add(items);
        assertEquals(expected, last.segments());
        assertEquals(last.segments(), expected);
        assertEquals(expected.hashCode(), last.segments().hashCode());
        assertEquals("a.".repeat(depth - 1) + "a[" + items + "]", last.path());
    }

    @Test
    void writtenViewGivesEveryScalarItsPathAndSpan() {
        String text = "kind: ConfigMap\ndata:\n  a.json: '{\"x\": 1}'\nlist:\n- one # a comment\n";
        YamlTree tree = YamlTree.parse(text);
        assertEquals("ConfigMap", tree.string("kind").orElseThrow());
        YamlTree.Scalar json = tree.scalarAtPath(List.of("data", "a.json")).orElseThrow();
        assertEquals("data[a.json]", json.path());
        assertEquals("'{\"x\": 1}'", text.substring(json.start(), json.end()));
        assertFalse(json.plain());
        assertEquals(
                "list[0]", tree.scalarAt(text.indexOf("one") + 1).orElseThrow().path());
        assertTrue(tree.inComment(text.indexOf("comment")));
        assertFalse(tree.inComment(text.indexOf("one")));
    }

    @Test
    void writtenViewWalksAnAliasedNodeOnceAndKeepsMergeKeys() {
        YamlTree tree = YamlTree.parse("a: &x {k: v}\nb: *x\nc:\n  <<: *x\n");
        List<String> paths = tree.scalars().stream().map(YamlTree.Scalar::path).toList();
        assertEquals(List.of("a", "a.k", "a.k", "b", "c", "c[<<]"), paths);
    }

    @Test
    void decodedViewExpandsAliasesDropsMergeKeysAndNamesKeysAsGo() {
        String text = "a: &x {k: v}\nb: *x\nc:\n  <<: *x\n  own: 1\ny: yes\n0x10: hex\n1.0: f\n\"<<\": quoted\n";
        Map<String, String> values = positions(text, YamlTree.View.DECODED, false);
        assertEquals(values.get("a"), values.get("b"), "an alias's value sits where its anchor is");
        assertEquals(values.get("a.k"), values.get("b.k"));
        assertFalse(values.containsKey("c[<<]"));
        assertEquals("5:8", values.get("c.own"));
        Map<String, String> keys = positions(text, YamlTree.View.DECODED, true);
        assertEquals("6:1", keys.get("true"));
        assertEquals("7:1", keys.get("[16]"));
        assertEquals("8:1", keys.get("[1]"));
        assertEquals("9:1", keys.get("[<<]"), "a quoted << is an ordinary key");
    }

    @Test
    void badYamlAndLimitsCarryTheirLine() {
        GoYamlException bad = assertThrows(GoYamlException.class, () -> YamlTree.parse("a: 1\nb: [\n"));
        assertTrue(bad.line() > 0, bad.getMessage());
        String deep = "a: " + "[".repeat(GuardedYaml.TREE_MAX_DEPTH + 1) + "]".repeat(GuardedYaml.TREE_MAX_DEPTH + 1);
        GoYamlException tooDeep = assertThrows(GoYamlException.class, () -> YamlTree.parse(deep));
        assertTrue(tooDeep.getMessage().contains("nest more than"), tooDeep.getMessage());
    }

    @Test
    void emptyTextHasNoRootAndNoEntries() {
        YamlTree tree = YamlTree.parse("");
        assertEquals(null, tree.root());
        assertTrue(tree.entries().isEmpty());
        assertEquals("(document)", YamlTree.formatPath(List.of()));
    }
}
