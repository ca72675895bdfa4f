package dev.runway.render.verify;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.runway.render.verify.CustomResourceDefinitions.Definition;
import dev.runway.render.verify.CustomResourceDefinitions.Version;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.ScalarType;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import dev.runway.render.yaml.YNode.YSeq;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a custom resource against its CustomResourceDefinition's {@code openAPIV3Schema}, the way the API server
 * validates it with strict field validation: the version must be served; unknown fields (outside
 * {@code x-kubernetes-preserve-unknown-fields} and {@code additionalProperties}), wrong JSON types, missing required
 * fields, {@code enum}, {@code pattern} (Go's RE2, through RE2/J), lengths, bounds and item counts are errors;
 * {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} are applied; {@code null} counts as unset, as the server
 * prunes it. CEL rules ({@code x-kubernetes-validations}) cannot be evaluated here and are reported as not checked.
 * {@code metadata} is left to the semantic rules, as for built-in kinds.
 */
final class CrdCheck {
    private final CustomResourceDefinitions crds;
    private final Map<String, Optional<Pattern>> patterns = new HashMap<>();

    CrdCheck(CustomResourceDefinitions crds) {
        this.crds = crds;
    }

    /** The definition of the resource, when one was given for its group and kind. */
    Optional<Definition> definitionOf(Resource r) {
        if (r.ref().apiVersion().isEmpty() || r.ref().kind().isEmpty()) {
            return Optional.empty();
        }
        return crds.find(r.ref().apiVersion(), r.ref().kind());
    }

    void check(Resource r, Definition definition, Findings findings) {
        YMap root = r.root();
        String apiVersion = r.ref().apiVersion();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        List<String> served = definition.versions().stream()
                .filter(Version::served)
                .map(v -> definition.group() + "/" + v.name())
                .toList();
        Optional<Version> found = definition.version(version);
        if (found.isEmpty() || !found.get().served()) {
            findings.error(
                    r,
                    found.isEmpty() ? "crd.unknown-version" : "crd.version-not-served",
                    "apiVersion",
                    root.lineOf("apiVersion"),
                    "the CustomResourceDefinition " + definition.name() + " ("
                            + definition.file() + ") " + (found.isEmpty() ? "has no version " : "does not serve ")
                            + version + "; it serves " + (served.isEmpty() ? "none" : String.join(", ", served)),
                    served.isEmpty()
                            ? "install a version of the CRD that serves " + r.kind()
                            : "use apiVersion " + served.get(0) + " (and the fields of that version)");
            return;
        }
        Version v = found.get();
        if (v.deprecated()) {
            findings.warning(
                    r,
                    "crd.deprecated-version",
                    "apiVersion",
                    root.lineOf("apiVersion"),
                    v.deprecationWarning().isEmpty()
                            ? apiVersion + " " + r.kind() + " is deprecated"
                            : v.deprecationWarning(),
                    served.stream()
                            .filter(s -> !s.equals(apiVersion))
                            .findFirst()
                            .map(s -> "use apiVersion " + s)
                            .orElse("move to a version that is not deprecated"));
        }
        if (v.schema() == null) {
            findings.info(
                    r,
                    "crd.no-schema",
                    "",
                    root.line(),
                    "the CustomResourceDefinition " + definition.name() + " gives no openAPIV3Schema for " + version
                            + ": the fields were not checked",
                    "");
            return;
        }
        Walk walk = new Walk(r, definition, findings);
        walk.object(root, v.schema(), "", true);
        if (walk.celRules > 0) {
            findings.info(
                    r,
                    "crd.cel-not-checked",
                    "",
                    root.line(),
                    walk.celRules + " CEL rule"
                            + (walk.celRules == 1 ? "" : "s") + " (x-kubernetes-validations) of " + definition.name()
                            + " were not evaluated; the API server evaluates them",
                    "");
        }
    }

    private final class Walk {
        private final Resource r;
        private final Definition definition;
        private final Findings findings;
        int celRules;

        Walk(Resource r, Definition definition, Findings findings) {
            this.r = r;
            this.definition = definition;
            this.findings = findings;
        }

        void node(YNode node, YMap schema, String path) {
            if (node instanceof YScalar s && s.type() == ScalarType.NULL) {
                return; // the API server prunes nulls of fields that are not nullable; nullable ones accept them
            }
            celRules += schema.list("x-kubernetes-validations").size();
            compose(node, schema, path);
            if (isTrue(schema, "x-kubernetes-int-or-string")) {
                if (!(node instanceof YScalar s) || !(s.isString() || isInteger(s))) {
                    wrongType(node, path, "integer or string");
                }
                return;
            }
            String type = schema.string("type").orElse("");
            switch (type) {
                case "object" -> {
                    if (node instanceof YMap m) {
                        object(m, schema, path, false);
                    } else {
                        wrongType(node, path, "object");
                    }
                }
                case "array" -> array(node, schema, path);
                case "string" -> {
                    if (node instanceof YScalar s && s.isString()) {
                        string(s, schema, path);
                    } else {
                        wrongType(node, path, "string");
                    }
                }
                case "integer" -> {
                    if (node instanceof YScalar s && isInteger(s)) {
                        number(s, schema, path);
                    } else {
                        wrongType(node, path, "integer");
                    }
                }
                case "number" -> {
                    if (node instanceof YScalar s && s.isNumber()) {
                        number(s, schema, path);
                    } else {
                        wrongType(node, path, "number");
                    }
                }
                case "boolean" -> {
                    if (!(node instanceof YScalar s) || s.type() != ScalarType.BOOL) {
                        wrongType(node, path, "boolean");
                    }
                }
                default -> {
                    if (node instanceof YMap m && schema.map("properties").isPresent()) {
                        object(m, schema, path, false);
                    }
                }
            }
            enumeration(node, schema, path);
        }

        void object(YMap m, YMap schema, String path, boolean top) {
            for (String key : m.duplicateKeys()) {
                findings.error(
                        r,
                        "crd.duplicate-field",
                        Paths.key(path, key),
                        m.lineOf(key),
                        "duplicate field \"" + Paths.key(path, key) + "\"",
                        "keep one of the entries for " + key);
            }
            Optional<YMap> properties = schema.map("properties");
            YNode additional = schema.get("additionalProperties");
            boolean preserve = isTrue(schema, "x-kubernetes-preserve-unknown-fields");
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                String key = e.getKey();
                String at = top ? key : Paths.field(path, key);
                if (top && (key.equals("metadata") || key.equals("apiVersion") || key.equals("kind"))) {
                    continue; // checked by the structure and semantic rules of every resource
                }
                Optional<YMap> property = properties.flatMap(p -> p.map(key));
                if (property.isPresent()) {
                    node(e.getValue(), property.get(), at);
                } else if (additional instanceof YMap additionalSchema) {
                    node(e.getValue(), additionalSchema, Paths.key(path, key));
                } else if (!preserve
                        && !(additional instanceof YScalar s && s.value().equals("true"))) {
                    List<String> known = properties
                            .map(p -> List.copyOf(p.entries().keySet()))
                            .orElse(List.of());
                    findings.error(
                            r,
                            "crd.unknown-field",
                            at,
                            m.lineOf(key),
                            "unknown field \"" + at + "\": the " + "CustomResourceDefinition " + definition.name()
                                    + " has no such field",
                            known.isEmpty() ? "remove it" : "remove it or use one of " + String.join(", ", known));
                }
            }
            for (YNode required : schema.list("required")) {
                if (required instanceof YScalar s) {
                    YNode value = m.get(s.value());
                    if (value == null || (value instanceof YScalar v && v.type() == ScalarType.NULL)) {
                        String at = top ? s.value() : Paths.field(path, s.value());
                        findings.error(
                                r,
                                "crd.missing-field",
                                at,
                                m.line(),
                                "required field \"" + at + "\" is missing",
                                "set " + s.value() + " (required by " + definition.name() + ")");
                    }
                }
            }
            bound(m.entries().size(), schema, "minProperties", "maxProperties", "fields", path, m.line());
        }

        void array(YNode node, YMap schema, String path) {
            if (!(node instanceof YSeq seq)) {
                wrongType(node, path, "array");
                return;
            }
            Optional<YMap> items = schema.map("items");
            for (int i = 0; i < seq.items().size(); i++) {
                if (items.isPresent()) {
                    node(seq.items().get(i), items.get(), Paths.index(path, i));
                }
            }
            bound(seq.items().size(), schema, "minItems", "maxItems", "items", path, node.line());
        }

        void string(YScalar s, YMap schema, String path) {
            int length = s.value().codePointCount(0, s.value().length());
            bound(length, schema, "minLength", "maxLength", "characters", path, s.line());
            schema.string("pattern")
                    .ifPresent(pattern -> compiled(pattern).ifPresent(p -> {
                        if (!p.matcher(s.value()).find()) {
                            findings.error(
                                    r,
                                    "crd.invalid-value",
                                    path,
                                    s.line(),
                                    "\"" + s.value() + "\" does not match the pattern " + pattern + " of "
                                            + definition.name(),
                                    "write a value that matches " + pattern);
                        }
                    }));
        }

        void number(YScalar s, YMap schema, String path) {
            BigDecimal value = s.number();
            if (value == null) {
                return;
            }
            limit(schema, "minimum", "exclusiveMinimum", path, s, value, true);
            limit(schema, "maximum", "exclusiveMaximum", path, s, value, false);
        }

        private void limit(
                YMap schema, String key, String exclusiveKey, String path, YScalar s, BigDecimal value, boolean lower) {
            if (!(schema.get(key) instanceof YScalar bound) || bound.number() == null) {
                return;
            }
            boolean exclusive = isTrue(schema, exclusiveKey);
            int cmp = value.compareTo(bound.number());
            boolean bad = lower ? (exclusive ? cmp <= 0 : cmp < 0) : (exclusive ? cmp >= 0 : cmp > 0);
            if (bad) {
                findings.error(
                        r,
                        "crd.invalid-value",
                        path,
                        s.line(),
                        s.value() + " is " + (lower ? "below" : "above")
                                + " the " + (exclusive ? "exclusive " : "") + key + " " + bound.value() + " of "
                                + definition.name(),
                        "use a value " + (lower ? "of at least " : "of at most ") + bound.value());
            }
        }

        void enumeration(YNode node, YMap schema, String path) {
            List<YNode> values = schema.list("enum");
            if (values.isEmpty() || !(node instanceof YScalar s)) {
                return;
            }
            for (YNode allowed : values) {
                if (allowed instanceof YScalar a
                        && a.value().equals(s.value())
                        && a.typeName().equals(s.typeName())) {
                    return;
                }
            }
            findings.error(
                    r,
                    "crd.unsupported-value",
                    path,
                    s.line(),
                    "unsupported value \"" + s.value() + "\"",
                    "use one of "
                            + values.stream()
                                    .map(v -> v instanceof YScalar a ? a.value() : "?")
                                    .toList());
        }

        void compose(YNode node, YMap schema, String path) {
            for (YNode sub : schema.list("allOf")) {
                if (sub instanceof YMap m) {
                    node(node, m, path);
                }
            }
            List<YNode> anyOf = schema.list("anyOf");
            if (!anyOf.isEmpty() && anyOf.stream().noneMatch(sub -> passes(node, sub, path))) {
                findings.error(
                        r,
                        "crd.invalid-value",
                        path,
                        node.line(),
                        "the value matches none of the anyOf " + "schemas of " + definition.name(),
                        "give a value one of them accepts");
            }
            List<YNode> oneOf = schema.list("oneOf");
            if (!oneOf.isEmpty()) {
                long passing =
                        oneOf.stream().filter(sub -> passes(node, sub, path)).count();
                if (passing != 1) {
                    findings.error(
                            r,
                            "crd.invalid-value",
                            path,
                            node.line(),
                            "the value matches " + passing + " of the oneOf schemas of " + definition.name()
                                    + " (exactly one must match)",
                            "give a value exactly one of them accepts");
                }
            }
            if (schema.get("not") instanceof YMap not && passes(node, not, path)) {
                findings.error(
                        r,
                        "crd.invalid-value",
                        path,
                        node.line(),
                        "the value matches the schema that " + definition.name() + " forbids (not)",
                        "change the value");
            }
        }

        private boolean passes(YNode node, YNode schema, String path) {
            if (!(schema instanceof YMap m)) {
                return true;
            }
            Findings scratch = new Findings();
            Walk inner = new Walk(r, definition, scratch);
            inner.node(node, m, path);
            return scratch.list().stream().noneMatch(f -> f.severity() == Severity.ERROR);
        }

        private void bound(int count, YMap schema, String minKey, String maxKey, String what, String path, int line) {
            schema.text(minKey)
                    .map(Long::parseLong)
                    .filter(min -> count < min)
                    .ifPresent(min -> findings.error(
                            r,
                            "crd.invalid-value",
                            path,
                            line,
                            "has " + count + " " + what + ", fewer than the " + minKey + " " + min + " of "
                                    + definition.name(),
                            "give at least " + min + " " + what));
            schema.text(maxKey)
                    .map(Long::parseLong)
                    .filter(max -> count > max)
                    .ifPresent(max -> findings.error(
                            r,
                            "crd.invalid-value",
                            path,
                            line,
                            "has " + count + " " + what + ", more than the " + maxKey + " " + max + " of "
                                    + definition.name(),
                            "give at most " + max + " " + what));
        }

        private void wrongType(YNode node, String path, String expected) {
            findings.error(
                    r,
                    "crd.wrong-type",
                    path,
                    node.line(),
                    "expected " + expected + ", got " + StructureCheck.describe(node),
                    "write " + expected.replace("object", "a mapping").replace("array", "a list") + " as "
                            + definition.name() + " defines it");
        }
    }

    private Optional<Pattern> compiled(String pattern) {
        return patterns.computeIfAbsent(pattern, p -> {
            try {
                return Optional.of(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                return Optional.empty(); // the API server would have refused such a CRD
            }
        });
    }

    private static boolean isTrue(YMap map, String key) {
        return map.get(key) instanceof YScalar s
                && s.type() == ScalarType.BOOL
                && s.value().equals("true");
    }

    private static boolean isInteger(YScalar s) {
        if (s.type() == ScalarType.INT) {
            return true;
        }
        BigDecimal n = s.type() == ScalarType.FLOAT ? s.number() : null;
        return n != null && n.stripTrailingZeros().scale() <= 0;
    }
}
