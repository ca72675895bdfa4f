package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.yaml.YNode.ScalarType;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import dev.runway.render.yaml.YNode.YSeq;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The typed view of {@link YamlTree}: scalars get the types go-yaml v2 (through sigs.k8s.io/yaml) gives them, which
 * is what the API server sees, and every node keeps its file line.
 */
class YamlTreeTypedTest {

    private static YScalar value(String yaml) {
        YMap root = (YMap) ManifestStreamParser.typedDocuments("v: " + yaml + "\n", "t.yaml")
                .get(0)
                .root();
        return (YScalar) root.get("v");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "8080|INT|8080",
                "'8080'|STRING|8080",
                "\"8080\"|STRING|8080",
                "0x1F|INT|31",
                "0o17|INT|15",
                "017|INT|15",
                "0b101|INT|5",
                "-0b101|INT|-5",
                "1_000|INT|1000",
                "-12|INT|-12",
                "+7|INT|7",
                "1.5|FLOAT|1.5",
                "1e3|FLOAT|1E+3",
                ".5|FLOAT|0.5",
                "-.5|FLOAT|-0.5",
                "1.10|FLOAT|1.10",
                ".inf|FLOAT|.inf",
                "-.Inf|FLOAT|-.Inf",
                ".nan|FLOAT|.nan",
                "yes|BOOL|true",
                "On|BOOL|true",
                "off|BOOL|false",
                "y|BOOL|true",
                "TRUE|BOOL|true",
                "~|NULL|null",
                "null|NULL|null",
                "!!str 12|STRING|12",
                "!!int '12'|INT|12",
                "!!float 1|FLOAT|1",
                "!custom 12|STRING|12",
                "100m|STRING|100m",
                "1.2.3|STRING|1.2.3",
                "0x|STRING|0x",
                "Yes please|STRING|Yes please",
                "08|FLOAT|8",
                "0778|FLOAT|778",
                "18446744073709551615|INT|18446744073709551615",
                "2024-01-02|TIMESTAMP|2024-01-02",
                "2024-01-02T03:04:05Z|TIMESTAMP|2024-01-02T03:04:05Z",
                "'2024-01-02'|STRING|2024-01-02",
                "2024-13-02|STRING|2024-13-02",
                "<<|STRING|<<",
            })
    void scalarsResolveLikeGoYamlV2(String yaml, ScalarType type, String text) {
        YScalar scalar = value(yaml);
        assertEquals(type, scalar.type(), yaml);
        assertEquals(text, scalar.value(), yaml);
    }

    /**
     * Where verify's own reader (before the typed view) strayed from go-yaml v2 and the one resolver now follows it:
     * go-yaml gives an underscore no resolution hint, so {@code _1} is a string, not the integer 1; a hexadecimal
     * integer beyond uint64 is a big integer in sigs.k8s.io's fork, not a string; a timestamp is a string to JSON;
     * {@code !!binary} is decoded; a tag that does not fit its value is an error, as go-yaml reports it.
     */
    @Test
    void typingFollowsGoYamlV2WhereVerifyOnceDiffered() {
        assertEquals(new YScalar(ScalarType.STRING, "_1", 1), value("_1"));
        assertEquals(ScalarType.INT, value("0x10000000000000000").type());
        assertEquals("18446744073709551616", value("0x10000000000000000").value());
        YScalar date = value("2024-01-02");
        assertEquals("string", date.typeName());
        assertTrue(date.isString());
        assertEquals("hi", value("!!binary aGk=").value());
        GoYamlException e = assertThrows(GoYamlException.class, () -> value("!!int abc"));
        assertTrue(e.getMessage().startsWith("t.yaml:1: "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot decode !!str `abc` as a !!int"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void numbersReadExactly() {
        assertEquals(new BigDecimal("31"), value("0x1F").number());
        assertEquals(new BigDecimal("0.1"), value("0.1").number());
        assertEquals(null, value(".inf").number());
        assertEquals(null, value("'12'").number());
    }

    @Test
    void documentsKeepFileLineNumbers() {
        String text = """
                # Source: a.yaml
                apiVersion: v1
                kind: A
                ---
                # comment
                apiVersion: v1
                kind: B
                data:
                  x: 1
                ---
                """;
        List<YamlTree.TypedDocument> docs = ManifestStreamParser.typedDocuments(text, "f.yaml");
        assertEquals(2, docs.size());
        assertEquals(2, ((YMap) docs.get(0).root()).lineOf("apiVersion"));
        // The stream parser drops the "# Source:" line and the separator: each text starts at its first other line.
        assertEquals(2, docs.get(0).firstLine());
        YMap second = (YMap) docs.get(1).root();
        assertEquals(5, docs.get(1).firstLine());
        assertEquals(6, second.lineOf("apiVersion"));
        assertEquals(9, second.map("data").orElseThrow().get("x").line());
        assertEquals(
                12,
                ((YMap) ManifestStreamParser.typedDocuments("a: 1\n", "g.yaml", 12)
                                .get(0)
                                .root())
                        .lineOf("a"));
    }

    @Test
    void duplicateKeysMergeKeysAndKeyNames() {
        YMap root = (YMap) ManifestStreamParser.typedDocuments(
                        "a: 1\na: 2\nbase: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\non: 4\n0x10: hex\n1.0: f\n", "t")
                .get(0)
                .root();
        assertEquals(List.of("a"), root.duplicateKeys(), root.toString());
        assertEquals("2", root.text("a").orElseThrow());
        YMap m = root.map("m").orElseThrow();
        assertEquals("1", m.text("x").orElseThrow());
        assertEquals("3", m.text("z").orElseThrow());
        assertEquals(3, m.lineOf("x"), "a merged key keeps the line where its anchor wrote it");
        // go-yaml v2 reads these keys as a boolean, an int and a float; sigs.k8s.io/yaml writes them as JSON keys.
        assertEquals("4", root.text("true").orElseThrow());
        assertEquals("hex", root.string("16").orElseThrow());
        assertEquals("f", root.string("1").orElseThrow());
    }

    @Test
    void aliasesShareTheirAnchorsNodeAndEmptyDocumentsAreLeftOut() {
        List<YamlTree.TypedDocument> docs =
                ManifestStreamParser.typedDocuments("---\n~\n---\nl: &l [1, 2]\nk: *l\n---\n", "t.yaml");
        assertEquals(1, docs.size());
        YMap root = (YMap) docs.get(0).root();
        assertEquals(2, ((YSeq) root.get("k")).items().size());
        assertEquals(root.get("l"), root.get("k"));
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        GoYamlException e = assertThrows(
                GoYamlException.class,
                () -> ManifestStreamParser.typedDocuments("x: 1\n---\na: 1\nb:\n  c: 1\n   d: 2\n", "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml:6: "), e.getMessage());
        assertEquals(6, e.line());
    }

    @Test
    void limitsHoldInTheTypedView() {
        String deep = "a: ".repeat(1) + "[".repeat(GuardedYaml.TREE_MAX_DEPTH + 1);
        GoYamlException e =
                assertThrows(GoYamlException.class, () -> ManifestStreamParser.typedDocuments(deep, "deep.yaml"));
        assertTrue(e.getMessage().startsWith("deep.yaml:1: "), e.getMessage());
    }
}
