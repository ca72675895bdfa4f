package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot text must read back to exactly what was written, or every later check would fail. */
class SnapshotYamlTest {

    private static final List<String> TRICKY = List.of(
            "",
            " ",
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "n",
            "true",
            "null",
            "Null",
            "~",
            "0x10",
            "0o17",
            "017",
            "1e3",
            "1_000",
            ".5",
            "-.inf",
            ".NaN",
            "1.0",
            "+1",
            "12:30",
            "2026-11-22",
            "2026-11-22T10:00:00Z",
            "${gcp_project_id}",
            "${x:=y}",
            " leading",
            "trailing ",
            "multi\nline",
            "multi\nline\n",
            "trailing newlines\n\n",
            "\ttab",
            "# not a comment",
            "a # b",
            "key: value",
            "- item",
            "[a]",
            "{a: b}",
            "*alias",
            "&anchor",
            "!tag",
            "%directive",
            "@at",
            "`tick",
            "'single'",
            "\"double\"",
            "<masked>",
            "ıİ ünïcödé ✓",
            "emoji \uD83D\uDE80",
            "back\\slash",
            "---",
            "...",
            "=",
            "<<",
            "a\u0085b",
            "bell\u0007");

    @Test
    void trickyStringsSurviveAWriteAndARead() {
        Map<String, Object> document = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        int i = 0;
        for (String s : TRICKY) {
            document.put("k" + i++, s);
            list.add(s);
        }
        document.put("list", list);
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String s : TRICKY) {
            keys.put(s, 1);
        }
        document.put("keys", keys);

        String text = SnapshotYaml.dump(document);
        List<Object> read = SnapshotYaml.loadAll(text, "round trip");

        assertEquals(1, read.size());
        assertEquals(document, read.get(0), text);
        assertFalse(text.contains("\r"));
        assertFalse(text.contains("&") && text.contains("*id"), "no anchors");
    }

    @Test
    void numbersBooleansAndNullsKeepTheirTypes() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("int", 3);
        document.put("long", 10_000_000_000L);
        document.put("double", 0.5);
        document.put("wholeDouble", 1000000.0);
        document.put("bool", true);
        document.put("nothing", null);
        document.put("emptyMap", new LinkedHashMap<>());
        document.put("emptyList", new ArrayList<>());

        String text = SnapshotYaml.dump(document);

        assertEquals(document, SnapshotYaml.loadAll(text, "types").get(0), text);
        assertTrue(text.contains("wholeDouble: 1000000.0\n"), text);
    }

    @Test
    void sharedObjectsAreWrittenOutInsteadOfAsAliases() {
        Map<String, Object> shared = new LinkedHashMap<>(Map.of("a", "b"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("one", shared);
        document.put("two", shared);

        String text = SnapshotYaml.dump(document);

        assertFalse(text.contains("&") || text.contains("*"), text);
        assertEquals(document, SnapshotYaml.loadAll(text, "aliases").get(0));
    }

    @Test
    void yaml11BooleansReadAsKubernetesReadsThem() {
        Map<?, ?> read = (Map<?, ?>) SnapshotYaml.loadAll("a: yes\nb: off\nc: \"yes\"\nd: Y\ne: nope\n", "t")
                .get(0);

        assertEquals(true, read.get("a"));
        assertEquals(false, read.get("b"));
        assertEquals("yes", read.get("c"));
        assertEquals(true, read.get("d"));
        assertEquals("nope", read.get("e"));
    }

    @Test
    void duplicateKeysAreAnErrorWithTheLine() {
        SnapshotYaml.YamlSyntaxException error = assertThrows(
                SnapshotYaml.YamlSyntaxException.class,
                () -> SnapshotYaml.loadAll("spec:\n  replicas: 1\n  replicas: 2\n", "templates/x.yaml"));

        assertEquals(3, error.line());
        assertTrue(error.getMessage().startsWith("templates/x.yaml: line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("duplicate key"), error.getMessage());
    }
}
