package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.verify.KubeFieldTypes;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Substitutes realistic sample values the way Flux will, reads the result back the way kustomize-controller does
 * (go-yaml v2 rules), and reports every field whose meaning changes: a placeholder in an unquoted scalar that
 * turns into a number or boolean (fatal in ConfigMap {@code data}, annotations, labels, env values), a value that
 * reads differently than the text intends (a {@code #} or {@code : } in a plain scalar, an escape that hides a
 * placeholder), JSON inside a ConfigMap that stops parsing, and YAML that stops parsing at all.
 */
public final class SafetyCheck {

    /** A named set of variable values to try. */
    public record SampleSet(String name, Map<String, String> values) {
        public SampleSet {
            values = Map.copyOf(values);
        }
    }

    /**
     * Realistic values for the runway-eks variables: a 12-digit AWS account id and a 12-digit project number (both
     * read as numbers when unquoted), and account ids with a leading zero, which go-yaml v2 reads as a float
     * that loses the zero; {@code quote} is {@code "} as Flux's documentation defines it for {@code ${quote}}.
     */
    public static final List<SampleSet> DEFAULT_SAMPLES = List.of(
            new SampleSet(
                    "typical",
                    Map.of(
                            "aws_account_id",
                            "123456789012",
                            "gcp_project_number",
                            "123456789012",
                            "gcp_wip_id",
                            "eks-pool",
                            "gcp_project_id",
                            "acme-payments-prod",
                            "quote",
                            "\"")),
            new SampleSet(
                    "leading zero",
                    Map.of(
                            "aws_account_id",
                            "012345678901",
                            "gcp_project_number",
                            "100000000001",
                            "gcp_wip_id",
                            "pool-1",
                            "gcp_project_id",
                            "acme-1",
                            "quote",
                            "\"")));

    /** The variable Flux's documentation defines as a double quote for whole values: {@code ${quote}}. */
    private static final String QUOTE = "${quote}";

    private SafetyCheck() {}

    /** Checks a render with the default samples. */
    public static List<FluxFinding> check(RenderedChart chart) {
        return check(chart, DEFAULT_SAMPLES);
    }

    /** Checks a render with the given samples; variables a sample does not set become empty, as in Flux. */
    public static List<FluxFinding> check(RenderedChart chart, List<SampleSet> samples) {
        return check(ParsedManifests.of(chart), samples);
    }

    /** {@link #check(RenderedChart, List)} on manifests the check run has parsed for all its checks. */
    static List<FluxFinding> check(ParsedManifests parsed, List<SampleSet> samples) {
        List<FluxFinding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        KubeFieldTypes types = new KubeFieldTypes();
        for (int i = 0; i < parsed.size(); i++) {
            // Read once per manifest: only the substitution and what is compared with it depend on the sample.
            Subject subject = Subject.of(parsed, i, types);
            if (subject == null) {
                continue;
            }
            for (SampleSet sample : samples) {
                for (FluxFinding f : subject.check(sample)) {
                    if (seen.add(f.rule() + "|" + f.resource() + "|" + f.path())) {
                        findings.add(f);
                    }
                }
            }
        }
        return findings;
    }

    /**
     * A value scalar that holds placeholders, with what does not depend on the sample.
     *
     * @param funcs       the placeholders in it, in text order
     * @param expression  the first one's text
     * @param baseline    its value as kustomize reads it before substituting (null when absent or YAML null)
     * @param wholeScalar the finding when the first placeholder is the whole value of a string field, else null
     * @param intended    the value the text means, {@code ${quote}} pairs around it taken off
     */
    private record Spot(
            YamlTree.Scalar scalar,
            List<EnvsubstNode.Func> funcs,
            String expression,
            FluxLocation location,
            Object baseline,
            boolean stringField,
            String fieldText,
            FluxFinding wholeScalar,
            String intended) {}

    /**
     * One manifest as the safety check reads it before any sample: either the finding that kustomize cannot read it
     * ({@code cannotRead}), or kustomize's reading and the spots to compare after each substitution.
     *
     * @param firstPlaceholder where the manifest's first placeholder is, for a substitution that fails
     */
    private record Subject(
            RenderedManifest manifest,
            FluxFinding cannotRead,
            FluxLocation firstPlaceholder,
            FluxSubstitution.Kustomized kustomized,
            List<Spot> spots) {

        /** Null when the safety check has nothing to do for the manifest. */
        static Subject of(ParsedManifests parsed, int index, KubeFieldTypes types) {
            YamlTree before = parsed.tree(index);
            if (before == null) {
                return null; // the scanner reports bad YAML
            }
            if (FluxSubstitution.disabled(before)) {
                return null;
            }
            EnvsubstParser.Outcome outcome = parsed.expressions(index);
            if (!outcome.errors().isEmpty()) {
                return null; // Flux fails this resource anyway; the scanner reports it
            }
            List<EnvsubstNode.Func> funcs = outcome.nodes().stream()
                    .filter(n -> n instanceof EnvsubstNode.Func)
                    .map(n -> (EnvsubstNode.Func) n)
                    .toList();
            if (funcs.isEmpty()) {
                return null;
            }
            RenderedManifest manifest = parsed.located(index).manifest();
            String text = manifest.text();
            Object kustomized;
            try {
                kustomized = GoYaml.readKyaml(text);
            } catch (GoYamlException e) {
                FluxFinding cannotRead = new FluxFinding(
                        Severity.ERROR,
                        "flux/kustomize-cannot-read",
                        ManifestStream.resourceId(manifest),
                        "",
                        manifest.source(),
                        Math.max(e.line(), 0) + parsed.located(index).lineOffset(),
                        Math.max(e.column(), 0),
                        "kustomize reads manifests with go-yaml v3 and cannot read this one (" + e.getMessage()
                                + "); kustomize-controller fails before it substitutes anything",
                        "write YAML that go-yaml accepts (for example no \\/ escape in double-quoted strings)");
                return new Subject(manifest, cannotRead, null, null, List.of());
            }
            PlaceholderScanner.Locator locator = parsed.locator(index);
            List<Spot> spots = new ArrayList<>();
            for (YamlTree.Scalar scalar : before.scalars()) {
                if (scalar.key()) {
                    continue;
                }
                List<EnvsubstNode.Func> inScalar = funcs.stream()
                        .filter(f -> f.start() >= scalar.start() && f.start() < scalar.end())
                        .toList();
                if (inScalar.isEmpty()) {
                    continue;
                }
                EnvsubstNode.Func first = inScalar.get(0);
                String expression = text.substring(first.start(), first.end());
                FluxLocation location = locator.at(first.start());
                Optional<Object> original = navigate(kustomized, scalar.segments());
                Object baseline = original == null ? null : original.orElse(null);
                KubeFieldTypes.FieldType fieldType =
                        types.typeOf(manifest.apiVersion(), manifest.kind(), scalar.segments());
                boolean stringField = fieldType == KubeFieldTypes.FieldType.STRING;
                String fieldText = fieldText(manifest.kind(), scalar.segments());
                FluxFinding wholeScalar = null;
                if (baseline instanceof String value && stringField && wholePlaceholder(value)) {
                    wholeScalar = FluxFinding.at(
                            Severity.ERROR,
                            "flux/whole-scalar-placeholder",
                            location,
                            "`" + value + "` is the whole value of " + fieldText + ", which must be a string: Flux"
                                    + " substitutes kustomize's re-written YAML, where quotes are gone, so a value"
                                    + " such as 123456789012 arrives as a number, true as a boolean and an empty"
                                    + " value as null, and the API server rejects the resource",
                            "write ${quote}" + value + "${quote} and define quote: '\"' in the Flux variables (Flux"
                                    + " Kustomization docs, \"Post build substitution of numbers and booleans\"), or"
                                    + " make the placeholder part of a longer string");
                }
                // ${quote}...${quote}: the quotes are YAML syntax once substituted, not part of the value.
                String intended = scalar.value().startsWith(QUOTE)
                                && scalar.value().endsWith(QUOTE)
                                && scalar.value().length() >= 2 * QUOTE.length()
                        ? scalar.value()
                                .substring(QUOTE.length(), scalar.value().length() - QUOTE.length())
                        : scalar.value();
                spots.add(new Spot(
                        scalar,
                        inScalar,
                        expression,
                        location,
                        baseline,
                        stringField,
                        fieldText,
                        wholeScalar,
                        intended));
            }
            return new Subject(
                    manifest,
                    null,
                    locator.at(funcs.get(0).start()),
                    FluxSubstitution.Kustomized.of(manifest, kustomized),
                    spots);
        }

        /** The findings with one sample's values. */
        List<FluxFinding> check(SampleSet sample) {
            if (cannotRead != null) {
                return List.of(cannotRead);
            }
            List<FluxFinding> out = new ArrayList<>();
            Map<String, String> vars = new LinkedHashMap<>();
            sample.values().forEach((k, v) -> vars.put(k, v.replace("\n", "")));
            java.util.function.Function<String, Optional<String>> lookup = name -> Optional.ofNullable(vars.get(name));
            SubstitutedManifest simulated =
                    FluxSubstitution.substitute(kustomized, vars, false, PostBuild.SubstituteStrategy.ALWAYS);
            if (simulated.failed()) {
                boolean yaml = simulated.error().startsWith("envsubst error: YAMLToJSON");
                out.add(FluxFinding.at(
                        Severity.ERROR,
                        yaml ? "flux/substitution-breaks-yaml" : "flux/substitution-fails",
                        firstPlaceholder,
                        "after Flux substitutes " + describe(sample)
                                + (yaml ? " the resource is no longer valid YAML" : " the substitution fails") + ": "
                                + simulated.error(),
                        yaml
                                ? "keep placeholders inside longer strings, or use ${quote}${var}${quote} for whole"
                                        + " values"
                                : "use only the envsubst forms Flux supports (see the Kustomization docs)"));
                return out;
            }
            Object after = simulated.object();
            for (Spot spot : spots) {
                if (spot.wholeScalar() != null) {
                    out.add(spot.wholeScalar());
                    continue;
                }
                YamlTree.Scalar scalar = spot.scalar();
                FluxLocation location = spot.location();
                String used = describeUsed(spot.funcs(), vars, sample.name());
                String expected;
                try {
                    expected = Envsubst.eval(spot.intended(), lookup, false);
                } catch (EnvsubstException e) {
                    expected = null;
                }
                List<Object> segments = new ArrayList<>();
                for (Object segment : scalar.segments()) {
                    segments.add(segment instanceof String s ? safeEval(s, lookup) : segment);
                }
                Optional<Object> actual = navigate(after, segments);
                if (actual == null) {
                    out.add(FluxFinding.at(
                            Severity.ERROR,
                            "flux/field-moves",
                            location,
                            "after Flux substitutes " + used + " the field " + scalar.path()
                                    + " is no longer where the template put it",
                            "keep placeholders inside longer strings, or use ${quote}${var}${quote} for whole"
                                    + " values"));
                    continue;
                }
                Object value = actual.orElse(null);
                boolean stringField = spot.stringField();
                if (spot.baseline() instanceof String && !(value instanceof String)) {
                    out.add(FluxFinding.at(
                            stringField ? Severity.ERROR : Severity.WARNING,
                            "flux/type-changes",
                            location,
                            "`" + spot.expression() + "` is substituted after kustomize drops the quotes: with "
                                    + used + " it reads as " + GoValues.jsonTypeName(value) + " "
                                    + GoValues.jsonText(value) + " instead of the string \"" + expected + "\""
                                    + (stringField
                                            ? "; " + spot.fieldText() + " must be a string, so the apply fails"
                                            : "; that is fine only if the field takes a "
                                                    + GoValues.jsonTypeName(value)),
                            "to keep a string, write the value as ${quote}...${quote} with quote: '\"' in the Flux"
                                    + " variables (\"Post build substitution of numbers and booleans\")"));
                    continue;
                }
                if (expected != null && value instanceof String s && !s.equals(expected)) {
                    out.add(FluxFinding.at(
                            Severity.ERROR,
                            "flux/value-changes",
                            location,
                            "after Flux substitutes " + used + " the value reads as \"" + abbreviate(s)
                                    + "\" instead of \"" + abbreviate(expected) + "\"",
                            "the substituted value must not hold YAML syntax (' #', ': ', line breaks) in a plain"
                                    + " scalar: use ${quote}...${quote} around it, or change the variable's value"));
                    continue;
                }
                if (value instanceof String s && holdsJson(manifest.kind(), scalar.segments(), s)) {
                    checkJson(scalar, s, location, used, out);
                }
            }
            return out;
        }
    }

    /** The decoded scalar is exactly one {@code ${...}} expression. */
    private static boolean wholePlaceholder(String value) {
        try {
            EnvsubstNode node = Envsubst.parse(value);
            List<EnvsubstNode> nodes = node instanceof EnvsubstNode.Sequence seq ? seq.nodes() : List.of(node);
            return nodes.size() == 1 && nodes.get(0) instanceof EnvsubstNode.Func;
        } catch (EnvsubstException e) {
            return false;
        }
    }

    private static void checkJson(
            YamlTree.Scalar scalar,
            String substituted,
            FluxLocation location,
            String sampleText,
            List<FluxFinding> out) {
        String jsonError = jsonError(substituted);
        if (jsonError != null) {
            out.add(FluxFinding.at(
                    Severity.ERROR,
                    "flux/json-breaks",
                    location,
                    "the JSON in " + scalar.path() + " does not parse after Flux substitutes " + sampleText + ": "
                            + jsonError,
                    "build the JSON with toJson/toPrettyJson so every placeholder sits inside a JSON string"));
        } else if (jsonError(scalar.value()) != null) {
            out.add(FluxFinding.at(
                    Severity.WARNING,
                    "flux/json-bare-placeholder",
                    location,
                    "the JSON in " + scalar.path() + " is only valid after substitution: a placeholder stands as a"
                            + " bare JSON value, so its JSON type depends on the variable's value",
                    "put the placeholder inside a JSON string (\"${...}\")"));
        }
    }

    /**
     * Null when {@code text} is one JSON value, or blank (JSON whitespace only: an empty file is "no value", as
     * Jackson's readTree had it before this check read with encoding/json's rules), else why not: Go's message and
     * where, as {@code (JSON line L, column C)} in the value's text.
     */
    static String jsonError(String text) {
        if (GoJson.isBlank(text)) {
            return null;
        }
        try {
            GoJson.read(text);
            return null;
        } catch (GoYamlException e) {
            return e.getMessage() + (e.line() > 0 ? " (JSON line " + e.line() + ", column " + e.column() + ")" : "");
        }
    }

    private static boolean holdsJson(String kind, List<Object> segments, String value) {
        if (segments.size() != 2 || !(segments.get(1) instanceof String key)) {
            return false;
        }
        boolean data = (kind.equals("ConfigMap") && "data".equals(segments.get(0)))
                || (kind.equals("Secret") && "stringData".equals(segments.get(0)));
        String trimmed = value.strip();
        return data && (key.endsWith(".json") || trimmed.startsWith("{") || trimmed.startsWith("["));
    }

    private static String fieldText(String kind, List<Object> segments) {
        Object first = segments.get(0);
        int n = segments.size();
        if ((kind.equals("ConfigMap") || kind.equals("Secret")) && n == 2) {
            return kind + " " + first + " value " + YamlTree.formatPath(segments);
        }
        if (n >= 2 && ("labels".equals(segments.get(n - 2)) || "annotations".equals(segments.get(n - 2)))) {
            return "the " + ("labels".equals(segments.get(n - 2)) ? "label " : "annotation ")
                    + YamlTree.formatPath(segments);
        }
        return YamlTree.formatPath(segments);
    }

    /** The value at a path: null when the path does not exist, Optional.empty() for a YAML null. */
    private static Optional<Object> navigate(Object root, List<Object> segments) {
        Object node = root;
        for (Object segment : segments) {
            if (segment instanceof Integer index && node instanceof List<?> list) {
                if (index >= list.size()) {
                    return null;
                }
                node = list.get(index);
            } else if (segment instanceof String key && node instanceof Map<?, ?> map) {
                if (!map.containsKey(key)) {
                    return null;
                }
                node = map.get(key);
            } else {
                return null;
            }
        }
        return Optional.ofNullable(node);
    }

    private static String safeEval(String text, java.util.function.Function<String, Optional<String>> lookup) {
        try {
            return Envsubst.eval(text, lookup, false);
        } catch (EnvsubstException e) {
            return text;
        }
    }

    private static String describe(SampleSet sample) {
        StringBuilder out = new StringBuilder();
        sample.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(e.getKey()).append('=').append(e.getValue());
        });
        return "(sample '" + sample.name() + "': " + out + ")";
    }

    private static String describeUsed(List<EnvsubstNode.Func> funcs, Map<String, String> vars, String sample) {
        Set<String> names = new LinkedHashSet<>();
        for (EnvsubstNode.Func f : funcs) {
            Envsubst.expressions(f).forEach(e -> names.add(e.param()));
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(name).append('=').append(vars.getOrDefault(name, "(unset: empty)"));
        }
        return out + " (sample '" + sample + "')";
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
