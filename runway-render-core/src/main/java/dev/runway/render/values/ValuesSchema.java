package dev.runway.render.values;

import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYamlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's {@code values.schema.json}, checked with networknt json-schema-validator the way Helm checks it after
 * coalescing ({@code chartutil.ValidateAgainstSchema}). Unlike Helm's one-line-per-error dump, every problem
 * comes back as a {@link ValuesProblem}: the values path, what was expected, what was found and where the
 * user gave it. Alternatives ({@code oneOf}/{@code anyOf}) are reported once, listing what each would accept.
 *
 * <p>This class touches neither Jackson nor networknt: values a schema's small check ({@link PlainSchemaCheck})
 * confirms are checked without loading either; everything else goes to {@link NetworkntSchema}.
 */
public final class ValuesSchema {
    private final String sourceName;
    private final String schemaText;
    private final Draft draft;

    /**
     * The small exact check of a schema that uses only common keywords ({@link PlainSchemaCheck#of}), else null.
     * With it, networknt is compiled only when some values do not certainly meet the schema: a first render then
     * does without networknt's classes, most of a fresh JVM's schema cost.
     */
    private final PlainSchemaCheck plainCheck;

    /** networknt's schema, compiled in {@link #parse} or, when {@link #plainCheck} is set, at its first use. */
    private volatile NetworkntSchema networknt;

    private final Object compileLock = new Object();

    /** The JSON Schema drafts a schema may declare with {@code $schema}, oldest first. */
    enum Draft {
        DRAFT_4,
        DRAFT_6,
        DRAFT_7,
        DRAFT_2019_09,
        DRAFT_2020_12
    }

    private ValuesSchema(
            String sourceName, String schemaText, Draft draft, PlainSchemaCheck plainCheck, NetworkntSchema networknt) {
        this.sourceName = sourceName;
        this.schemaText = schemaText;
        this.draft = draft;
        this.plainCheck = plainCheck;
        this.networknt = networknt;
    }

    /** networknt's schema, read and compiled now if {@link #parse} deferred it. */
    private NetworkntSchema networknt() {
        NetworkntSchema compiled = networknt;
        if (compiled == null) {
            synchronized (compileLock) {
                compiled = networknt;
                if (compiled == null) {
                    compiled = NetworkntSchema.parse(schemaText, sourceName);
                    networknt = compiled;
                }
            }
        }
        return compiled;
    }

    /**
     * Reads a schema. Without {@code $schema}, the latest draft (2020-12) applies, as in the validator Helm 3.18+
     * uses (santhosh-tekuri/jsonschema v6).
     *
     * @throws ValuesFileException when the schema is not valid JSON (with line and column) or not a schema
     */
    public static ValuesSchema parse(String schemaText, String sourceName) {
        if (plainTree(schemaText) instanceof Map<?, ?> document) {
            Object declared = document.get("$schema");
            Draft draft = dialect(declared instanceof String url ? url : null, sourceName);
            Map<?, ?> schema = document;
            if (document.containsKey("$schema")) {
                // networknt would look the dialect up (and maybe fetch it) by this URL; the draft is already chosen.
                Map<Object, Object> copy = new LinkedHashMap<>(document);
                copy.remove("$schema");
                schema = copy;
            }
            SchemaExpansion.check(SchemaExpansion.PLAIN, schema, sourceName);
            PlainSchemaCheck plainCheck = PlainSchemaCheck.of(schema, draft.compareTo(Draft.DRAFT_6) >= 0);
            if (plainCheck != null) {
                return new ValuesSchema(sourceName, schemaText, draft, plainCheck, null);
            }
        }
        NetworkntSchema networknt = NetworkntSchema.parse(schemaText, sourceName);
        return new ValuesSchema(sourceName, schemaText, networknt.draft(), null, networknt);
    }

    /** Nesting past this, or a number literal or key longer than {@link #MAX_PLAIN_TOKEN}, is left to Jackson. */
    private static final int MAX_PLAIN_DEPTH = 256;

    private static final int MAX_PLAIN_TOKEN = 100;

    /** Longer schema texts are left to Jackson, well inside its document limit. */
    private static final int MAX_PLAIN_TEXT = 1 << 20;

    /**
     * The schema text's first value as plain maps, lists and scalars ({@link GoJson#decodeUseNumber}), when that is
     * certainly the tree {@link SchemaJson} reads with Jackson for networknt; else null, and the schema goes the
     * Jackson way, with Jackson's errors. Both take the same JSON grammar and neither looks past the first value;
     * they differ on invalid UTF-8 and escaped lone surrogates (Go puts U+FFFD, Jackson keeps them) and on Jackson's
     * read limits (nesting, number and name length): such texts are refused here.
     */
    static Object plainTree(String text) {
        if (text.length() > MAX_PLAIN_TEXT || GoBytes.firstEscape(text) >= 0 || escapesSurrogate(text)) {
            return null;
        }
        Object tree;
        try {
            tree = GoJson.decodeUseNumber(text);
        } catch (GoYamlException e) {
            return null;
        }
        return withinLimits(tree, 0) ? tree : null;
    }

    /**
     * Whether the text has a JSON escape of a surrogate (backslash, u, then D8 to DF), or what looks like one after an
     * escaped backslash.
     */
    private static boolean escapesSurrogate(String text) {
        for (int i = text.indexOf("\\u"); i >= 0 && i + 3 < text.length(); i = text.indexOf("\\u", i + 1)) {
            char high = text.charAt(i + 2);
            char next = text.charAt(i + 3);
            if ((high == 'd' || high == 'D') && "89abcdefABCDEF".indexOf(next) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean withinLimits(Object node, int depth) {
        if (node instanceof GoJson.JsonNumber number) {
            return number.text().length() <= MAX_PLAIN_TOKEN;
        }
        if (node instanceof Map<?, ?> map) {
            if (depth >= MAX_PLAIN_DEPTH) {
                return false;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (((String) entry.getKey()).length() > MAX_PLAIN_TOKEN
                        || !withinLimits(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
        } else if (node instanceof List<?> list) {
            if (depth >= MAX_PLAIN_DEPTH) {
                return false;
            }
            for (Object item : list) {
                if (!withinLimits(item, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The draft santhosh-tekuri/jsonschema v6 picks for {@code $schema} (draft.go draftFromURL, loader.go openMeta):
     * the json-schema.org URLs of drafts 4, 6, 7, 2019-09 and 2020-12 over http or https, with or without an empty
     * {@code #}, and {@code json-schema.org/schema} for the latest (2020-12); no {@code $schema} (a null url, also for
     * one that is not a string) means 2020-12. Any
     * other meta-schema would be downloaded by Helm; the engine says so instead.
     */
    static Draft dialect(String url, String sourceName) {
        if (url == null) {
            return Draft.DRAFT_2020_12;
        }
        int hash = url.indexOf('#');
        String bare = hash < 0 ? url : url.substring(0, hash);
        String path =
                bare.startsWith("http://") ? bare.substring(7) : bare.startsWith("https://") ? bare.substring(8) : null;
        if (path != null) {
            switch (path) {
                case "json-schema.org/schema", "json-schema.org/draft/2020-12/schema" -> {
                    return Draft.DRAFT_2020_12;
                }
                case "json-schema.org/draft/2019-09/schema" -> {
                    return Draft.DRAFT_2019_09;
                }
                case "json-schema.org/draft-07/schema" -> {
                    return Draft.DRAFT_7;
                }
                case "json-schema.org/draft-06/schema" -> {
                    return Draft.DRAFT_6;
                }
                case "json-schema.org/draft-04/schema" -> {
                    return Draft.DRAFT_4;
                }
                default -> {}
            }
        }
        throw new ValuesFileException(
                sourceName,
                null,
                "the schema's \"$schema\" is " + GoStrconv.quote(url)
                        + ", a meta-schema the engine does not know and never downloads (Helm would try to fetch it);"
                        + " use a json-schema.org draft URL such as \"http://json-schema.org/draft-07/schema#\" or"
                        + " \"https://json-schema.org/draft/2020-12/schema\"");
    }

    /** The draft the schema is read as (networknt's name for it, for tests). */
    com.networknt.schema.SpecificationVersion version() {
        return NetworkntSchema.version(draft);
    }

    public String sourceName() {
        return sourceName;
    }

    /** All problems of {@code values} against this schema (empty when they conform); no origins. */
    public List<ValuesProblem> validate(Map<String, Object> values) {
        return validate(values, ValueOrigins.none());
    }

    /** All problems of {@code values} against this schema, each located with {@code origins}. */
    public List<ValuesProblem> validate(Map<String, Object> values, ValueOrigins origins) {
        return validate("values", values, ValuesPath.ROOT, origins);
    }

    /**
     * What a chart tree's schemas say about the values: Helm's text (what follows "values don't meet the
     * specifications of the schema(s) in the following chart(s):\n", null when every schema is met) and the same
     * failures as {@link ValuesProblem}s in the project's words (path, expected, found, origin).
     */
    public record Verdict(String helmListing, List<ValuesProblem> problems) {
        public Verdict {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Helm's walk over a chart and its subcharts: every problem of every chart, in that order. The paths of a
     * subchart's problems start with the subchart's name, as the user writes them in the parent's values.
     */
    public static List<ValuesProblem> validate(ChartSchemas charts, Map<String, Object> values, ValueOrigins origins) {
        return verdict(charts, values, origins).problems();
    }

    /** Both Helm's text and the problems, from one validation per schema. */
    public static Verdict verdict(ChartSchemas charts, Map<String, Object> values, ValueOrigins origins) {
        List<ValuesProblem> problems = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        walk(charts, values, ValuesPath.ROOT, origins, problems, text);
        return new Verdict(text.length() == 0 ? null : text.toString(), problems);
    }

    /** {@link #validate(ChartSchemas, Map, ValueOrigins)}, throwing when there is any problem. */
    public static void check(ChartSchemas charts, Map<String, Object> values, ValueOrigins origins) {
        List<ValuesProblem> problems = validate(charts, values, origins);
        if (!problems.isEmpty()) {
            throw new ValuesValidationException(problems);
        }
    }

    /**
     * Helm's ValidateAgainstSchema (pkg/chart/common/util/jsonschema.go in v4, pkg/chartutil in v3.21): the chart's
     * own schema over all its values, then each subchart over the values under its name; a subchart whose values
     * are missing or null is not checked, and values that are not a map are reported as such.
     */
    @SuppressWarnings("unchecked")
    private static void walk(
            ChartSchemas chart,
            Map<String, Object> values,
            ValuesPath at,
            ValueOrigins origins,
            List<ValuesProblem> problems,
            StringBuilder text) {
        // An if, not ifPresent: a lambda's first use spins a class, a cost of every first render.
        if (chart.schema().isPresent()) {
            Outcome outcome = chart.schema().get().evaluate(chart.chartName(), values, at, origins);
            if (outcome != null) {
                problems.addAll(outcome.problems());
                if (!outcome.helmText().isEmpty()) {
                    text.append(chart.chartName())
                            .append(":\n")
                            .append(outcome.helmText())
                            .append('\n');
                }
            }
        }
        for (ChartSchemas dependency : chart.dependencies()) {
            Object sub = values == null ? null : values.get(dependency.chartName());
            if (sub == null) {
                continue;
            }
            ValuesPath subPath = at.child(dependency.chartName());
            if (!(sub instanceof Map<?, ?> m)) {
                text.append(dependency.chartName())
                        .append(":\ninvalid type for values: expected object (map), got ")
                        .append(goType(sub))
                        .append('\n');
                problems.add(new ValuesProblem(
                        dependency.chartName(),
                        subPath,
                        "a map (the subchart's values)",
                        ValueTrees.describe(sub),
                        origins.originOf(subPath),
                        "type"));
                continue;
            }
            walk(dependency, (Map<String, Object>) m, subPath, origins, problems, text);
        }
    }

    /** Go's %T of a values tree element. */
    private static String goType(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "int64";
        }
        if (value instanceof Double) {
            return "float64";
        }
        return value instanceof List<?> ? "[]interface {}" : value.getClass().getSimpleName();
    }

    /** One schema's verdict: Helm's text for it (empty when met) and the problems. */
    record Outcome(String helmText, List<ValuesProblem> problems) {}

    private List<ValuesProblem> validate(
            String chart, Map<String, Object> values, ValuesPath at, ValueOrigins origins) {
        Outcome outcome = evaluate(chart, values, at, origins);
        return outcome == null ? List.of() : outcome.problems();
    }

    /**
     * The schema's verdict on {@code values}, or null when the small check finds them met: a first render, whose
     * values meet the schema, then loads no Outcome class.
     */
    private Outcome evaluate(String chart, Map<String, Object> values, ValuesPath at, ValueOrigins origins) {
        // Helm validates JSON; null values become {} (ValidateAgainstSingleSchema).
        if (plainCheck != null
                && plainCheck.check(values == null ? Map.of() : values) == PlainSchemaCheck.Answer.MEETS) {
            return null;
        }
        return networknt().evaluate(chart, values, at, origins);
    }

    /** The small check's answer on {@code values}, or null when this schema has none (for tests). */
    PlainSchemaCheck.Answer plainAnswer(Map<String, Object> values) {
        return plainCheck == null ? null : plainCheck.check(values);
    }

    /** Whether networknt alone finds no error in {@code values} (for tests). */
    boolean meetsByNetworknt(Map<String, Object> values) {
        return networknt().meets(values);
    }

    /** Whether networknt's schema has been compiled yet (for tests: the small check defers it). */
    boolean networkntCompiled() {
        return networknt != null;
    }

    @Override
    public String toString() {
        return "ValuesSchema[" + sourceName + "]";
    }
}
