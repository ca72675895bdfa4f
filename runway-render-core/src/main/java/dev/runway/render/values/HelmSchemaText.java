package dev.runway.render.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.runway.render.gofmt.GoStrconv;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text Helm prints for values that break a schema: santhosh-tekuri/jsonschema v6's error tree (validator.go,
 * output.go, kind/kind.go), rebuilt from networknt's flat list of errors. Each networknt error carries the evaluation
 * path through the schema ({@code /properties/a/anyOf/1/$ref/minimum}) and the instance location; the path's
 * applicator steps give the tree santhosh builds while it walks, and its English wording is applied per keyword:
 * <pre>
 * - at '/age': minimum: got -5, want 0
 * - at '/mode': anyOf failed
 *   - at '/mode': got number, want string
 * </pre>
 * santhosh stops at the first of type, const, enum and format that fails in a schema object, and (before draft
 * 2019-09) looks only at {@code $ref} when a schema object has one; the rebuilt tree drops what santhosh would not
 * have reported. Where santhosh iterates a Go map (properties of a value), its order is random; errors here keep
 * networknt's order.
 */
final class HelmSchemaText {
    /** Applicators with an argument (a name or an index) before the sub-schema, and whether they descend into the value. */
    private static final Set<String> NAMED = Set.of(
            "properties",
            "patternProperties",
            "dependentSchemas",
            "dependencies",
            "allOf",
            "anyOf",
            "oneOf",
            "prefixItems",
            "$defs",
            "definitions");

    private static final Set<String> SINGLE = Set.of(
            "items",
            "additionalProperties",
            "additionalItems",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contains",
            "not",
            "if",
            "then",
            "else",
            "$ref",
            "$dynamicRef",
            "$recursiveRef",
            "propertyNames");
    private static final Set<String> DESCENDING = Set.of(
            "properties",
            "patternProperties",
            "prefixItems",
            "items",
            "additionalProperties",
            "additionalItems",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contains");
    private static final Set<String> REFS = Set.of("$ref", "$dynamicRef", "$recursiveRef");

    /** kind.Group's words; a group is never shown itself, only its errors. */
    private static final String GROUP = "validation failed";

    private HelmSchemaText() {}

    /** One error of santhosh's tree: "at '&lt;instance&gt;': &lt;message&gt;" with its causes below it. */
    record Node(String instance, String message, List<Node> causes, boolean reference, boolean group) {
        Node(String instance, String message, List<Node> causes, boolean reference) {
            this(instance, message, causes, reference, false);
        }
    }

    /**
     * networknt says only that {@code contains} or {@code propertyNames} failed; santhosh lists why under it. This
     * checks one value (an item, a property name) against the sub-schema the failed keyword holds, giving the errors
     * relative to that value (empty when the sub-schema cannot be reached).
     */
    interface SubSchemaCheck {
        List<Error> errors(Error keyword, JsonNode value);

        SubSchemaCheck NONE = (keyword, value) -> List.of();
    }

    /** One schema object applied to one value: its own failed keywords and the sub-schemas applied from it. */
    private static final class Scope {
        final List<String> instance;
        final Map<String, List<Error>> keywords = new LinkedHashMap<>();
        final Map<String, Scope> children = new LinkedHashMap<>();

        Scope(List<String> instance) {
            this.instance = instance;
        }
    }

    /**
     * Helm's text for these errors (empty list: empty text): each top-level error on its own {@code - } line, causes
     * indented below, without santhosh's first line, which Helm trims.
     *
     * @param errors   networknt's errors for one schema and one values tree
     * @param draft4to7 whether the schema is read as draft 4, 6 or 7 ({@code $ref} hides its siblings)
     */
    static String of(List<Error> errors, boolean draft4to7) {
        return of(errors, draft4to7, SubSchemaCheck.NONE);
    }

    /** {@link #of(List, boolean)} with the causes of failed {@code contains} and {@code propertyNames} found by {@code check}. */
    static String of(List<Error> errors, boolean draft4to7, SubSchemaCheck check) {
        List<Node> top = new ArrayList<>(schemaCauses(tree(errors, List.of(), new Context(draft4to7, check, 0))));
        if (top.isEmpty()) {
            // Only errors santhosh would not report survived the pruning (networknt and santhosh disagree): say them
            // in networknt's words rather than let the values pass.
            for (Error error : errors) {
                top.add(new Node(pointer(segments(error.getInstanceLocation())), error.getMessage(), List.of(), false));
            }
        }
        StringBuilder out = new StringBuilder();
        for (Node node : top) {
            display(node, out, 1);
        }
        return out.length() > 0 && out.charAt(0) == '\n' ? out.substring(1) : out.toString();
    }

    /** How errors are read, and how deep re-validation has gone (a schema nesting contains in contains is bounded). */
    private record Context(boolean draft4to7, SubSchemaCheck check, int depth) {
        Context deeper() {
            return new Context(draft4to7, check, depth + 1);
        }
    }

    /** Re-validations nest at most this deep: santhosh's causes are finite, and hostile schemas stay bounded. */
    private static final int MAX_DEPTH = 8;

    /** santhosh's errors of one validation whose value sits at {@code prefix}. */
    private static List<Node> tree(List<Error> errors, List<String> prefix, Context context) {
        Scope root = new Scope(prefix);
        for (Error error : errors) {
            place(root, error, prefix);
        }
        return evaluate(root, context);
    }

    private static void place(Scope root, Error error, List<String> prefix) {
        List<String> path = segments(error.getEvaluationPath());
        List<String> instance = new ArrayList<>(prefix);
        instance.addAll(segments(error.getInstanceLocation()));
        Scope scope = root;
        int used = prefix.size();
        int i = 0;
        while (i < path.size()) {
            String step = path.get(i);
            boolean more = i + 1 < path.size();
            String key;
            int width;
            if (NAMED.contains(step) && i + 2 < path.size()) {
                key = step + "/" + path.get(i + 1);
                width = 2;
            } else if ("items".equals(step)
                    && i + 2 < path.size()
                    && path.get(i + 1).chars().allMatch(Character::isDigit)) {
                key = "items/" + path.get(i + 1); // draft 4-7 tuple form
                width = 2;
            } else if (SINGLE.contains(step) && more) {
                key = step;
                width = 1;
            } else {
                break;
            }
            if (DESCENDING.contains(step) && used < instance.size()) {
                key = key + "@" + instance.get(used);
                used++;
            }
            int depth = used;
            scope = scope.children.computeIfAbsent(key, k -> new Scope(instance.subList(0, depth)));
            i += width;
        }
        String keyword = i < path.size()
                ? String.join("/", path.subList(i, path.size()))
                : Objects.requireNonNullElse(error.getKeyword(), "");
        scope.keywords.computeIfAbsent(keyword, k -> new ArrayList<>()).add(error);
    }

    /** santhosh's vd.errors for one scope, in the order validator.go adds them. */
    private static List<Node> evaluate(Scope scope, Context context) {
        String at = pointer(scope.instance);
        for (String early : EARLY) {
            List<Error> failed = scope.keywords.get(early);
            if (failed != null) {
                return List.of(leaf(at, early, failed));
            }
        }
        List<Node> out = new ArrayList<>();
        for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
            if (REFS.contains(child.getKey())) {
                Node result = result(child.getValue(), context);
                if (result != null) {
                    // validateRef: a group's errors become the reference's causes; one cause is shown in its place.
                    List<Node> causes = result.group() ? result.causes() : List.of(result);
                    out.add(new Node(at, "validation failed", causes, causes.size() == 1));
                }
            }
        }
        if (context.draft4to7() && scope.children.containsKey("$ref")) {
            return out;
        }
        for (String keyword : OBJECT_COUNTS) {
            addLeaf(out, at, keyword, scope.keywords.get(keyword));
        }
        for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
            String key = child.getKey();
            if (key.startsWith("dependencies/")) {
                addResult(out, child.getValue(), context);
            }
        }
        addLeaf(out, at, "dependencies", scope.keywords.get("dependencies"));
        for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
            String key = child.getKey();
            if (key.startsWith("properties/")
                    || key.startsWith("patternProperties/")
                    || key.startsWith("additionalProperties@")) {
                addResult(out, child.getValue(), context);
            }
        }
        for (String keyword : AFTER_PROPERTIES) {
            if (keyword.equals("propertyNames")) {
                propertyNames(out, scope.keywords.get(keyword), context);
                for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
                    if (child.getKey().startsWith("dependentSchemas/")) {
                        addResult(out, child.getValue(), context);
                    }
                }
            } else {
                addLeaf(out, at, keyword, scope.keywords.get(keyword));
            }
        }
        for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
            String key = child.getKey();
            if (key.startsWith("items") || key.startsWith("prefixItems/") || key.startsWith("additionalItems")) {
                addResult(out, child.getValue(), context);
            }
        }
        contains(out, scope, context);
        for (String keyword : VALUE_KEYWORDS) {
            addLeaf(out, at, keyword, scope.keywords.get(keyword));
        }
        for (String combinator : COMBINATORS) {
            List<Node> causes = new ArrayList<>();
            for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
                if (child.getKey().startsWith(combinator + "/")) {
                    Node result = result(child.getValue(), context);
                    if (result != null) {
                        causes.add(result);
                    }
                }
            }
            List<Error> own = scope.keywords.get(combinator);
            List<String> matched = own == null ? List.of() : matchedIndexes(own.get(0));
            if (combinator.equals("oneOf") && matched.size() >= 2) {
                out.add(new Node(
                        at,
                        "'oneOf' failed, subschemas " + matched.get(0) + ", " + matched.get(1) + " matched",
                        List.of(),
                        false));
            } else if (!causes.isEmpty()) {
                out.add(new Node(
                        at,
                        combinator.equals("oneOf") ? "'oneOf' failed, none matched" : "'" + combinator + "' failed",
                        causes,
                        false));
            }
        }
        for (String branch : List.of("then", "else")) {
            Scope child = scope.children.get(branch);
            if (child != null) {
                addResult(out, child, context);
            }
        }
        for (Map.Entry<String, Scope> child : scope.children.entrySet()) {
            if (child.getKey().startsWith("unevaluated")) {
                addResult(out, child.getValue(), context);
            }
        }
        for (String keyword : UNEVALUATED) {
            addLeaf(out, at, keyword, scope.keywords.get(keyword));
        }
        // Keywords without a santhosh wording here keep networknt's text, after the known ones.
        for (Map.Entry<String, List<Error>> keyword : scope.keywords.entrySet()) {
            if (!WORDED.contains(keyword.getKey())) {
                for (Error error : keyword.getValue()) {
                    out.add(new Node(at, error.getMessage(), List.of(), false));
                }
            }
        }
        return out;
    }

    // The keywords evaluate words, group by group in its order; WORDED is made of these lists so that a keyword
    // added to the walk is never also reported a second time in networknt's text.
    private static final List<String> EARLY = List.of("type", "const", "enum", "format");
    private static final List<String> OBJECT_COUNTS = List.of("minProperties", "maxProperties", "required");
    private static final List<String> AFTER_PROPERTIES = List.of(
            "additionalProperties", "propertyNames", "dependentRequired", "minItems", "maxItems", "uniqueItems");
    private static final List<String> VALUE_KEYWORDS = List.of(
            "minLength",
            "maxLength",
            "pattern",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "not",
            "false");
    private static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> UNEVALUATED = List.of("unevaluatedProperties", "unevaluatedItems");

    private static final Set<String> WORDED = Stream.of(
                    EARLY,
                    OBJECT_COUNTS,
                    List.of("dependencies"),
                    AFTER_PROPERTIES,
                    List.of("contains"),
                    VALUE_KEYWORDS,
                    COMBINATORS,
                    UNEVALUATED)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * validator.go propertyNames: each failing name is validated as a value of its own (so "at ''"), and the
     * errors of that validation (a group's errors, or the one error) become the causes of "invalid propertyName".
     */
    private static void propertyNames(List<Node> out, List<Error> errors, Context context) {
        if (errors == null) {
            return;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Error error : errors) {
            String name = String.valueOf(error.getProperty());
            if (!seen.add(name)) {
                continue; // networknt reports a name once per keyword of the sub-schema it fails
            }
            List<Node> causes = context.depth() >= MAX_DEPTH
                    ? List.of()
                    : schemaCauses(tree(
                            context.check().errors(error, JsonNodeFactory.instance.textNode(name)),
                            List.of(),
                            context.deeper()));
            out.add(new Node("", "invalid propertyName " + quote(name), causes, false));
        }
    }

    /** validator.go contains: each item's failure against the sub-schema (validateVal's result) is a cause. */
    private static void contains(List<Node> out, Scope scope, Context context) {
        List<Error> errors = scope.keywords.get("contains");
        if (errors == null) {
            return;
        }
        Error error = errors.get(0);
        List<Node> causes = new ArrayList<>();
        JsonNode array = error.getInstanceNode();
        if (array != null && array.isArray() && context.depth() < MAX_DEPTH) {
            for (int i = 0; i < array.size(); i++) {
                List<String> item = new ArrayList<>(scope.instance);
                item.add(Integer.toString(i));
                Node result = result(tree(context.check().errors(error, array.get(i)), item, context.deeper()), item);
                if (result != null) {
                    causes.add(result);
                }
            }
        }
        out.add(new Node(pointer(scope.instance), "no items match contains schema", causes, false));
    }

    /**
     * Schema.validate's causes (validator.go): the errors of the whole validation, where a lone group (a value
     * deep down failing several keywords, and nothing else failing) gives its own errors instead.
     */
    private static List<Node> schemaCauses(List<Node> errors) {
        return errors.size() == 1 && errors.get(0).group() ? errors.get(0).causes() : errors;
    }

    /** What a sub-schema's validation returns to its caller: nothing, its one error, or a group of them. */
    private static Node result(Scope scope, Context context) {
        return result(evaluate(scope, context), scope.instance);
    }

    private static Node result(List<Node> errors, List<String> instance) {
        return switch (errors.size()) {
            case 0 -> null;
            case 1 -> errors.get(0);
            // v6.0.2 shows a group ("validation failed") above its errors, except as a reference's target.
            default -> new Node(pointer(instance), GROUP, errors, false, true);
        };
    }

    private static void addResult(List<Node> out, Scope scope, Context context) {
        Node result = result(scope, context);
        if (result != null) {
            out.add(result);
        }
    }

    private static void addLeaf(List<Node> out, String at, String keyword, List<Error> errors) {
        if (errors != null) {
            out.add(leaf(at, keyword, errors));
        }
    }

    /** santhosh's wording of one failed keyword (kind/kind.go LocalizedString). */
    private static Node leaf(String at, String keyword, List<Error> errors) {
        Error first = errors.get(0);
        JsonNode value = first.getInstanceNode();
        JsonNode want = first.getSchemaNode();
        String message = switch (keyword) {
            case "type" -> "got " + jsonType(value) + ", want " + types(want);
            case "const" ->
                want != null && want.isContainerNode() ? "'const' failed" : "value must be " + display(want);
            case "enum" -> enumWords(want);
            case "format" -> formatWords(value, want == null ? "" : want.asText());
            case "required" -> names("missing property ", "missing properties ", errors);
            case "additionalProperties" -> "additional properties " + quotedProperties(errors) + " not allowed";
            case "dependencies", "dependentRequired" -> dependentWords(errors);
            case "propertyNames" -> "invalid propertyName " + quote(String.valueOf(first.getProperty()));
            case "minProperties", "maxProperties", "minItems", "maxItems" ->
                keyword + ": got " + group(String.valueOf(value == null ? 0 : value.size())) + ", want "
                        + integer(want);
            case "minLength", "maxLength" ->
                keyword + ": got "
                        + group(String.valueOf(
                                value == null
                                        ? 0
                                        : value.asText()
                                                .codePointCount(
                                                        0, value.asText().length())))
                        + ", want " + integer(want);
            case "pattern" ->
                quote(value == null ? "" : value.asText()) + " does not match pattern "
                        + quote(want == null ? "" : want.asText());
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
                keyword + ": got " + goFloat(value) + ", want " + goFloat(want);
            case "uniqueItems" -> duplicates(value);
            case "contains" -> "no items match contains schema";
            case "not" -> "'not' failed";
            case "false" -> "false schema";
            default -> first.getMessage();
        };
        return new Node(at, message, List.of(), false);
    }

    /**
     * output.go display: a {@code $ref} with one cause is not shown itself, only its cause, at its place (v6.0.2, the
     * version Helm 3.21 and 4.1 link).
     */
    private static void display(Node node, StringBuilder out, int indent) {
        if (!node.reference()) {
            out.append('\n');
            for (int i = 0; i < indent - 1; i++) {
                out.append("  ");
            }
            out.append("- at ").append(quote(node.instance())).append(": ").append(node.message());
            indent++;
        }
        for (Node cause : node.causes()) {
            display(cause, out, indent);
        }
    }

    /** kind.Format: "'300.1.1.1' is not valid ipv4: decimal must be between 0 and 255" (the reason when known). */
    private static String formatWords(JsonNode value, String format) {
        String reason = value != null && value.isTextual() ? FormatReasons.of(format, value.asText()) : null;
        return display(value) + " is not valid " + format + (reason == null ? "" : ": " + reason);
    }

    /** The indexes of the alternatives that matched, from networknt's oneOf arguments ({@code [2, "0, 1"]}). */
    private static List<String> matchedIndexes(Error oneOf) {
        List<String> out = new ArrayList<>();
        Object[] args = oneOf.getArguments();
        if (args != null) {
            for (int i = 1; i < args.length; i++) {
                for (String part : String.valueOf(args[i]).split(",", -1)) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    /** kind.DependentRequired: "properties 'b', 'c' required, if 'a' exists" (networknt: one error per missing). */
    private static String dependentWords(List<Error> errors) {
        List<String> missing = new ArrayList<>();
        String present = "";
        for (Error error : errors) {
            Object[] args = error.getArguments();
            if (args != null && args.length >= 2) {
                missing.add(String.valueOf(args[0]));
                present = String.valueOf(args[1]);
            }
        }
        return missing.isEmpty()
                ? errors.get(0).getMessage()
                : "properties " + join(missing) + " required, if " + quote(present) + " exists";
    }

    private static String names(String one, String many, List<Error> errors) {
        List<String> names = new ArrayList<>();
        for (Error error : errors) {
            if (!names.contains(error.getProperty())) {
                names.add(error.getProperty());
            }
        }
        return (names.size() == 1 ? one : many) + join(names);
    }

    private static String quotedProperties(List<Error> errors) {
        List<String> names = new ArrayList<>();
        errors.forEach(e -> names.add(e.getProperty()));
        return join(names);
    }

    private static String join(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(quote(String.valueOf(n))));
        return String.join(", ", quoted);
    }

    /** santhosh's JSON type of a value: every number is a "number". */
    private static String jsonType(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isTextual() || value.isBinary()) {
            return "string";
        }
        return value.isArray() ? "array" : "object";
    }

    /** Types.ToStrings: the wanted types in santhosh's fixed order, joined with " or ". */
    private static String types(JsonNode want) {
        List<String> declared = new ArrayList<>();
        if (want != null && want.isArray()) {
            want.forEach(t -> declared.add(t.asText()));
        } else if (want != null) {
            declared.add(want.asText());
        }
        List<String> ordered = new ArrayList<>();
        for (String t : List.of("null", "boolean", "number", "integer", "string", "array", "object")) {
            if (declared.contains(t)) {
                ordered.add(t);
            }
        }
        return String.join(" or ", ordered);
    }

    private static String enumWords(JsonNode want) {
        if (want == null || !want.isArray()) {
            return "'enum' failed";
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : want) {
            if (item.isContainerNode()) {
                return "'enum' failed";
            }
            items.add(display(item));
        }
        return items.size() == 1 ? "value must be " + items.get(0) : "value must be one of " + String.join(", ", items);
    }

    /** kind.go display: strings quoted, numbers as the schema wrote them, null as Go prints nil. */
    private static String display(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "<nil>";
        }
        if (value.isTextual()) {
            return quote(value.asText());
        }
        if (value.isContainerNode()) {
            return "value";
        }
        return value.asText();
    }

    /** uniqueItems: the first later item equal to an earlier one (util.go duplicates). */
    private static String duplicates(JsonNode array) {
        if (array != null && array.isArray()) {
            for (int i = 1; i < array.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (sameJson(array.get(i), array.get(j))) {
                        return "items at " + j + " and " + i + " are equal";
                    }
                }
            }
        }
        return "items are not unique";
    }

    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String integer(JsonNode want) {
        return want == null ? "0" : group(want.asText());
    }

    /**
     * A float64 as golang.org/x/text/message's English printer prints {@code %v}: strconv's shortest 'g' form
     * (exponent when it is below -4 or from 6 up), digits grouped by thousands, and an exponent written as
     * {@code ×10} with superscript digits ({@code 1.234567×10⁰⁶}).
     */
    static String goFloat(JsonNode number) {
        if (number == null || !number.isNumber()) {
            return number == null ? "0" : number.asText();
        }
        double d = number.doubleValue();
        if (d == 0) {
            return "0";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String power = (exponent < 0 ? "-" : "") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            StringBuilder superscript = new StringBuilder();
            for (int i = 0; i < power.length(); i++) {
                char c = power.charAt(i);
                superscript.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
            }
            return (d < 0 ? "-" : "") + mantissa + "×10" + superscript;
        }
        return group(exact.toPlainString());
    }

    /** golang.org/x/text/message's English grouping of the integer digits: 1234567 is 1,234,567. */
    static String group(String number) {
        int start = number.startsWith("-") ? 1 : 0;
        int dot = number.indexOf('.');
        int end = dot < 0 ? number.length() : dot;
        if (end - start <= 3 || !number.substring(start, end).chars().allMatch(Character::isDigit)) {
            return number;
        }
        StringBuilder out = new StringBuilder(number.substring(0, start));
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(number.charAt(i));
        }
        return out.append(number.substring(end)).toString();
    }

    /** santhosh's quote: Go's %q with single quotes outside, {@code "} unescaped and {@code '} escaped. */
    static String quote(String s) {
        String go = GoStrconv.quote(s);
        return "'" + go.substring(1, go.length() - 1).replace("\\\"", "\"").replace("'", "\\'") + "'";
    }

    /** A JSON pointer of the instance location (RFC 6901 escapes). */
    private static String pointer(List<String> instance) {
        StringBuilder out = new StringBuilder();
        for (String token : instance) {
            out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private static List<String> segments(NodePath location) {
        List<String> out = new ArrayList<>();
        if (location != null) {
            for (int i = 0; i < location.getNameCount(); i++) {
                out.add(String.valueOf(location.getElement(i)));
            }
        }
        return out;
    }
}
