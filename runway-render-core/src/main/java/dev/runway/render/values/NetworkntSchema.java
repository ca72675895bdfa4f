package dev.runway.render.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.resource.InputStreamSource;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.memo.BoundedMemo;
import dev.runway.render.regexp.GoRegexp;
import dev.runway.render.regexp.RememberedFind;
import dev.runway.render.text.ClosestName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of {@link ValuesSchema} that runs networknt json-schema-validator over Jackson's tree: reading the schema
 * with Jackson (at parse when the small check cannot take the schema, else at the first values it does not confirm),
 * compiling it, validating, and putting networknt's errors in the project's words. It is a class of its own so that a render whose values the small check confirms
 * ({@link PlainSchemaCheck}) loads neither networknt nor Jackson's tree model, not even for verifying
 * {@link ValuesSchema}'s code.
 */
final class NetworkntSchema {
    private static final Pattern COMBINATOR = Pattern.compile("/(oneOf|anyOf)/\\d+(/|$)");

    private final String sourceName;
    private final JsonNode schemaJson;
    private final ValuesSchema.Draft draft;
    private final SpecificationVersion version;
    private final Schema schema;
    /** The root's shape when it allows checking property by property, else null. */
    private final PlainRoot plainRoot;

    private NetworkntSchema(String sourceName, JsonNode schemaJson, ValuesSchema.Draft draft) {
        this.sourceName = sourceName;
        this.schemaJson = schemaJson;
        this.draft = draft;
        this.version = version(draft);
        this.schema = compile(schemaJson, version, sourceName);
        this.plainRoot = PlainRoot.of(schemaJson, schema);
    }

    /**
     * Reads and compiles a schema with Jackson and networknt, with every error {@link ValuesSchema#parse} reports.
     *
     * @throws ValuesFileException when the schema is not valid JSON (with line and column) or not a schema
     */
    static NetworkntSchema parse(String schemaText, String sourceName) {
        JsonNode node;
        try {
            node = SchemaJson.read(schemaText);
        } catch (JsonProcessingException e) {
            SourcePosition at = e.getLocation() == null
                    ? null
                    : new SourcePosition(
                            sourceName,
                            e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr());
            throw new ValuesFileException(sourceName, at, "the schema is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a String source has no other I/O to fail
        }
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new ValuesFileException(sourceName, null, "the schema must be a JSON object");
        }
        JsonNode declared = node.path("$schema");
        ValuesSchema.Draft draft = ValuesSchema.dialect(declared.isTextual() ? declared.asText() : null, sourceName);
        if (node.isObject() && node.has("$schema")) {
            // networknt would look the dialect up (and maybe fetch it) by this URL; the draft is already chosen.
            node = node.deepCopy();
            ((ObjectNode) node).remove("$schema");
        }
        settleNestedDialects(node, sourceName);
        SchemaExpansion.check(SchemaExpansion.JACKSON, node, sourceName);
        return new NetworkntSchema(sourceName, node, draft);
    }

    /** Keywords whose value is one sub-schema (or, for items, an array of them): any draft's (draft.go subschemas). */
    private static final Set<String> SCHEMA_KEYWORDS = Set.of(
            "not",
            "additionalProperties",
            "items",
            "additionalItems",
            "propertyNames",
            "contains",
            "if",
            "then",
            "else",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contentSchema");
    /** Keywords whose value is an array of sub-schemas. */
    private static final Set<String> SCHEMA_ARRAY_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value maps names to sub-schemas (dependencies' string arrays are no schemas). */
    private static final Set<String> SCHEMA_MAP_KEYWORDS =
            Set.of("properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies");

    /**
     * A sub-schema's own {@code $schema}, as santhosh-tekuri/jsonschema v6 reads it (roots.go _collectResources): the
     * draft is looked up (a URL it does not know would be downloaded, refused here as at the root), then ignored
     * unless the sub-schema has an id in that draft's keyword ({@code id} for draft-04, else {@code $id}, fragment
     * dropped, none beside a {@code $ref} before 2019-09: draft.go getID). networknt would load every such URL as a
     * dialect, and knows each draft by one URL only: an ignored one is removed, a kept one written as networknt's.
     * Walks the sub-schemas once, without recursion; the tree is this parse's own.
     */
    private static void settleNestedDialects(JsonNode root, String sourceName) {
        ArrayDeque<JsonNode> pending = new ArrayDeque<>();
        pushSubschemas(root, pending);
        while (!pending.isEmpty()) {
            JsonNode next = pending.pop();
            if (!(next instanceof ObjectNode schema)) {
                continue;
            }
            JsonNode declared = schema.get("$schema");
            if (declared != null && declared.isTextual()) {
                ValuesSchema.Draft nested = ValuesSchema.dialect(declared.asText(), sourceName);
                JsonNode id = schema.get(nested == ValuesSchema.Draft.DRAFT_4 ? "id" : "$id");
                boolean refHidesId = nested.compareTo(ValuesSchema.Draft.DRAFT_2019_09) < 0 && schema.has("$ref");
                boolean hasId = id != null
                        && id.isTextual()
                        && !refHidesId
                        && !withoutFragment(id.asText()).isEmpty();
                if (hasId) {
                    schema.put("$schema", version(nested).getDialectId());
                } else {
                    schema.remove("$schema");
                }
            }
            pushSubschemas(schema, pending);
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static void pushSubschemas(JsonNode schema, ArrayDeque<JsonNode> pending) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (SCHEMA_KEYWORDS.contains(keyword) || SCHEMA_ARRAY_KEYWORDS.contains(keyword)) {
                if (value.isArray()) {
                    value.forEach(pending::push);
                } else {
                    pending.push(value);
                }
            } else if (SCHEMA_MAP_KEYWORDS.contains(keyword) && value.isObject()) {
                value.forEach(pending::push);
            }
        }
    }

    /** The draft the schema is read as. */
    ValuesSchema.Draft draft() {
        return draft;
    }

    /** networknt's version of a draft. */
    static SpecificationVersion version(ValuesSchema.Draft draft) {
        return switch (draft) {
            case DRAFT_4 -> SpecificationVersion.DRAFT_4;
            case DRAFT_6 -> SpecificationVersion.DRAFT_6;
            case DRAFT_7 -> SpecificationVersion.DRAFT_7;
            case DRAFT_2019_09 -> SpecificationVersion.DRAFT_2019_09;
            case DRAFT_2020_12 -> SpecificationVersion.DRAFT_2020_12;
        };
    }

    /** Initialised at networknt's first use in this JVM: SLF4J is quieted before networknt first logs. */
    private static final class FirstUse {
        static {
            Slf4jQuiet.beforeFirstUse();
        }

        private FirstUse() {}

        static void ensure() {
            // the static initialiser is the point
        }
    }

    /**
     * A root schema that is a plain object schema: besides annotations only {@code type: object},
     * {@code properties}, {@code required}, a boolean {@code additionalProperties} and definitions. Values (always
     * a JSON object) meet it exactly when the required keys are there, no key is extra when additional properties
     * are closed, and each property's value meets its sub-schema. Each property's value that met its sub-schema is
     * remembered: distinct values sets mostly differ in a few keys, and the chart's defaults under the other keys
     * need not be checked again on every render. Only a clean verdict is taken from here; any problem sends the
     * values through the whole schema for the exact errors.
     */
    private record PlainRoot(
            Map<String, Schema> properties,
            List<String> required,
            boolean closed,
            BoundedMemo<PropertyValue, Boolean> knownValid) {
        /** Root keywords that do not make a value's validity depend on more than its own property. */
        private static final Set<String> PLAIN_KEYWORDS = Set.of(
                "$schema",
                "title",
                "description",
                "$comment",
                "type",
                "additionalProperties",
                "required",
                "definitions",
                "$defs",
                "properties",
                "examples",
                "default");
        /** Remembered property values, at most: distinct values stop being remembered rather than growing it. */
        private static final int MAX_REMEMBERED = 1024;
        /** Larger values are checked every time rather than kept alive by the table. */
        private static final int MAX_REMEMBERED_NODES = 4096;

        static PlainRoot of(JsonNode root, Schema schema) {
            if (!root.isObject()) {
                return null;
            }
            Iterator<String> names = root.fieldNames();
            while (names.hasNext()) {
                if (!PLAIN_KEYWORDS.contains(names.next())) {
                    return null;
                }
            }
            JsonNode type = root.get("type");
            JsonNode additional = root.get("additionalProperties");
            JsonNode required = root.get("required");
            JsonNode properties = root.get("properties");
            if ((type != null && !(type.isTextual() && type.asText().equals("object")))
                    || (additional != null && !additional.isBoolean())
                    || (required != null && !required.isArray())
                    || (properties != null && !properties.isObject())) {
                return null;
            }
            List<String> requiredNames = new ArrayList<>();
            if (required != null) {
                for (JsonNode name : required) {
                    if (!name.isTextual()) {
                        return null;
                    }
                    requiredNames.add(name.asText());
                }
            }
            Map<String, Schema> subSchemas = new HashMap<>();
            if (properties != null) {
                Iterator<String> keys = properties.fieldNames();
                while (keys.hasNext()) {
                    String key = keys.next();
                    if (!key.matches("[A-Za-z0-9_-]+")) {
                        return null; // a JSON pointer would need escapes: keep it simple
                    }
                    try {
                        subSchemas.put(
                                key,
                                schema.getSubSchema(SchemaLocation.of(ROOT_LOCATION + "#/properties/" + key)
                                        .getFragment()));
                    } catch (RuntimeException | StackOverflowError e) {
                        return null;
                    }
                }
            }
            return new PlainRoot(
                    Map.copyOf(subSchemas),
                    List.copyOf(requiredNames),
                    additional != null && !additional.booleanValue(),
                    new BoundedMemo<>(MAX_REMEMBERED));
        }

        /** True when the instance certainly meets the root schema; false when unsure or it does not. */
        boolean certainlyValid(ObjectNode instance) {
            for (String name : required) {
                if (!instance.has(name)) {
                    return false;
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = instance.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Schema sub = properties.get(field.getKey());
                if (sub == null) {
                    if (closed) {
                        return false;
                    }
                    continue;
                }
                PropertyValue key = new PropertyValue(field.getKey(), field.getValue());
                if (knownValid.get(key) != null) {
                    continue;
                }
                List<Error> errors;
                try {
                    errors = sub.validate(field.getValue());
                } catch (RuntimeException | StackOverflowError e) {
                    return false; // the whole schema's check reports it
                }
                if (!errors.isEmpty()) {
                    return false;
                }
                if (!knownValid.full() && nodes(field.getValue(), MAX_REMEMBERED_NODES) >= 0) {
                    knownValid.keep(key, Boolean.TRUE);
                }
            }
            return true;
        }

        /** How many nodes {@code node} has, or -1 when more than {@code budget}. */
        private static int nodes(JsonNode node, int budget) {
            int count = 1;
            for (JsonNode child : node) {
                int n = nodes(child, budget - count);
                if (n < 0) {
                    return -1;
                }
                count += n;
                if (count > budget) {
                    return -1;
                }
            }
            return count;
        }
    }

    /** A root property's value (JSON trees compare by content); the name tells sub-schemas apart. */
    private record PropertyValue(String name, JsonNode value) {}

    /** networknt's schema for a schema document; its errors as {@link ValuesFileException}s. */
    private static Schema compile(JsonNode node, SpecificationVersion version, String sourceName) {
        FirstUse.ensure();
        AtomicReference<String> remote = new AtomicReference<>();
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    version,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                                    .resourceLoaders(loaders -> loaders.values(list -> {
                                        list.clear();
                                        list.add(iri -> notFetched(iri, remote));
                                    })))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    // santhosh-tekuri/jsonschema v6 asserts format up to draft-07 only (compiler.go).
                                    .formatAssertionsEnabled(
                                            version.getOrder() <= SpecificationVersion.DRAFT_7.getOrder())
                                    .regularExpressionFactory(GO_REGEXP)
                                    .build()));
            Schema schema = registry.getSchema(SchemaLocation.of(ROOT_LOCATION), node);
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException | StackOverflowError e) {
            if (remote.get() != null) {
                throw new ValuesFileException(
                        sourceName,
                        null,
                        "the schema refers to the remote document "
                                + remote.get()
                                + ", which is not fetched: the engine never downloads schemas at render time"
                                + " (Helm would try to); copy what it needs into values.schema.json under \"$defs\"");
            }
            if (e instanceof StackOverflowError) {
                throw new ValuesFileException(sourceName, null, "the schema cannot be used: it nests too deeply");
            }
            throw new ValuesFileException(sourceName, null, "the schema cannot be used: " + e.getMessage());
        }
    }

    /** Where the schema lives for its own references, as Helm adds it (AddResource("file:///values.schema.json")). */
    private static final String ROOT_LOCATION = "file:///values.schema.json";

    /** Patterns compile and match as Go's regexp does (santhosh-tekuri/jsonschema uses regexp.MustCompile). */
    private static final RegularExpressionFactory GO_REGEXP = expr -> {
        com.google.re2j.Pattern pattern;
        try {
            pattern = GoRegexp.compile(expr);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "the pattern " + GoStrconv.quote(expr) + " is not a valid Go regular expression: " + e.getMessage(),
                    e);
        }
        return new RememberedFind(pattern)::find;
    };

    /**
     * Helm's only loaders are file, http(s) and urn; an unresolved {@code urn:} becomes the schema {@code true}
     * (its urnLoader). Anything else would be a download or a file outside the chart: refused, and remembered for
     * the error message.
     */
    private static InputStreamSource notFetched(AbsoluteIri iri, AtomicReference<String> remote) {
        String text = iri.toString();
        if (text.startsWith("urn:")) {
            return () -> new java.io.ByteArrayInputStream("true".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        remote.compareAndSet(null, text);
        return null;
    }

    /**
     * One schema's verdict on {@code values}, after the small check (if any) did not confirm them.
     *
     * @return Helm's text for the schema (empty when met) and the problems
     */
    ValuesSchema.Outcome evaluate(String chart, Map<String, Object> values, ValuesPath at, ValueOrigins origins) {
        // Helm validates JSON; null values become {} (ValidateAgainstSingleSchema).
        JsonNode instance = values == null ? JsonNodeFactory.instance.objectNode() : toJson(values);
        if (plainRoot != null && instance instanceof ObjectNode object && plainRoot.certainlyValid(object)) {
            return new ValuesSchema.Outcome("", List.of());
        }
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (StackOverflowError e) {
            // networknt has no cycle check; santhosh-tekuri/jsonschema reports "both <a> and <b> resolve to <url>
            // causing reference cycle" when a schema is entered again for the same value (validator.go checkCycle).
            throw new ValuesFileException(
                    sourceName,
                    null,
                    "the schema cannot be used: a \"$ref\" leads back to a"
                            + " schema that is already checking the same value, causing reference cycle; make the \"$ref\""
                            + " chain end, or descend into a property or item before it repeats");
        } catch (RuntimeException e) {
            // networknt compiles some keywords lazily (a pattern first met under a property, for one).
            throw new ValuesFileException(sourceName, null, "the schema cannot be used: " + e.getMessage());
        }
        String helmText = HelmSchemaText.of(
                errors, version.getOrder() <= SpecificationVersion.DRAFT_7.getOrder(), this::subSchemaErrors);
        return new ValuesSchema.Outcome(helmText, problems(chart, errors, values, at, origins));
    }

    /** Whether networknt alone finds no error in {@code values} (for tests). */
    boolean meets(Map<String, Object> values) {
        return schema.validate(toJson(values)).isEmpty();
    }

    /**
     * networknt's errors for one value against the sub-schema a failed {@code contains} or {@code propertyNames}
     * holds, for santhosh's causes under it; none when the sub-schema lives in another document or cannot be used.
     */
    private List<Error> subSchemaErrors(Error keyword, JsonNode value) {
        SchemaLocation location = keyword.getSchemaLocation();
        if (location == null
                || location.getAbsoluteIri() == null
                || !ROOT_LOCATION.equals(location.getAbsoluteIri().toString())) {
            return List.of();
        }
        try {
            return schema.getSubSchema(location.getFragment()).validate(value);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private List<ValuesProblem> problems(
            String chart, List<Error> errors, Map<String, Object> values, ValuesPath at, ValueOrigins origins) {
        List<ValuesProblem> problems = new ArrayList<>();
        Map<String, List<Error>> alternatives = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Error error : errors) {
            String evaluation = error.getEvaluationPath().toString();
            Matcher combinator = COMBINATOR.matcher(evaluation);
            String group = null;
            if (combinator.find()) {
                group = error.getInstanceLocation() + " "
                        + evaluation.substring(
                                0, combinator.start() + 1 + combinator.group(1).length());
            } else if ("oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword())) {
                group = error.getInstanceLocation() + " " + evaluation;
            }
            if (group != null) {
                if (!alternatives.containsKey(group)) {
                    alternatives.put(group, new ArrayList<>());
                    order.add(group);
                }
                alternatives.get(group).add(error);
            } else {
                order.add(error);
            }
        }
        // Several failed keywords on one value read best as one problem: "at least 1 character and a string matching
        // ...".
        Map<ValuesPath, ValuesProblem> byPath = new LinkedHashMap<>();
        for (Object item : order) {
            ValuesProblem problem = item instanceof String group
                    ? alternativesProblem(chart, alternatives.get(group), values, at, origins)
                    : problem(chart, (Error) item, values, at, origins);
            ValuesProblem earlier = byPath.get(problem.path());
            if (earlier == null) {
                byPath.put(problem.path(), problem);
            } else if (!earlier.expected().contains(problem.expected())) {
                byPath.put(
                        problem.path(),
                        new ValuesProblem(
                                chart,
                                problem.path(),
                                earlier.expected() + " and " + problem.expected(),
                                earlier.found(),
                                earlier.origin(),
                                earlier.keyword() + "+" + problem.keyword()));
            }
        }
        problems.addAll(byPath.values());
        return problems;
    }

    private ValuesProblem problem(
            String chart, Error error, Map<String, Object> values, ValuesPath at, ValueOrigins origins) {
        ValuesPath instancePath = path(error.getInstanceLocation());
        String keyword = Objects.requireNonNullElse(error.getKeyword(), "");
        switch (keyword) {
            case "required" -> {
                ValuesPath missing = instancePath.child(error.getProperty());
                return new ValuesProblem(
                        chart,
                        missing.under(at),
                        "a value (it is required)",
                        "nothing",
                        origins.originOf(instancePath.under(at)),
                        keyword);
            }
            case "additionalProperties", "unevaluatedProperties" -> {
                ValuesPath extra = instancePath.child(error.getProperty());
                return new ValuesProblem(
                        chart,
                        extra.under(at),
                        knownProperties(error, error.getProperty()),
                        "an unknown key " + GoStrconv.quote(error.getProperty()),
                        origins.keyOriginOf(extra.under(at)),
                        keyword);
            }
            case "propertyNames" -> {
                ValuesPath named = instancePath.child(error.getProperty());
                String why = error.getArguments() != null && error.getArguments().length > 1
                        ? String.valueOf(error.getArguments()[1])
                        : error.getMessage();
                return new ValuesProblem(
                        chart,
                        named.under(at),
                        "a different key name (" + why + ")",
                        "the key " + GoStrconv.quote(error.getProperty()),
                        origins.keyOriginOf(named.under(at)),
                        keyword);
            }
            default -> {
                String found = ValueTrees.at(values, instancePath)
                        .map(ValueTrees::describe)
                        .orElse("nothing");
                return new ValuesProblem(
                        chart,
                        instancePath.under(at),
                        expected(keyword, error.getSchemaNode(), error),
                        found,
                        origins.originOf(instancePath.under(at)),
                        keyword);
            }
        }
    }

    /** One problem for a failed oneOf/anyOf: what each alternative would have accepted. */
    private ValuesProblem alternativesProblem(
            String chart, List<Error> group, Map<String, Object> values, ValuesPath at, ValueOrigins origins) {
        Error head = group.get(0);
        ValuesPath instancePath = path(head.getInstanceLocation());
        Map<String, List<String>> byBranch = new LinkedHashMap<>();
        String keyword = "anyOf";
        for (Error error : group) {
            if ("oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword())) {
                keyword = error.getKeyword();
                continue;
            }
            String evaluation = error.getEvaluationPath().toString();
            Matcher m = COMBINATOR.matcher(evaluation);
            if (m.find()) {
                keyword = m.group(1);
                String branch = evaluation.substring(0, m.end());
                byBranch.computeIfAbsent(branch, b -> new ArrayList<>())
                        .add(expected(error.getKeyword(), error.getSchemaNode(), error));
            }
        }
        String expected;
        if (byBranch.isEmpty()) {
            expected = "exactly one of the alternatives the schema allows (it matches more than one)";
        } else {
            List<String> branches = new ArrayList<>();
            byBranch.values().forEach(parts -> branches.add(String.join(" and ", parts)));
            expected = String.join(", or ", branches);
        }
        String found =
                ValueTrees.at(values, instancePath).map(ValueTrees::describe).orElse("nothing");
        return new ValuesProblem(
                chart, instancePath.under(at), expected, found, origins.originOf(instancePath.under(at)), keyword);
    }

    private String knownProperties(Error error, String unknown) {
        Set<String> known = new TreeSet<>();
        JsonNode parent = parentSchema(error);
        if (parent != null && parent.path("properties").isObject()) {
            parent.path("properties").fieldNames().forEachRemaining(known::add);
        }
        if (known.isEmpty()) {
            return "no other keys here";
        }
        String suggestion = ClosestName.of(unknown, known);
        return "one of the keys " + String.join(", ", known)
                + (suggestion == null ? "" : " (did you mean " + GoStrconv.quote(suggestion) + "?)");
    }

    /** The schema object that holds the failed keyword, found through the error's schema location. */
    private JsonNode parentSchema(Error error) {
        if (error.getSchemaLocation() == null) {
            return null;
        }
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        String pointer = hash >= 0 ? location.substring(hash + 1) : "";
        int slash = pointer.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        JsonNode parent = schemaJson.at(pointer.substring(0, slash));
        return parent.isMissingNode() ? null : parent;
    }

    /** What a keyword wants, in words. */
    private static String expected(String keyword, JsonNode value, Error error) {
        switch (keyword) {
            case "type" -> {
                if (value != null && value.isArray()) {
                    List<String> kinds = new ArrayList<>();
                    value.forEach(v -> kinds.add(typeWords(v.asText())));
                    return String.join(" or ", kinds);
                }
                return typeWords(value == null ? "?" : value.asText());
            }
            case "enum" -> {
                return "one of " + list(value);
            }
            case "const" -> {
                return "exactly " + value;
            }
            case "pattern" -> {
                return "a string matching " + (value == null ? "the pattern" : value.asText());
            }
            case "minLength" -> {
                return "at least " + value + " character" + (value != null && value.asInt() == 1 ? "" : "s");
            }
            case "maxLength" -> {
                return "at most " + value + " characters";
            }
            case "minimum" -> {
                return "a number of at least " + value;
            }
            case "maximum" -> {
                return "a number of at most " + value;
            }
            case "exclusiveMinimum" -> {
                return "a number above " + value;
            }
            case "exclusiveMaximum" -> {
                return "a number below " + value;
            }
            case "multipleOf" -> {
                return "a multiple of " + value;
            }
            case "minItems" -> {
                return "at least " + value + " items";
            }
            case "maxItems" -> {
                return "at most " + value + " items";
            }
            case "uniqueItems" -> {
                return "items that are all different";
            }
            case "minProperties" -> {
                return "at least " + value + " keys";
            }
            case "maxProperties" -> {
                return "at most " + value + " keys";
            }
            case "not" -> {
                return "anything but " + value;
            }
            case "format" -> {
                return "a valid " + (value == null ? "value" : value.asText());
            }
            case "false" -> {
                return "no value here";
            }
            default -> {
                return error.getMessage();
            }
        }
    }

    private static String typeWords(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "a boolean (true or false)";
            case "object" -> "a map";
            case "array" -> "a list";
            case "null" -> "null";
            default -> type;
        };
    }

    private static String list(JsonNode array) {
        if (array == null || !array.isArray()) {
            return String.valueOf(array);
        }
        List<String> items = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            items.add(it.next().toString());
        }
        return String.join(", ", items);
    }

    private static ValuesPath path(NodePath location) {
        List<Object> segments = new ArrayList<>();
        if (location != null) {
            for (int i = 0; i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                segments.add(element instanceof Number n ? (Object) n.intValue() : String.valueOf(element));
            }
        }
        return new ValuesPath(segments);
    }

    /** Go values as JSON, the way Helm hands them to its validator (integral floats are plain integers in JSON). */
    static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = f.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = f.arrayNode();
            list.forEach(v -> node.add(toJson(v)));
            return node;
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i.longValue());
        }
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                return f.numberNode(d.longValue());
            }
            return f.numberNode(d);
        }
        if (value instanceof byte[] bytes) {
            return f.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        return f.textNode(String.valueOf(value));
    }
}
