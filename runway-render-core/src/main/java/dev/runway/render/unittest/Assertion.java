package dev.runway.render.unittest;

import dev.runway.render.gofmt.GoValues;
import dev.runway.render.unittest.Validators.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of a test's {@code asserts} (pkg/unittest/assertion.go): the assertion kind with its parameters,
 * {@code not}, {@code template}, {@code documentIndex} and {@code documentSelector}.
 */
final class Assertion {
    /** Every kind helm-unittest knows, with whether it negates (antonym) and whether it needs a successful render. */
    private record Kind(boolean antonym, boolean requireRenderSuccess) {}

    static final Map<String, Kind> KINDS = kinds();

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new LinkedHashMap<>();
        for (String positive : List.of(
                "matchSnapshot",
                "matchSnapshotRaw",
                "equal",
                "greaterOrEqual",
                "lessOrEqual",
                "equalRaw",
                "exists",
                "matchRegex",
                "matchRegexRaw",
                "contains",
                "isKind",
                "isAPIVersion",
                "hasDocuments",
                "isSubset",
                "isNullOrEmpty",
                "containsDocument",
                "lengthEqual",
                "isNotNull",
                "isEmpty",
                "isType")) {
            k.put(positive, new Kind(false, true));
        }
        for (String negative : List.of(
                "notEqual",
                "notGreaterOrEqual",
                "notLessOrEqual",
                "notEqualRaw",
                "notExists",
                "notMatchRegex",
                "notMatchRegexRaw",
                "notContains",
                "isNotSubset",
                "isNotNullOrEmpty",
                "notFailedTemplate",
                "notLengthEqual",
                "isNull",
                "isNotEmpty",
                "isNotType")) {
            k.put(negative, new Kind(true, true));
        }
        k.put("failedTemplate", new Kind(false, false));
        return Map.copyOf(k);
    }

    private static final Set<String> BASIC_FIELDS = Set.of("template", "documentIndex", "not", "documentSelector");

    final String type;
    final boolean not;
    final String template;
    int documentIndex;
    DocumentSelector selector;
    final Validator validator;
    final boolean requireRenderSuccess;
    final boolean antonym;
    List<String> defaultTemplates = List.of();

    private Assertion(
            String type,
            boolean not,
            String template,
            int documentIndex,
            DocumentSelector selector,
            Validator validator,
            Kind kind) {
        this.type = type;
        this.not = not;
        this.template = template;
        this.documentIndex = documentIndex;
        this.selector = selector;
        this.validator = validator;
        this.requireRenderSuccess = kind.requireRenderSuccess();
        this.antonym = kind.antonym();
    }

    /** UnmarshalYAML of an assertion. */
    static Assertion parse(Object raw) {
        if (!(raw instanceof Map<?, ?> def)) {
            throw new UnittestException("an assertion must be a map, got " + GoValues.yamlV3TypeName(raw));
        }
        int documentIndex = def.get("documentIndex") instanceof Long l ? Math.toIntExact(l) : -1;
        boolean not = def.get("not") instanceof Boolean b && b;
        String template = def.get("template") instanceof String s ? s : "";
        DocumentSelector selector = DocumentSelector.parse(def.get("documentSelector"));
        String found = null;
        for (Object key : def.keySet()) {
            String name = String.valueOf(key);
            if (KINDS.containsKey(name)) {
                if (found != null) {
                    throw new UnittestException(
                            "assertion type `" + found + "` and `" + name + "` is declared duplicately");
                }
                found = name;
            }
        }
        if (found == null) {
            for (Object key : def.keySet()) {
                if (!BASIC_FIELDS.contains(String.valueOf(key))) {
                    throw new UnittestException("Assertion type `" + key + "` is invalid");
                }
            }
            throw new UnittestException("no assertion type defined");
        }
        Validator validator = validator(found, def.get(found));
        return new Assertion(found, not, template, documentIndex, selector, validator, KINDS.get(found));
    }

    private static Validator validator(String type, Object raw) {
        Params p = new Params(raw, type);
        return switch (type) {
            case "equal", "notEqual" -> new Validators.Equal(p.string("path"), p.raw("value"), p.bool("decodeBase64"));
            case "greaterOrEqual", "notGreaterOrEqual" ->
                new Validators.Operator(p.string("path"), p.raw("value"), "greater");
            case "lessOrEqual", "notLessOrEqual" -> new Validators.Operator(p.string("path"), p.raw("value"), "less");
            case "equalRaw", "notEqualRaw" -> new Validators.EqualRaw(p.string("value"));
            case "exists", "notExists", "isNull", "isNotNull" -> new Validators.Exists(p.string("path"));
            case "matchRegex", "notMatchRegex" ->
                new Validators.MatchRegex(p.string("path"), p.string("pattern"), p.bool("decodeBase64"));
            case "matchRegexRaw", "notMatchRegexRaw" -> new Validators.MatchRegexRaw(p.string("pattern"));
            case "contains", "notContains" ->
                new Validators.Contains(p.string("path"), p.raw("content"), p.optionalInt("count"), p.bool("any"));
            case "isKind" -> new Validators.IsKind(p.string("of"));
            case "isAPIVersion" -> new Validators.IsApiVersion(p.string("of"));
            case "hasDocuments" ->
                new Validators.HasDocuments(
                        p.optionalInt("count") == null ? 0 : p.optionalInt("count"), p.bool("filterAware"));
            case "isSubset", "isNotSubset" -> new Validators.IsSubset(p.string("path"), p.raw("content"));
            case "isNullOrEmpty", "isNotNullOrEmpty", "isEmpty", "isNotEmpty" ->
                new Validators.IsNullOrEmpty(p.string("path"));
            case "failedTemplate", "notFailedTemplate" ->
                new Validators.FailedTemplate(p.string("errorMessage"), p.string("errorPattern"));
            case "containsDocument" ->
                new Validators.ContainsDocument(
                        p.string("kind"),
                        p.string("apiVersion"),
                        p.string("name"),
                        p.string("namespace"),
                        p.bool("any"));
            case "lengthEqual", "notLengthEqual" ->
                new Validators.LengthEqual(p.strings("paths"), p.string("path"), p.optionalInt("count"));
            case "isType", "isNotType" -> new Validators.IsType(p.string("path"), p.string("type"));
            case "matchSnapshot" ->
                new Validators.MatchSnapshot(
                        p.string("path"), p.nestedPattern("matchRegex"), p.nestedPattern("notMatchRegex"));
            case "matchSnapshotRaw" -> new Validators.MatchSnapshotRaw();
            default -> throw new IllegalStateException(type);
        };
    }

    /** The rendered documents and how rendering went, shared by a test's assertions. */
    record Config(
            Map<String, List<Map<String, Object>>> templatesResult,
            ValidateContext.SnapshotComparer comparer,
            boolean renderSucceeded,
            boolean failFast,
            boolean skipEmptyTemplates,
            String renderError) {}

    /** Assert. */
    Results.AssertionResult run(int index, Config config) {
        Map<String, List<Map<String, Object>>> templates = new LinkedHashMap<>();
        for (String t : defaultTemplates) {
            templates.put(t, config.templatesResult().get(t));
        }
        Map<String, List<Map<String, Object>>> selected;
        try {
            selected = select(templates);
        } catch (DocumentSelector.SelectionException e) {
            return result(index, false, false, "", List.of("Error:", e.getMessage()));
        }
        if (config.skipEmptyTemplates() && selected.isEmpty()) {
            return result(
                    index,
                    true,
                    true,
                    "skipped as 'documentSelector.skipEmptyTemplates: true' and 'selectedTemplates: empty'",
                    List.of());
        }
        if (selected.isEmpty()) {
            if (requireRenderSuccess != config.renderSucceeded()) {
                return result(index, false, false, "", List.of("Error: rendered manifest is empty"));
            }
            Outcome o = validate(List.of(), List.of(), config);
            return result(index, o.passed(), false, "", o.info());
        }
        boolean passed = false;
        List<String> info = new ArrayList<>();
        int idx = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : new TreeMap<>(selected).entrySet()) {
            String template = e.getKey();
            List<Map<String, Object>> rendered = config.templatesResult().get(template);
            boolean addTemplate = true;
            Outcome o;
            if (rendered == null && requireRenderSuccess) {
                addTemplate = false;
                o = Outcome.fail(List.of(
                        "Error:",
                        template.isEmpty()
                                ? "\tassertion.template must be given if testsuite.templates is empty"
                                : "\ttemplate \"" + template + "\" not exists or not selected in test suite"));
            } else if (requireRenderSuccess != config.renderSucceeded()) {
                Object raw = rendered == null || rendered.isEmpty()
                        ? null
                        : rendered.get(0).get(UnittestYaml.RAW);
                o = Outcome.fail(List.of(
                        rendered == null || rendered.isEmpty()
                                ? "Error: rendered manifest is empty"
                                : "Error: Invalid rendering: " + (raw == null ? "%!s(<nil>)" : raw)));
            } else {
                o = validate(
                        rendered == null ? List.of() : rendered,
                        e.getValue() == null ? List.of() : e.getValue(),
                        config);
            }
            if (!o.passed()) {
                if (addTemplate) {
                    info.add("Template:\t" + template);
                }
                info.addAll(o.info());
            }
            passed = FailInfo.determine(idx++, passed, o.passed());
        }
        return result(index, passed, false, "", info);
    }

    private Outcome validate(
            List<Map<String, Object>> rendered, List<Map<String, Object>> selectedDocs, Config config) {
        return validator.validate(new ValidateContext(
                rendered, selectedDocs, not != antonym, config.comparer(), config.renderError(), config.failFast()));
    }

    private Map<String, List<Map<String, Object>>> select(Map<String, List<Map<String, Object>>> docs) {
        Map<String, List<Map<String, Object>>> nonNull = new LinkedHashMap<>();
        docs.forEach((k, v) -> nonNull.put(k, v == null ? List.of() : v));
        if (selector != null && !selector.path().isEmpty()) {
            return selector.select(new TreeMap<>(nonNull));
        }
        if (documentIndex != -1) {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<Map<String, Object>>> e : nonNull.entrySet()) {
                if (documentIndex >= e.getValue().size() || documentIndex < 0) {
                    throw new DocumentSelector.SelectionException(
                            "document index " + documentIndex + " is out of range");
                }
                out.put(e.getKey(), List.of(e.getValue().get(documentIndex)));
            }
            return out;
        }
        return docs;
    }

    private Results.AssertionResult result(
            int index, boolean passed, boolean skipped, String reason, List<String> info) {
        return new Results.AssertionResult(index, type, not, passed, skipped, reason, info);
    }
}
