package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValuesSchemaTest {
    static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    static ValuesSchema chartSchema() throws IOException {
        return ValuesSchema.parse(
                Files.readString(CHART.resolve("values.schema.json")), "runway-eks/values.schema.json");
    }

    /** Chart defaults under the user's values (a plain deep merge is enough for these tests; the engine coalesces). */
    static Map<String, Object> withDefaults(Map<String, Object> user) {
        Map<String, Object> defaults =
                ValuesFiles.standard().read(CHART.resolve("values.yaml")).values();
        return ValueTrees.mergeMaps(defaults, user);
    }

    @Test
    void everyCiValuesFileOfTheChartConforms() throws IOException {
        ValuesSchema schema = chartSchema();
        try (var files = Files.list(CHART.resolve("ci"))) {
            for (Path file : files.sorted().collect(Collectors.toList())) {
                MergedValues merged =
                        UserValues.builder().valuesFile(file).build().merge();
                assertEquals(
                        List.of(), schema.validate(withDefaults(merged.values()), merged.origins()), file.toString());
            }
        }
    }

    @Test
    void allProblemsTogetherWithPathsExpectationsAndPositions() throws IOException {
        String yaml = """
                serviceId: Payments_Service
                image:
                  tag: "1.0"
                gcpWorkloadIdentity:
                  credentialSource: aws
                replicas: many
                podDisruptionBudget:
                  minAvailable: lots
                labels:
                  team: 7
                imagee: {}
                """;
        MergedValues merged = UserValues.builder()
                .valuesYaml("values-prod.yaml", yaml)
                .set("port=70000")
                .build()
                .merge();
        List<ValuesProblem> problems = chartSchema().validate(withDefaults(merged.values()), merged.origins());
        Map<String, String> byPath = problems.stream()
                .collect(Collectors.toMap(
                        p -> p.path() + " " + p.keyword(), ValuesProblem::message, (a, b) -> a + " | " + b));

        assertEquals(
                "gcpWorkloadIdentity.credentialSource: expected one of \"aws-imds\", \"kubernetes-oidc\", "
                        + "found the string \"aws\" (values-prod.yaml:5:21)",
                byPath.get("gcpWorkloadIdentity.credentialSource enum"));
        assertEquals(
                "serviceId: expected a string matching ^[a-z]([-a-z0-9]*[a-z0-9])?$, found the string "
                        + "\"Payments_Service\" (values-prod.yaml:1:12)",
                byPath.get("serviceId pattern"));
        // The chart's default repository is "", so the schema's minLength and pattern speak, as one problem.
        assertEquals(
                "image.repository: expected at least 1 character and a string matching "
                        + "^[^\\s:@]+(:[0-9]+)?(/[^\\s:@]+)*$, found the string \"\"",
                byPath.get("image.repository minLength+pattern"));
        assertEquals(
                "replicas: expected an integer, found the string \"many\" (values-prod.yaml:6:11)",
                byPath.get("replicas type"));
        assertEquals(
                "podDisruptionBudget.minAvailable: expected an integer, or a string matching ^[0-9]{1,3}%$, "
                        + "found the string \"lots\" (values-prod.yaml:8:17)",
                byPath.get("podDisruptionBudget.minAvailable oneOf"));
        assertEquals(
                "labels.team: expected a string, found the number 7 (values-prod.yaml:10:9)",
                byPath.get("labels.team type"));
        assertTrue(
                byPath.get("imagee additionalProperties").startsWith("imagee: expected one of the keys "),
                byPath.toString());
        assertTrue(
                byPath.get("imagee additionalProperties")
                        .endsWith("(did you mean \"image\"?), found an unknown key "
                                + "\"imagee\" (values-prod.yaml:11:1)"),
                byPath.get("imagee additionalProperties"));
        assertEquals(
                "port: expected a number of at most 65535, found the number 70000 (--set port=70000)",
                byPath.get("port maximum"));
        assertEquals(8, problems.size(), problems.toString());
    }

    @Test
    void propertyNamesAndNotAreExplained() throws IOException {
        Map<String, Object> user = UserValues.builder()
                .valuesYaml(
                        "v.yaml",
                        "serviceId: payments\nimage: {repository: r}\nenv:\n  GOOGLE_APPLICATION_CREDENTIALS: x\n")
                .build()
                .merge()
                .values();
        List<ValuesProblem> problems = chartSchema().validate(withDefaults(user));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(
                ValuesPath.of("env", "GOOGLE_APPLICATION_CREDENTIALS"),
                problems.get(0).path());
        assertEquals("propertyNames", problems.get(0).keyword());
    }

    @Test
    void exceptionListsEveryProblemUnderHelmsHeading() throws IOException {
        ChartSchemas charts = ChartSchemas.of("runway-eks", chartSchema());
        Map<String, Object> values = Map.of("serviceId", "x", "image", Map.of());
        ValuesValidationException e = assertThrows(
                ValuesValidationException.class, () -> ValuesSchema.check(charts, values, ValueOrigins.none()));
        assertEquals("""
                values don't meet the specifications of the schema(s) in the following chart(s):
                runway-eks:
                - serviceId: expected at least 2 characters, found the string "x"
                - image.repository: expected a value (it is required), found nothing""", e.getMessage());
        assertEquals(2, e.problems().size());
    }

    @Test
    void missingRequiredValueIsNamed() throws IOException {
        MergedValues merged = UserValues.builder()
                .valuesYaml("v.yaml", "serviceId: payments\nimage:\n  tag: x\n")
                .build()
                .merge();
        List<ValuesProblem> problems = chartSchema().validate(merged.values(), merged.origins());
        assertEquals(
                List.of("image.repository: expected a value (it is required), found nothing (v.yaml:3:3)"),
                problems.stream().map(ValuesProblem::message).collect(Collectors.toList()));
    }

    @Test
    void subchartSchemasCheckTheirOwnValues() {
        ValuesSchema parent =
                ValuesSchema.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}", "p");
        ValuesSchema sub =
                ValuesSchema.parse("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}", "s");
        ChartSchemas charts = ChartSchemas.of("parent", parent, ChartSchemas.of("sub", sub));
        List<ValuesProblem> problems =
                ValuesSchema.validate(charts, Map.of("a", 1L, "sub", Map.of("n", "x")), ValueOrigins.none());
        assertEquals(
                List.of(
                        "parent a: expected a string, found the number 1",
                        "sub sub.n: expected an integer, found the string \"x\""),
                problems.stream().map(p -> p.chart() + " " + p.message()).collect(Collectors.toList()));
    }

    @Test
    void integralFloatsFromFilesAreIntegers() throws IOException {
        // Every number from a values file is a float64; 3.0 must still satisfy "type": "integer", as in Helm.
        Map<String, Object> user = Map.of("serviceId", "payments", "image", Map.of("repository", "r"), "replicas", 3.0);
        assertEquals(List.of(), chartSchema().validate(withDefaults(user)));
    }

    @Test
    void badSchemaJsonPointsAtTheLine() {
        ValuesFileException e = assertThrows(
                ValuesFileException.class,
                () -> ValuesSchema.parse("{\n  \"type\": \"object\",\n  oops\n}", "values.schema.json"));
        assertEquals(3, e.position().orElseThrow().line(), e.getMessage());
    }

    @Test
    void metaSchemaUrlsReadAsSanthoshReadsThem() {
        Map<String, com.networknt.schema.SpecificationVersion> expected = Map.of(
                "http://json-schema.org/schema#", com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                "https://json-schema.org/schema", com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                "http://json-schema.org/draft-04/schema#", com.networknt.schema.SpecificationVersion.DRAFT_4,
                "https://json-schema.org/draft-06/schema", com.networknt.schema.SpecificationVersion.DRAFT_6,
                "http://json-schema.org/draft-07/schema#", com.networknt.schema.SpecificationVersion.DRAFT_7,
                "https://json-schema.org/draft/2019-09/schema#",
                        com.networknt.schema.SpecificationVersion.DRAFT_2019_09,
                "http://json-schema.org/draft/2020-12/schema", com.networknt.schema.SpecificationVersion.DRAFT_2020_12);
        expected.forEach((url, version) -> assertEquals(
                version,
                ValuesSchema.parse("{\"$schema\": \"" + url + "\", \"type\": \"object\"}", "s.json")
                        .version(),
                url));
        assertEquals(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                ValuesSchema.parse("{\"type\": \"object\"}", "s.json").version());
    }

    @Test
    void anUnknownMetaSchemaIsNotFetched() {
        ValuesFileException e = assertThrows(
                ValuesFileException.class,
                () -> ValuesSchema.parse(
                        "{\"$schema\": \"http://example.invalid/meta\", \"type\": \"object\"}",
                        "c/values.schema.json"));
        assertTrue(
                e.getMessage()
                        .contains("\"http://example.invalid/meta\", a meta-schema the engine does not know and"
                                + " never downloads"),
                e.getMessage());
    }

    @Test
    void aRemoteRefIsNotFetched() {
        ValuesFileException e = assertThrows(
                ValuesFileException.class,
                () -> ValuesSchema.parse(
                        "{\"properties\": {\"a\": {\"$ref\": \"http://example.invalid/x.json\"}}}",
                        "c/values.schema.json"));
        assertTrue(
                e.getMessage()
                        .contains("refers to the remote document http://example.invalid/x.json, which is not"
                                + " fetched"),
                e.getMessage());
    }

    @Test
    void patternsAreGoRegularExpressions() {
        ValuesSchema schema = ValuesSchema.parse("{\"properties\": {\"s\": {\"pattern\": \"^ab$\"}}}", "s.json");
        // Java's $ matches before a final newline; Go's does not.
        assertEquals(1, schema.validate(Map.of("s", "ab\n")).size());
        assertEquals(List.of(), schema.validate(Map.of("s", "ab")));
        ValuesFileException e = assertThrows(
                ValuesFileException.class,
                () -> ValuesSchema.parse("{\"properties\": {\"s\": {\"pattern\": \"(a)\\\\1\"}}}", "s.json"));
        assertTrue(e.getMessage().contains("invalid escape sequence"), e.getMessage());
    }

    @Test
    void helmTextForSeveralChartsFollowsHelmsWalk() {
        ChartSchemas charts = ChartSchemas.of(
                "parent",
                ValuesSchema.parse("{\"properties\": {\"a\": {\"type\": \"string\"}}}", "parent/values.schema.json"),
                ChartSchemas.of("sub", ValuesSchema.parse("{\"required\": [\"n\", \"m\"]}", "sub/values.schema.json")),
                ChartSchemas.of("absent", ValuesSchema.parse("{\"required\": [\"n\"]}", "absent/values.schema.json")),
                ChartSchemas.of("scalar", ValuesSchema.parse("{}", "scalar/values.schema.json")));
        ValuesSchema.Verdict verdict = ValuesSchema.verdict(
                charts, Map.of("a", 1L, "sub", Map.of("x", 1L), "scalar", "text"), ValueOrigins.none());
        assertEquals("""
                parent:
                - at '/a': got number, want string
                sub:
                - at '': missing properties 'n', 'm'
                scalar:
                invalid type for values: expected object (map), got string
                """, verdict.helmListing());
    }

    @Test
    void rememberedPropertyValuesNeverHideAProblem() {
        // A plain root: each property's value is checked (and remembered when it conforms) on its own.
        ValuesSchema schema = ValuesSchema.parse("""
                {"type": "object", "additionalProperties": false, "required": ["id"],
                 "definitions": {"port": {"type": "integer", "maximum": 65535}},
                 "properties": {"id": {"type": "string", "pattern": "^[a-z]+$"},
                                "port": {"$ref": "#/definitions/port"},
                                "tags": {"type": "object", "additionalProperties": {"type": "string"}}}}
                """, "plain.json");
        for (int round = 0; round < 3; round++) {
            assertEquals(List.of(), schema.validate(Map.of("id", "abc", "port", 80L, "tags", Map.of("a", "b"))));
            // the same values remembered as valid, next to one that is not: the problem is still found, in full
            assertFalse(schema.validate(Map.of("id", "abc", "port", 70000L)).isEmpty());
            assertFalse(schema.validate(Map.of("id", "ABC", "port", 80L)).isEmpty());
            assertFalse(schema.validate(Map.of("id", "abc", "tags", Map.of("a", 1L)))
                    .isEmpty());
            assertFalse(schema.validate(Map.of("port", 80L)).isEmpty()); // required id missing
            assertFalse(schema.validate(Map.of("id", "abc", "extra", 1L)).isEmpty()); // closed
        }
        // Not a plain root (allOf): the whole schema decides, as before.
        ValuesSchema combined = ValuesSchema.parse(
                "{\"properties\": {\"a\": {\"type\": \"string\"}}, \"allOf\": [{\"required\": [\"b\"]}]}",
                "combined.json");
        for (int round = 0; round < 2; round++) {
            assertFalse(combined.validate(Map.of("a", "x")).isEmpty());
            assertEquals(List.of(), combined.validate(Map.of("a", "x", "b", 1L)));
        }
    }

    /** n levels of {@code anyOf} whose two branches refer to the level below: 2^n checks of a value that fails. */
    private static String doublingSchema(int levels) {
        StringBuilder defs = new StringBuilder("\"d0\":{\"type\":\"object\"}");
        for (int i = 1; i <= levels; i++) {
            defs.append(",\"d")
                    .append(i)
                    .append("\":{\"anyOf\":[{\"$ref\":\"#/$defs/d")
                    .append(i - 1)
                    .append("\"},{\"$ref\":\"#/$defs/d")
                    .append(i - 1)
                    .append("\"}]}");
        }
        return "{\"$defs\":{" + defs + "},\"$ref\":\"#/$defs/d" + levels + "\"}";
    }

    @Test
    void aSchemaThatChecksOneValueExponentiallyOftenIsRefusedBeforeAnyCheck() {
        // 39 levels never ended (in Helm either). Each level is its anyOf and two $ref objects: 2^(n+2) - 2 schemas
        // for the root value, 1,048,574 for 18 levels.
        ValuesFileException e = assertThrows(
                ValuesFileException.class, () -> ValuesSchema.parse(doublingSchema(39), "c/values.schema.json"));
        assertTrue(e.getMessage().contains("c/values.schema.json"), e.getMessage());
        assertTrue(e.getMessage().contains("more than 1000000 schemas"), e.getMessage());
        assertThrows(ValuesFileException.class, () -> ValuesSchema.parse(doublingSchema(18), "s"));
        // 16 levels are 262,142: still allowed, and checked as before.
        ValuesSchema allowed = ValuesSchema.parse(doublingSchema(16), "s");
        assertEquals(List.of(), allowed.validate(Map.of("a", 1L)));
    }
}
