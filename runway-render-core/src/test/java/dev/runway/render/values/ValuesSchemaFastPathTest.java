package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.runway.render.DistinctValuesSets;
import dev.runway.render.gofmt.GoStrconv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainSchemaCheck} against networknt: wherever the small check answers, networknt gives the same verdict,
 * on runway-eks's schema, every schema of the conformance corpus and schemas written for its edge cases, each with
 * its own values and thousands of random changes to them.
 */
class ValuesSchemaFastPathTest {
    private static final Path CORPUS = Path.of("src/test/resources/conformance");

    /** Strings, numbers and trees that sit on the edges of the keywords the small check knows. */
    private static final List<Object> SAMPLES = List.of(
            "",
            "a",
            "payments",
            "/healthz",
            "${FLUX_VAR}",
            "100m",
            "1Gi",
            "-1.5e3",
            "x\u2028y",
            "😀😀",
            "é",
            "a".repeat(63),
            "a".repeat(64),
            "debug",
            "info",
            "trace",
            "IfNotPresent",
            "GOOGLE_APPLICATION_CREDENTIALS",
            "Bad Name",
            "a.b-c_d",
            0L,
            1L,
            -1L,
            3L,
            65535L,
            65536L,
            Long.MAX_VALUE,
            0.5,
            -0.5,
            1.0e19,
            Double.POSITIVE_INFINITY,
            true,
            false,
            new LinkedHashMap<>(),
            new ArrayList<>(),
            List.of("a", 1L),
            List.of(Map.of("name", "x", "value", "y")),
            Map.of("enabled", true),
            Map.of("name", "x", "key", "k"),
            Map.of("secretKeyRef", Map.of("name", "s", "key", "k")));

    @Test
    void runwayEksSchemaIsCheckedWithoutNetworkntForConformingValues() throws IOException {
        ValuesSchema schema = ValuesSchemaTest.chartSchema();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> values = ValuesSchemaTest.withDefaults(DistinctValuesSets.valuesSet(i, "payments"));
            assertEquals(PlainSchemaCheck.Answer.MEETS, schema.plainAnswer(values), "values set " + i);
            assertEquals(List.of(), schema.validate(values));
        }
        assertFalse(schema.networkntCompiled(), "networknt was compiled though every values set met the schema");
        Map<String, Object> bad = ValuesSchemaTest.withDefaults(Map.of("serviceId", "Bad Name"));
        assertFalse(schema.validate(bad).isEmpty());
        assertTrue(schema.networkntCompiled());
    }

    @Test
    void runwayEksSchemaAgreesWithNetworkntOnRandomValues() throws IOException {
        ValuesSchema schema = ValuesSchemaTest.chartSchema();
        List<Map<String, Object>> bases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bases.add(ValuesSchemaTest.withDefaults(DistinctValuesSets.valuesSet(i, "svc-" + i)));
        }
        int[] answered = agree(schema, bases, 3000, "runway-eks");
        assertTrue(
                answered[0] > 100 && answered[1] > 100, "too few certain answers: " + answered[0] + "/" + answered[1]);
    }

    @Test
    void everyConformanceSchemaAgreesWithNetworknt() throws IOException {
        List<Path> schemas;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            schemas = files.filter(p -> p.getFileName().toString().equals("values.schema.json"))
                    .sorted()
                    .toList();
        }
        assertTrue(schemas.size() > 30, "conformance corpus not found");
        int checked = 0;
        for (Path file : schemas) {
            ValuesSchema schema;
            try {
                schema = ValuesSchema.parse(Files.readString(file), file.toString());
            } catch (ValuesFileException e) {
                continue; // a case about a schema networknt refuses: the small check never takes those (below)
            }
            if (schema.plainAnswer(Map.of()) == null) {
                continue;
            }
            checked++;
            Path valuesFile = file.resolveSibling("values.yaml");
            Map<String, Object> base = Files.exists(valuesFile)
                    ? ValuesFiles.standard().read(valuesFile).values()
                    : new LinkedHashMap<>();
            agree(schema, List.of(base), 400, file.toString());
        }
        assertTrue(checked > 20, "the small check took only " + checked + " conformance schemas");
    }

    @Test
    void edgeCaseSchemasAgreeWithNetworknt() {
        String[] drafts = {
            "http://json-schema.org/draft-06/schema#",
            "http://json-schema.org/draft-07/schema#",
            "https://json-schema.org/draft/2019-09/schema",
            "https://json-schema.org/draft/2020-12/schema"
        };
        List<String> bodies = List.of(
                "\"properties\": {\"a\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 65535}}",
                "\"properties\": {\"a\": {\"type\": \"number\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 3}}",
                "\"properties\": {\"a\": {\"enum\": [\"debug\", \"info\", 3, null, true]}}",
                "\"properties\": {\"a\": {\"const\": \"info\"}, \"b\": {\"const\": null}}",
                "\"properties\": {\"a\": {\"type\": [\"string\", \"null\"], \"minLength\": 2, \"maxLength\": 3}}",
                "\"properties\": {\"a\": {\"pattern\": \"^[a-z]+$\"}, \"b\": {\"pattern\": \"\\\\d\"}}",
                "\"properties\": {\"a\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"number\", \"minimum\": 0},"
                        + " {\"type\": \"integer\"}]}}",
                "\"properties\": {\"a\": {\"anyOf\": [{\"type\": \"string\", \"pattern\": \"^a\"}, {\"type\": \"array\","
                        + " \"items\": {\"type\": \"string\"}, \"minItems\": 1, \"maxItems\": 2}]}}",
                "\"properties\": {\"a\": {\"allOf\": [{\"type\": \"object\"}, {\"required\": [\"name\"]}],"
                        + " \"not\": {\"required\": [\"key\"]}}}",
                "\"properties\": {\"a\": {\"type\": \"object\", \"propertyNames\": {\"pattern\": \"^[a-z]+$\","
                        + " \"maxLength\": 5}, \"additionalProperties\": {\"type\": \"boolean\"}}}",
                "\"properties\": {\"a\": {\"minProperties\": 1, \"maxProperties\": 1, \"additionalProperties\":"
                        + " false, \"properties\": {\"name\": true, \"key\": false}}}",
                "\"additionalProperties\": false, \"required\": [\"a\"], \"properties\": {\"a\": {\"$ref\":"
                        + " \"#/definitions/x\"}, \"b\": {\"$ref\": \"#/$defs/y\", \"description\": \"d\"}},"
                        + " \"definitions\": {\"x\": {\"type\": [\"integer\", \"boolean\"]}}, \"$defs\": {\"y\":"
                        + " {\"items\": {\"$ref\": \"#/$defs/y\"}, \"type\": \"array\"}}}",
                "\"properties\": {\"a\": {\"not\": {\"enum\": [\"GOOGLE_APPLICATION_CREDENTIALS\", 1]}}, \"b\":"
                        + " {\"type\": \"integer\", \"uniqueItems\": false}}",
                "\"properties\": {\"a\": {\"items\": {\"oneOf\": [{\"type\": \"object\", \"required\": [\"name\"]},"
                        + " {\"type\": \"string\", \"minLength\": 1}]}}}",
                // Type lists read as sets of bits: every name, in lists of several, integer with and without number.
                "\"properties\": {\"a\": {\"type\": [\"number\", \"null\", \"boolean\"]}, \"b\": {\"type\":"
                        + " [\"integer\", \"array\", \"object\"]}}",
                "\"properties\": {\"a\": {\"type\": [\"integer\", \"number\", \"string\"]}, \"b\": {\"type\":"
                        + " \"null\"}}");
        int taken = 0;
        for (String draft : drafts) {
            for (String body : bodies) {
                String text = "{\"$schema\": \"" + draft + "\", " + body + "}";
                ValuesSchema schema = ValuesSchema.parse(text, "edge.schema.json");
                if (schema.plainAnswer(Map.of()) == null) {
                    continue;
                }
                taken++;
                List<Map<String, Object>> bases = new ArrayList<>();
                for (Object a : SAMPLES) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("a", a);
                    values.put("b", SAMPLES.get(bases.size() * 7 % SAMPLES.size()));
                    bases.add(values);
                }
                agree(schema, bases, 300, text);
            }
        }
        assertEquals(drafts.length * bodies.size(), taken, "the small check refused an edge-case schema");
    }

    @Test
    void schemasOutsideTheSmallCheckGoToNetworkntAtParse() {
        for (String body : List.of(
                "\"properties\": {\"a\": {\"format\": \"email\"}}",
                "\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\", \"type\": \"string\"}},"
                        + " \"definitions\": {\"x\": true}",
                "\"properties\": {\"a\": {\"$ref\": \"#/definitions/missing\"}}",
                "\"properties\": {\"a\": {\"minimum\": 0.5}}",
                "\"properties\": {\"a\": {\"uniqueItems\": true}}",
                "\"patternProperties\": {\"^a\": {\"type\": \"string\"}}",
                "\"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]}",
                "\"properties\": {\"a\": {\"pattern\": \"(?=a)\"}}",
                "\"properties\": {\"a\": {\"type\": [\"string\", \"string\"]}}",
                "\"properties\": {\"a\": {\"type\": \"text\"}}",
                "\"properties\": {\"a\": {\"type\": []}}",
                "\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\"}}, \"definitions\": {\"x\": {\"$ref\":"
                        + " \"#/definitions/y\"}, \"y\": {\"$ref\": \"#/definitions/x\"}}",
                "\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\"}}, \"definitions\": {\"x\": {\"anyOf\":"
                        + " [{\"type\": \"string\"}, {\"not\": {\"$ref\": \"#/definitions/x\"}}]}}")) {
            String text = "{" + body + "}";
            ValuesSchema schema;
            try {
                schema = ValuesSchema.parse(text, "other.schema.json");
            } catch (ValuesFileException e) {
                continue; // networknt refused it at parse, as before the small check existed
            }
            assertNull(schema.plainAnswer(Map.of()), text);
            assertTrue(schema.networkntCompiled(), text);
        }
        assertNotNull(ValuesSchema.parse("{\"type\": \"object\"}", "s").plainAnswer(Map.of()));
        assertNull(ValuesSchema.parse(
                        "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\"}", "s")
                .plainAnswer(Map.of()));
    }

    /**
     * A pattern Go's regexp refuses ends as before the patterns compiled lazily: the whole schema is networknt's,
     * which refuses it at parse with its words, whether or not a value reaches the pattern.
     */
    @Test
    void invalidGoPatternIsRefusedAtParseWhetherOrNotAValueReachesIt() {
        for (String pattern : List.of("(?=a)", "a{1001}", "[z-a]", "(a", "\\1", "x**", "[[:alpha:]")) {
            String text = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": "
                    + GoStrconv.quote(pattern) + "}, \"b\": {\"type\": \"integer\"}}}";
            assertFalse(PlainSchemaCheck.LazyPattern.certainlyCompiles(pattern), pattern);
            ValuesFileException refused =
                    assertThrows(ValuesFileException.class, () -> ValuesSchema.parse(text, "bad.schema.json"), text);
            assertTrue(refused.getMessage().contains("is not a valid Go regular expression"), refused.getMessage());
        }
    }

    /**
     * A pattern the small check defers is compiled at the first value that reaches it, and one no value reaches is
     * never compiled; a deferred pattern RE2/J refused (which {@code certainlyCompiles} should never let through)
     * would make the answer UNSURE, so networknt, which compiles patterns the same way, reports it.
     */
    @Test
    void deferredPatternsCompileAtFirstUse() throws Exception {
        String text = "{\"properties\": {\"a\": {\"pattern\": \"^[a-z]+$\"}, \"b\": {\"pattern\": \"^[0-9]{2}$\"}}}";
        ValuesSchema schema = ValuesSchema.parse(text, "lazy.schema.json");
        assertEquals(PlainSchemaCheck.Answer.MEETS, schema.plainAnswer(Map.of("a", "abc")));
        assertEquals(PlainSchemaCheck.Answer.FAILS, schema.plainAnswer(Map.of("a", "ABC")));
        assertEquals(PlainSchemaCheck.Answer.FAILS, schema.plainAnswer(Map.of("a", "abc", "b", "123")));
        assertEquals(List.of(), schema.validate(Map.of("a", "abc", "b", "12")));
        assertFalse(schema.networkntCompiled());
        assertEquals(1, schema.validate(Map.of("b", "1")).size());

        PlainSchemaCheck.LazyPattern untouched = PlainSchemaCheck.LazyPattern.of("^x$");
        java.lang.reflect.Field compiled = PlainSchemaCheck.LazyPattern.class.getDeclaredField("compiled");
        compiled.setAccessible(true);
        assertNull(compiled.get(untouched), "compiled before any value reached it");
        assertEquals(PlainSchemaCheck.Answer.MEETS, untouched.find("x"));
        assertNotNull(compiled.get(untouched));
        assertNotNull(compiled.get(PlainSchemaCheck.LazyPattern.of("(?i)x")), "not vouched for, so compiled now");

        // As if certainlyCompiles had let an invalid pattern through: the value gets UNSURE, so networknt decides.
        PlainSchemaCheck.LazyPattern broken = brokenPattern("(?=x)");
        assertEquals(PlainSchemaCheck.Answer.UNSURE, broken.find("x"));
        assertEquals(PlainSchemaCheck.Answer.UNSURE, broken.find("y"));
        assertEquals(PlainSchemaCheck.Answer.UNSURE.not(), PlainSchemaCheck.Answer.UNSURE);
    }

    /**
     * An anyOf that one branch meets evaluates no further branch, and branches whose pattern is compiled go first: as
     * runway-eks's ids with Flux placeholders, the first id compiles its own pattern and the placeholder's, a later id
     * none of its own. The answers stay networknt's.
     */
    @Test
    void anyOfMetByACompiledBranchCompilesNoOtherPattern() {
        String flux = "^\\$\\{[a-z_]+\\}$";
        String text = "{\"definitions\": {\"flux\": {\"type\": \"string\", \"pattern\": " + GoStrconv.quote(flux)
                + "}}, \"properties\": {"
                + "\"a\": {\"anyOf\": [{\"pattern\": \"^[0-9]{12}$\"}, {\"$ref\": \"#/definitions/flux\"}]},"
                + " \"b\": {\"anyOf\": [{\"pattern\": \"^[a-z]{4}$\"}, {\"$ref\": \"#/definitions/flux\"}]},"
                + " \"c\": {\"anyOf\": [{\"pattern\": \"^x\"}, {\"pattern\": \"^y\"}]}}}";
        PlainSchemaCheck check = PlainSchemaCheck.of(dev.runway.render.yaml.GoJson.decodeUseNumber(text), true);
        assertNotNull(check);
        assertEquals(PlainSchemaCheck.Answer.MEETS, check.check(Map.of("a", "${x}")));
        assertEquals(java.util.Set.of("^[0-9]{12}$", flux), check.compiledPatterns());
        assertEquals(PlainSchemaCheck.Answer.MEETS, check.check(Map.of("b", "${y}")));
        assertEquals(java.util.Set.of("^[0-9]{12}$", flux), check.compiledPatterns(), "b's own pattern compiled");
        assertEquals(PlainSchemaCheck.Answer.FAILS, check.check(Map.of("b", "Abcd")));
        assertEquals(PlainSchemaCheck.Answer.MEETS, check.check(Map.of("b", "abcd")));
        // Without a compiled branch, schema order: the first branch met, the second is never compiled.
        assertEquals(PlainSchemaCheck.Answer.MEETS, check.check(Map.of("c", "xyz")));
        assertFalse(check.compiledPatterns().contains("^y"));
        assertEquals(PlainSchemaCheck.Answer.MEETS, check.check(Map.of("c", "yes")));
        assertEquals(PlainSchemaCheck.Answer.FAILS, check.check(Map.of("c", "no")));

        ValuesSchema schema = ValuesSchema.parse(text, "anyof.schema.json");
        List<Map<String, Object>> bases = new ArrayList<>();
        for (String value : List.of("${x}", "123456789012", "abcd", "xyz", "yes", "no", "Abcd")) {
            bases.add(Map.of("a", value, "b", value, "c", value));
        }
        agree(schema, bases, 300, text);
    }

    /**
     * Number bounds compare exactly (as BigDecimal would) without BigDecimal: longs and doubles next to integral
     * bounds up to 2^53, negative zero, and numbers far past the bounds.
     */
    @Test
    void numberBoundsCompareExactly() {
        long big = 1L << 53;
        String text = "{\"properties\": {\"a\": {\"minimum\": -1, \"maximum\": " + big + "},"
                + " \"b\": {\"exclusiveMinimum\": 0, \"exclusiveMaximum\": 3},"
                + " \"c\": {\"minimum\": -" + big + ", \"exclusiveMaximum\": -" + (big - 1) + "}}}";
        PlainSchemaCheck check = PlainSchemaCheck.of(dev.runway.render.yaml.GoJson.decodeUseNumber(text), true);
        assertNotNull(check);
        long[][] bounds = { // minimum, maximum, exclusive (1) or not (0)
            {-1, big, 0}, {0, 3, 1}, {-big, -(big - 1), 2}
        };
        List<Object> numbers = List.of(
                -1L,
                0L,
                1L,
                3L,
                2L,
                big,
                big + 1,
                big - 1,
                -big,
                -big - 1,
                -(big - 1),
                -(big - 2),
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                -0.0,
                0.0,
                0.5,
                -0.5,
                2.9999999999999996,
                3.0000000000000004,
                -1.0000000000000002,
                -0.9999999999999999,
                4.9E-324,
                -4.9E-324,
                1.0e19,
                -1.0e19,
                1.7976931348623157E308,
                -1.7976931348623157E308,
                9.007199254740991E15,
                4.5035996273704955E15);
        String[] keys = {"a", "b", "c"};
        int meets = 0;
        for (int k = 0; k < keys.length; k++) {
            for (Object n : numbers) {
                java.math.BigDecimal exact =
                        n instanceof Double d ? new java.math.BigDecimal(d) : java.math.BigDecimal.valueOf((Long) n);
                int low = exact.compareTo(java.math.BigDecimal.valueOf(bounds[k][0]));
                int high = exact.compareTo(java.math.BigDecimal.valueOf(bounds[k][1]));
                boolean expected = bounds[k][2] == 0
                        ? low >= 0 && high <= 0
                        : bounds[k][2] == 1 ? low > 0 && high < 0 : low >= 0 && high < 0;
                meets += expected ? 1 : 0;
                assertEquals(
                        PlainSchemaCheck.Answer.of(expected), check.check(Map.of(keys[k], n)), keys[k] + " = " + n);
            }
        }
        assertTrue(meets > 10 && meets < numbers.size() * keys.length - 10, "too one-sided: " + meets);
    }

    private static void collectPatterns(Object schema, List<String> patterns) {
        if (schema instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey().equals("pattern") && entry.getValue() instanceof String text) {
                    patterns.add(text);
                } else {
                    collectPatterns(entry.getValue(), patterns);
                }
            }
        } else if (schema instanceof List<?> list) {
            for (Object item : list) {
                collectPatterns(item, patterns);
            }
        }
    }

    /** A deferred pattern of {@code text}, as though {@code certainlyCompiles} had vouched for it. */
    private static PlainSchemaCheck.LazyPattern brokenPattern(String text) throws Exception {
        java.lang.reflect.Constructor<PlainSchemaCheck.LazyPattern> make =
                PlainSchemaCheck.LazyPattern.class.getDeclaredConstructor(String.class);
        make.setAccessible(true);
        return make.newInstance(text);
    }

    /**
     * {@code certainlyCompiles} vouches only for patterns GoRegexp compiles (else a schema networknt refuses at parse
     * would be taken), and for every pattern of runway-eks's schema (else its first render compiles them up front).
     */
    @Test
    void deferredPatternsAreOnlyThoseGoCompiles() throws IOException {
        Object schema = dev.runway.render.yaml.GoJson.decodeUseNumber(
                Files.readString(ValuesSchemaTest.CHART.resolve("values.schema.json")));
        List<String> patterns = new ArrayList<>();
        collectPatterns(schema, patterns);
        assertEquals(27, patterns.size()); // 22 texts
        for (String pattern : patterns) {
            assertTrue(PlainSchemaCheck.LazyPattern.certainlyCompiles(pattern), pattern);
        }
        String alphabet = "()[]{}|^$.*+?\\-,:=!<09aAzdsSwWpQ\u00e9\ud83d";
        Random random = new Random(25);
        int vouched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder pattern = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                pattern.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                pattern.insert(
                        random.nextInt(pattern.length() + 1),
                        "{" + random.nextInt(1200) + ","
                                + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(1200))) + "}");
            }
            String text = pattern.toString();
            if (PlainSchemaCheck.LazyPattern.certainlyCompiles(text)) {
                vouched++;
                try {
                    dev.runway.render.regexp.GoRegexp.compile(text);
                } catch (RuntimeException e) {
                    fail("vouched for " + GoStrconv.quote(text) + ", which Go's regexp refuses: " + e.getMessage());
                }
            }
        }
        assertTrue(vouched > 5_000, "vouched for only " + vouched);
    }

    /**
     * Checks that the small check and networknt agree on each base and on {@code changes} random changes of the
     * bases; returns how many certain MEETS and FAILS answers there were.
     */
    private static int[] agree(ValuesSchema schema, List<Map<String, Object>> bases, int changes, String name) {
        // networknt compiles every schema the small check takes (so deferring it hides no parse error).
        schema.meetsByNetworknt(Map.of());
        Random random = new Random(name.hashCode());
        int[] answered = new int[2];
        for (int i = 0; i < bases.size() + changes; i++) {
            Map<String, Object> values = i < bases.size()
                    ? bases.get(i)
                    : change(bases.get(random.nextInt(bases.size())), random, 1 + random.nextInt(3));
            PlainSchemaCheck.Answer answer = schema.plainAnswer(values);
            if (answer == PlainSchemaCheck.Answer.UNSURE) {
                continue;
            }
            boolean networknt;
            try {
                networknt = schema.meetsByNetworknt(values);
            } catch (RuntimeException e) {
                networknt = false; // an error either way: ValuesSchema reports networknt's, the small check is unsure
            }
            if (networknt != (answer == PlainSchemaCheck.Answer.MEETS)) {
                fail(name + ": the small check says " + answer + ", networknt " + (networknt ? "meets" : "fails")
                        + " on " + values);
            }
            answered[answer == PlainSchemaCheck.Answer.MEETS ? 0 : 1]++;
        }
        return answered;
    }

    /** A deep copy of {@code values} with {@code n} random replacements, additions or removals. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> values, Random random, int n) {
        Map<String, Object> copy = (Map<String, Object>) copy(values);
        for (int k = 0; k < n; k++) {
            Object container = copy;
            // walk down a few random steps, then change something there
            for (int depth = random.nextInt(5); depth > 0; depth--) {
                Object next = null;
                if (container instanceof Map<?, ?> map && !map.isEmpty()) {
                    next = new ArrayList<>(map.values()).get(random.nextInt(map.size()));
                } else if (container instanceof List<?> list && !list.isEmpty()) {
                    next = list.get(random.nextInt(list.size()));
                }
                if (!(next instanceof Map<?, ?>) && !(next instanceof List<?>)) {
                    break;
                }
                container = next;
            }
            Object sample = copy(SAMPLES.get(random.nextInt(SAMPLES.size())));
            if (container instanceof Map<?, ?> map) {
                Map<String, Object> m = (Map<String, Object>) map;
                List<String> keys = new ArrayList<>(m.keySet());
                int what = random.nextInt(10);
                if (what < 6 && !keys.isEmpty()) {
                    m.put(keys.get(random.nextInt(keys.size())), sample);
                } else if (what < 8 && !keys.isEmpty()) {
                    m.remove(keys.get(random.nextInt(keys.size())));
                } else {
                    m.put(random.nextBoolean() ? "extra" : "name", sample);
                }
            } else if (container instanceof List<?> list) {
                List<Object> l = (List<Object>) list;
                if (!l.isEmpty() && random.nextBoolean()) {
                    l.set(random.nextInt(l.size()), sample);
                } else {
                    l.add(sample);
                }
            }
        }
        return copy;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
