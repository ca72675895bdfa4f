package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading YAML as Helm does; the texts of Go errors were checked against helm-java where noted. */
class GoYamlReadTest {

    @Test
    void numbersAreFloat64AndYaml11BoolsResolve() {
        Map<?, ?> m = (Map<?, ?>) GoYaml.read("a: 1\nb: yes\nc: 0x1F\nd: '1'\ne: ~\nf: 1.5\ng: on\n", "v.yaml");
        assertEquals(1.0, m.get("a"));
        assertEquals(true, m.get("b"));
        assertEquals(31.0, m.get("c"));
        assertEquals("1", m.get("d"));
        assertNull(m.get("e"));
        assertEquals(1.5, m.get("f"));
        assertEquals(true, m.get("g"));
    }

    @Test
    void keysBecomeStringsAndDuplicatesKeepTheLast() {
        Map<?, ?> m = (Map<?, ?>) GoYaml.read("1: a\ntrue: b\n1.5: c\nk: 1\nk: 2\n", "v.yaml");
        assertEquals("a", m.get("1"));
        assertEquals("b", m.get("true"));
        assertEquals("c", m.get("1.5"));
        assertEquals(2.0, m.get("k"));
    }

    @Test
    void mergeKeysAndAliases() {
        Map<?, ?> m = (Map<?, ?>) GoYaml.read("""
                base: &b {x: 1, z: 1}
                d:
                  <<: *b
                  z: 2
                l: &l [1]
                m: *l
                yKey: {y: 1}
                """, "v.yaml");
        assertEquals(Map.of("x", 1.0, "z", 2.0), m.get("d"));
        // YAML 1.1: the key y is the boolean true, so Helm sees "true".
        assertEquals(Map.of("true", 1.0), m.get("yKey"));
        assertEquals(List.of(1.0), m.get("m"));
    }

    @Test
    void onlyTheFirstDocumentCountsAndEmptyIsNull() {
        assertEquals(Map.of("a", 1.0), GoYaml.read("a: 1\n---\nb: 2\n", "v.yaml"));
        assertNull(GoYaml.read("", "v.yaml"));
        assertNull(GoYaml.read("# only a comment\n", "v.yaml"));
    }

    @Test
    void syntaxErrorsCarryGoTextLineAndColumn() {
        GoYamlException e = assertThrows(GoYamlException.class, () -> GoYaml.read("a: b: c\n", "v.yaml"));
        // Helm (go-yaml v2 names no line for a problem on the first line of a scanner error):
        assertEquals(
                "error converting YAML to JSON: yaml: mapping values are not allowed in this context", e.getMessage());
        assertEquals(1, e.line());
        assertTrue(e.column() > 0);
        GoYamlException second = assertThrows(GoYamlException.class, () -> GoYaml.read("x: 1\na: b: c\n", "v.yaml"));
        assertEquals(
                "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
                second.getMessage());
        assertEquals(2, second.line());
        GoYamlException unclosed = assertThrows(GoYamlException.class, () -> GoYaml.read("a: [1", "v.yaml"));
        assertEquals(
                "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'", unclosed.getMessage());
    }

    @Test
    void valuesJsonCannotHoldAreErrors() {
        GoYamlException inf = assertThrows(GoYamlException.class, () -> GoYaml.read("a: .inf\n", "v.yaml"));
        // Helm: "error converting YAML to JSON: json: unsupported value: +Inf"
        assertEquals("error converting YAML to JSON: json: unsupported value: +Inf", inf.getMessage());
        GoYamlException anchor = assertThrows(GoYamlException.class, () -> GoYaml.read("a: *nope\n", "v.yaml"));
        assertEquals("error converting YAML to JSON: yaml: unknown anchor 'nope' referenced", anchor.getMessage());
    }

    @Test
    void fromYamlPutsErrorsInTheMap() {
        assertEquals(
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type"
                        + " map[string]interface {}",
                GoYaml.fromYaml("- a\n").get("Error"));
        assertEquals(
                List.of("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value"
                        + " of type []interface {}"),
                GoYaml.fromYamlArray("a: 1\n"));
    }

    @Test
    void jsonReadErrorsUseEncodingJsonWords() {
        assertEquals(
                "invalid character 'b' looking for beginning of object key string",
                GoJson.fromJson("{bad}").get("Error"));
        assertEquals("unexpected end of JSON input", GoJson.fromJson("").get("Error"));
        assertEquals(Map.of("a", 1.0), GoJson.read("{\"a\": 1}"));
    }

    @Test
    void arbitraryInputFailsOnlyWithGoYamlException() {
        Random random = new Random(7);
        String alphabet = "ab:- \n\t[]{},&*!|>'\"#%@`?~01.<\\";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(30);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            try {
                Object v = GoYaml.read(text, "fuzz.yaml");
                // Whatever reads must also write without throwing.
                GoYaml.toYaml(v);
                GoJson.toJson(v);
            } catch (GoYamlException expected) {
                assertTrue(expected.getMessage().startsWith("error converting YAML to JSON: "), expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("input " + dev.runway.render.gofmt.GoStrconv.quote(text) + " threw", e);
            }
        }
    }

    @Test
    void kyamlReadingFollowsGoYamlV3ThenEncodingJson() {
        // kustomize kyaml/yaml/rnode.go MarshalJSON: go-yaml v3 into map[string]interface{}, then json.Marshal.
        Object v = GoYaml.readKyaml("on: yes\nn: 0x10\nf: 1.0\nd: 2024-1-5\nq: \"0755\"\nnested:\n  \"k\": v\n");
        assertEquals(
                java.util.Map.of(
                        "on",
                        "yes",
                        "n",
                        16L,
                        "f",
                        1.0,
                        "d",
                        "2024-01-05T00:00:00Z",
                        "q",
                        "0755",
                        "nested",
                        java.util.Map.of("k", "v")),
                v);
        // A nested map with a non-string key is map[interface{}]interface{} in v3: encoding/json cannot write it.
        GoYamlException key = assertThrows(GoYamlException.class, () -> GoYaml.readKyaml("data:\n  1: a\n"));
        assertEquals("json: unsupported type: map[interface {}]interface {}", key.getMessage());
        // YAMLToJSON keeps integers (sigs.k8s.io/yaml yamlToJSONTarget: go-yaml v2 int, then json.Marshal).
        assertEquals(java.util.Map.of("a", 1L, "b", true, "c", 1.5), GoYaml.yamlToJson("a: 1\nb: on\nc: 1.5\n"));
    }

    @Test
    void escapesLibyamlDoesNotKnowAreRefused() {
        GoYamlException e = assertThrows(GoYamlException.class, () -> GoYaml.read("a: \"x\\/y\"\n", "v.yaml"));
        assertEquals("error converting YAML to JSON: yaml: line 1: found unknown escape character", e.getMessage());
        assertEquals(java.util.Map.of("a", "x\ty\u0085"), GoYaml.read("a: \"x\\ty\\N\"\n"));
    }

    @Test
    void escapesAreFoundAfterCharactersOutsideTheBasicPlane() {
        // Marks count code points, the text is UTF-16: each emoji is two chars, so a quoted scalar after them starts
        // further into the text than its mark's index says.
        String emoji = "\uD83D\uDE00";
        String fine = "a: \"" + emoji + emoji + "\"\nb: \"" + emoji + "\\t\"\nc: \"\\\\\"\n";
        assertEquals(java.util.Map.of("a", emoji + emoji, "b", emoji + "\t", "c", "\\"), GoYaml.read(fine, "v.yaml"));
        GoYamlException e =
                assertThrows(GoYamlException.class, () -> GoYaml.read(fine + "d: \"" + emoji + "\\/\"\n", "v.yaml"));
        assertEquals("error converting YAML to JSON: yaml: line 4: found unknown escape character", e.getMessage());
        // Text beyond Latin-1 without surrogate pairs: one char per code point still.
        GoYamlException bmp =
                assertThrows(GoYamlException.class, () -> GoYaml.read("a: \"\u0416\"\nb: \"\u0416\\/\"\n", "v.yaml"));
        assertEquals("error converting YAML to JSON: yaml: line 2: found unknown escape character", bmp.getMessage());
    }

    @Test
    void aBillionLaughsEndsInGoYamlsAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        for (java.util.function.Supplier<Object> read : java.util.List.<java.util.function.Supplier<Object>>of(
                () -> GoYaml.read(yaml.toString()),
                () -> GoYaml.readKyaml(yaml.toString()),
                () -> GoYaml.yamlToJson(yaml.toString()))) {
            GoYamlException e = assertThrows(GoYamlException.class, read::get);
            assertTrue(e.getMessage().endsWith("yaml: document contains excessive aliasing"), e.getMessage());
        }
    }
}
