package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.verify.YNode.ScalarType;
import dev.runway.render.verify.YNode.YMap;
import dev.runway.render.verify.YNode.YScalar;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scalars get the types go-yaml v2 (through sigs.k8s.io/yaml) gives them, which is what the API server sees. */
class YamlReaderTest {

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
                "1_000|INT|1000",
                "-12|INT|-12",
                "+7|INT|7",
                "1.5|FLOAT|1.5",
                "1e3|FLOAT|1E+3",
                ".5|FLOAT|0.5",
                "1.10|FLOAT|1.10",
                ".inf|FLOAT|.inf",
                "yes|BOOL|true",
                "On|BOOL|true",
                "off|BOOL|false",
                "y|BOOL|true",
                "TRUE|BOOL|true",
                "~|NULL|null",
                "null|NULL|null",
                "!!str 12|STRING|12",
                "!!int '12'|INT|12",
                "100m|STRING|100m",
                "1.2.3|STRING|1.2.3",
                "0x|STRING|0x",
                "Yes please|STRING|Yes please",
                "08|FLOAT|8",
                "0778|FLOAT|778",
            })
    void plainScalarsResolveLikeGoYamlV2(String yaml, ScalarType type, String value) {
        YMap root = (YMap) YamlReader.read("v: " + yaml + "\n", "t.yaml").get(0).root();
        YScalar scalar = (YScalar) root.get("v");
        assertEquals(type, scalar.type(), yaml);
        assertEquals(value, scalar.value(), yaml);
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
        List<YamlReader.Document> docs = YamlReader.read(text, "f.yaml");
        assertEquals(2, docs.size());
        assertEquals(2, ((YMap) docs.get(0).root()).lineOf("apiVersion"));
        YMap second = (YMap) docs.get(1).root();
        assertEquals(6, second.lineOf("apiVersion"));
        assertEquals(9, second.map("data").orElseThrow().get("x").line());
    }

    @Test
    void duplicateKeysAndMergeKeys() {
        YMap root = (YMap) YamlReader.read("a: 1\na: 2\nbase: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\non: 4\n", "t")
                .get(0)
                .root();
        assertEquals(List.of("a"), root.duplicateKeys(), root.toString());
        YMap m = root.map("m").orElseThrow();
        assertEquals("1", m.text("x").orElseThrow());
        assertEquals("3", m.text("z").orElseThrow());
        // go-yaml v2 reads the key on as a boolean; sigs.k8s.io/yaml then writes it as "true".
        assertEquals("4", root.text("true").orElseThrow());
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        YamlReader.YamlSyntaxException e = assertThrows(
                YamlReader.YamlSyntaxException.class, () -> YamlReader.read("a: 1\nb:\n  c: 1\n   d: 2\n", "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void quantitiesParseLikeApimachinery() {
        assertEquals(0, Quantities.parse("100m").orElseThrow().compareTo(new java.math.BigDecimal("0.1")));
        assertEquals(0, Quantities.parse("0.25").orElseThrow().compareTo(new java.math.BigDecimal("0.25")));
        assertEquals(0, Quantities.parse("1Gi").orElseThrow().compareTo(new java.math.BigDecimal("1073741824")));
        assertEquals(0, Quantities.parse("1e3").orElseThrow().compareTo(new java.math.BigDecimal("1000")));
        assertEquals(0, Quantities.parse("-1k").orElseThrow().compareTo(new java.math.BigDecimal("-1000")));
        for (String bad : List.of("100mm", "128MB", "1.2.3", "Gi", "", "1 Gi", "1ki", "e3")) {
            assertTrue(Quantities.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void namesFollowApimachinery() {
        assertTrue(Names.portName("http").isEmpty());
        assertTrue(Names.portName("grpc-web").isEmpty());
        assertTrue(Names.portName("a--b").isPresent());
        assertTrue(Names.portName("123").isPresent());
        assertTrue(Names.portName("-http").isPresent());
        assertTrue(Names.qualifiedName("app.kubernetes.io/name").isEmpty());
        assertTrue(Names.qualifiedName("/name").isPresent());
        assertTrue(Names.qualifiedName("a".repeat(64)).isPresent());
        assertTrue(Names.labelValue("").isEmpty());
        assertTrue(Names.labelValue("v1.2_3-x").isEmpty());
        assertTrue(Names.labelValue("-x").isPresent());
        assertTrue(Names.dns1123Subdomain("a.b-c").isEmpty());
        assertTrue(Names.dns1035Label("a1").isEmpty());
        assertTrue(Names.dns1035Label("1a").isPresent());
        assertTrue(Names.envVarNameRejected("MY.VAR-1").isEmpty());
        assertTrue(Names.envVarNameRejected("A=B").isPresent());
    }
}
