package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesFilesTest {
    private final ValuesFiles files = ValuesFiles.standard();

    @Test
    void readsGoValuesLikeHelm() {
        ValuesDocument doc = files.read("""
                s: text
                num: 10
                f: 1.5
                b: true
                yesval: yes
                nul: ~
                q: "10"
                l: [a, 1]
                m: {k: v}
                hex: 0x10
                """, "v.yaml");
        Map<String, Object> v = doc.values();
        assertEquals("text", v.get("s"));
        assertEquals(10.0, v.get("num"));
        assertEquals(1.5, v.get("f"));
        assertEquals(true, v.get("b"));
        assertEquals(true, v.get("yesval"), "go-yaml v2 reads yes as a boolean");
        assertTrue(v.containsKey("nul"));
        assertEquals("10", v.get("q"));
        assertEquals(List.of("a", 1.0), v.get("l"));
        assertEquals(Map.of("k", "v"), v.get("m"));
        assertEquals(16.0, v.get("hex"));
    }

    @Test
    void emptyFileIsAnEmptyMap() {
        assertTrue(files.read("# nothing\n", "v.yaml").values().isEmpty());
        assertTrue(files.read("", "v.yaml").values().isEmpty());
    }

    @Test
    void onlyTheFirstDocumentCounts() {
        assertEquals(Map.of("a", 1.0), files.read("a: 1\n---\nb: 2\n", "v.yaml").values());
    }

    @Test
    void aBrokenLaterDocumentIsIgnoredAsHelmIgnoresIt() {
        assertEquals(
                Map.of("a", 1.0), files.read("a: 1\n---\n- [bad\n", "v.yaml").values());
    }

    @Test
    void tabIndentationPointsAtTheTab() {
        ValuesFileException e = assertThrows(ValuesFileException.class, () -> files.read("a: x\n\tb: 2\n", "v.yaml"));
        assertEquals(new SourcePosition("v.yaml", 2, 1), e.position().orElseThrow());
        assertTrue(e.getMessage().contains("TAB"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        ValuesFileException e =
                assertThrows(ValuesFileException.class, () -> files.read("a: 1\nb: [1, 2\nc: 3\n", "values-prod.yaml"));
        assertTrue(e.getMessage().startsWith("values-prod.yaml:"), e.getMessage());
        assertTrue(e.position().isPresent());
        assertTrue(e.position().get().line() >= 2, e.getMessage());
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
    }

    @Test
    void badIndentationPointsAtTheLine() {
        ValuesFileException e = assertThrows(
                ValuesFileException.class, () -> files.read("image:\n  repository: r\n tag: x\n", "v.yaml"));
        assertEquals(3, e.position().orElseThrow().line(), e.getMessage());
    }

    @Test
    void topLevelMustBeAMap() {
        ValuesFileException e = assertThrows(ValuesFileException.class, () -> files.read("- a\n- b\n", "v.yaml"));
        assertEquals(
                "v.yaml:1:1: the top level of a values file must be a map of names to values, found a list",
                e.getMessage());
    }

    @Test
    void repeatedKeysLastOneWinsAsInHelm() {
        ValuesDocument doc = files.read("a: 1\nb: 2\na: 3\n", "v.yaml");
        assertEquals(Map.of("a", 3.0, "b", 2.0), doc.values());
        assertEquals(3, doc.positionOf(ValuesPath.of("a")).orElseThrow().line());
    }

    @Test
    void billionLaughsIsStopped() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j > 0 ? ", " : "").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        ValuesFileException e = assertThrows(ValuesFileException.class, () -> files.read(yaml.toString(), "lol.yaml"));
        // go-yaml's alias ratio rule (GuardedYaml) stops it before the expansion count does.
        assertTrue(e.getMessage().contains("limit crossed: document contains excessive aliasing"), e.getMessage());
        assertTrue(e.getMessage().startsWith("lol.yaml:"), e.getMessage());
    }

    @Test
    void aFewAliasesAreFine() {
        ValuesDocument doc = files.read("base: &b {x: 1}\ncopy: *b\nmerged:\n  <<: *b\n  z: 2\n", "v.yaml");
        assertEquals(Map.of("x", 1.0), doc.values().get("copy"));
        assertEquals(Map.of("x", 1.0, "z", 2.0), doc.values().get("merged"));
    }

    @Test
    void yamlOneOneKeysBecomeBooleanNames() {
        // The classic Helm surprise: go-yaml v2 resolves the key y to true, and sigs.k8s.io/yaml names it "true".
        assertEquals(
                Map.of("true", "a", "false", "b", "1", "c"),
                files.read("y: a\nno: b\n1: c\n", "v.yaml").values());
    }

    @Test
    void tooManyAliases() {
        ValuesFiles strict = ValuesFiles.withLimits(new ValuesLimits(10_000, 50, 3, 1000));
        ValuesFileException e =
                assertThrows(ValuesFileException.class, () -> strict.read("a: &a 1\nb: [*a, *a, *a, *a]\n", "v.yaml"));
        assertTrue(e.getMessage().contains("more than 3 aliases"), e.getMessage());
        assertEquals(2, e.position().orElseThrow().line());
    }

    @Test
    void tooDeep() {
        String deep = "a: " + "[".repeat(150) + "]".repeat(150) + "\n";
        ValuesFileException e = assertThrows(ValuesFileException.class, () -> files.read(deep, "deep.yaml"));
        assertTrue(e.getMessage().contains("nested more than 100 levels"), e.getMessage());
    }

    @Test
    void tooLarge() {
        ValuesFiles small = ValuesFiles.withLimits(new ValuesLimits(100, 50, 10, 1000));
        ValuesFileException e =
                assertThrows(ValuesFileException.class, () -> small.read("a: " + "x".repeat(200) + "\n", "big.yaml"));
        assertTrue(e.getMessage().contains("limited to 100"), e.getMessage());
    }

    @Test
    void positionsOfValuesAndKeys() {
        ValuesDocument doc = files.read("a:\n  b:\n    - x\n    - k: v\n", "v.yaml");
        assertEquals(
                new SourcePosition("v.yaml", 3, 7),
                doc.positionOf(ValuesPath.of("a", "b", 0)).orElseThrow());
        assertEquals(
                new SourcePosition("v.yaml", 4, 10),
                doc.positionOf(ValuesPath.of("a", "b", 1, "k")).orElseThrow());
        assertEquals(
                new SourcePosition("v.yaml", 2, 3),
                doc.keyPositionOf(ValuesPath.of("a", "b")).orElseThrow());
    }

    @Test
    void decoderCanBeSwapped() {
        ValuesDocument doc =
                files.withDecoder((text, name) -> Map.of("from", name)).read("a: 1\n", "x.yaml");
        assertEquals(Map.of("from", "x.yaml"), doc.values());
    }

    @Test
    void theLimitsAndSyntaxOfTheWholeFirstDocumentAreSaidBeforeWhatTheComposerRefuses() {
        // The limits are checked on the events as the composer takes them. An undefined alias stops the composer at
        // line 1; a limit or syntax error later in the first document is still the one reported, as when the limits
        // had a pass of their own before composing.
        String undefined = "a: *nowhere\n";
        assertEquals("v.yaml:1:4: YAML syntax error: found undefined alias nowhere ()", message(undefined));
        assertEquals(
                "v.yaml:2:103: limit crossed: values are nested more than 100 levels deep; values files this large or "
                        + "this deeply nested are refused to protect the renderer",
                message(undefined + "b: " + "[".repeat(150) + "]".repeat(150) + "\n"));
        assertEquals(
                "v.yaml:3:2: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence)",
                message(undefined + "b: [1, 2\nc: 3\n"));
        assertEquals(message(undefined), message(undefined + "---\nb: [oops\n"), "a later document is not read");
    }

    private String message(String yaml) {
        return assertThrows(ValuesFileException.class, () -> files.read(yaml, "v.yaml"))
                .getMessage();
    }
}
