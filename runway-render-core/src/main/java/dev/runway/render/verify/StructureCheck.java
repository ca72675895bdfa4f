package dev.runway.render.verify;

import dev.runway.render.text.ClosestName;
import dev.runway.render.verify.KubeSchema.KindInfo;
import dev.runway.render.verify.KubeSchema.Lookup;
import dev.runway.render.verify.KubeSchema.Shape;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.ScalarType;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import dev.runway.render.yaml.YNode.YSeq;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each resource's shape the way the API server decodes it with strict field validation
 * ({@code fieldValidation=Strict}, kubectl's default since 1.27): unknown and duplicate fields, wrong JSON
 * types, bad quantities, int-or-string values; plus the fields the OpenAPI schema marks as required.
 */
final class StructureCheck {
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final java.util.regex.Pattern FLUX_VARIABLE =
            java.util.regex.Pattern.compile("\\$\\{[_A-Za-z][_A-Za-z0-9]*(:?[-=+?][^}]*)?}");

    private final KubeSchema schema;
    private final String target;

    /** Checks against the client models, for Kubernetes release {@code target} ({@code 1.33}). */
    StructureCheck(KubeSchema schema, String target) {
        this.schema = schema;
        this.target = target;
    }

    /** Checks one resource; returns its kind when it is a built-in one. */
    Optional<KindInfo> check(Resource r, Findings findings) {
        YMap root = r.root();
        boolean ok = requireTopString(r, "apiVersion", findings, "set apiVersion, for example apps/v1");
        ok &= requireTopString(r, "kind", findings, "set kind, for example Deployment");
        if (!ok) {
            return Optional.empty();
        }
        String apiVersion = r.ref().apiVersion();
        String kind = r.ref().kind();
        Optional<KubeApiVersions.Removal> removal = KubeApiVersions.removal(apiVersion, kind);
        if (removal.isPresent() && removal.get().removedIn() <= KubeApiVersions.minor(target)) {
            findings.error(
                    r,
                    "structure.api-not-served",
                    "apiVersion",
                    root.lineOf("apiVersion"),
                    apiVersion + " " + kind + " was removed in Kubernetes 1."
                            + removal.get().removedIn() + ": Kubernetes " + target + " does not serve it",
                    "use apiVersion " + removal.get().replacement() + " (and the fields of that version)");
            return Optional.empty();
        }
        Lookup lookup = schema.lookup(apiVersion, kind);
        if (lookup instanceof Lookup.Found) {
            Optional<Integer> since = KubeApiVersions.introducedIn(apiVersion, kind);
            if (since.isPresent() && since.get() > KubeApiVersions.minor(target)) {
                findings.error(
                        r,
                        "structure.api-not-served",
                        "apiVersion",
                        root.lineOf("apiVersion"),
                        apiVersion + " " + kind + " is served from Kubernetes 1." + since.get() + " on: Kubernetes "
                                + target + " does not serve it",
                        "use the version Kubernetes " + target + " serves, or target a newer Kubernetes (kubeVersion)");
                return Optional.empty();
            }
        }
        if (lookup instanceof Lookup.NotBuiltIn) {
            findings.info(
                    r,
                    "structure.not-checked",
                    "",
                    root.line(),
                    apiVersion + " " + kind + " is not a built-in kind of Kubernetes " + target
                            + " (a custom resource?): its fields were not checked",
                    "check it against its CustomResourceDefinition, or make sure the CRD is installed before it");
            return Optional.empty();
        }
        if (lookup instanceof Lookup.VersionNotServed v) {
            findings.error(
                    r,
                    "structure.unknown-kind",
                    "apiVersion",
                    root.lineOf("apiVersion"),
                    "Kubernetes " + target + " serves no version " + v.version() + " of group "
                            + (v.group().isEmpty() ? "core" : v.group()) + "; it serves "
                            + String.join(", ", v.served()),
                    "use apiVersion " + v.served().get(0) + " (and the fields of that version)");
            return Optional.empty();
        }
        if (lookup instanceof Lookup.KindNotServed k) {
            findings.error(
                    r,
                    "structure.unknown-kind",
                    "kind",
                    root.lineOf("kind"),
                    "no kind " + k.kind() + " in " + k.apiVersion(),
                    "use the apiVersion that serves " + k.kind() + " (kinds of " + k.apiVersion() + ": "
                            + shorten(String.join(", ", k.kinds())) + ")");
            return Optional.empty();
        }
        KindInfo info = ((Lookup.Found) lookup).info();
        walk(r, root, schema.objectShape(info.modelName()), "", findings);
        return Optional.of(info);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + ", ..." : text;
    }

    private boolean requireTopString(Resource r, String field, Findings findings, String fix) {
        YNode node = r.root().get(field);
        if (node == null || (node instanceof YScalar s && s.type() == ScalarType.NULL)) {
            findings.error(
                    r,
                    "structure.missing-field",
                    field,
                    r.root().line(),
                    "required field " + field + " is missing",
                    fix);
            return false;
        }
        if (!(node instanceof YScalar s) || !s.isString() || s.value().isEmpty()) {
            findings.error(
                    r,
                    "structure.wrong-type",
                    field,
                    node.line(),
                    field + " must be a non-empty string, got " + describe(node),
                    fix);
            return false;
        }
        return true;
    }

    private void walk(Resource r, YNode node, Shape shape, String path, Findings findings) {
        if (node instanceof YScalar s && s.type() == ScalarType.NULL) {
            return; // JSON null: the field stays unset
        }
        if (shape instanceof Shape.ObjectShape object) {
            walkObject(r, node, object, path, findings);
        } else if (shape instanceof Shape.ListShape list) {
            if (!(node instanceof YSeq seq)) {
                wrongType(r, node, path, "array", findings, "write a YAML list (lines starting with '- ')");
                return;
            }
            Shape element = schema.shapeOf(list.element());
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                if (element instanceof Shape.ObjectShape && item instanceof YScalar s && s.type() == ScalarType.NULL) {
                    item = new YMap(Map.of(), Map.of(), java.util.List.of(), item.line());
                }
                walk(r, item, element, Paths.index(path, i), findings);
            }
        } else if (shape instanceof Shape.MapShape map) {
            if (!(node instanceof YMap m)) {
                wrongType(r, node, path, "object", findings, "write a YAML mapping of keys to values");
                return;
            }
            reportDuplicates(r, m, path, findings);
            Shape value = schema.shapeOf(map.value());
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                walk(r, e.getValue(), value, Paths.key(path, e.getKey()), findings);
            }
        } else if (shape instanceof Shape.EnumShape enumShape) {
            if (!(node instanceof YScalar s) || !s.isString()) {
                wrongType(r, node, path, "string", findings, quoteFix(node));
            } else if (!enumShape.values().contains(s.value())) {
                findings.error(
                        r,
                        "structure.unsupported-value",
                        path,
                        node.line(),
                        "unsupported value \"" + s.value() + "\"",
                        "use one of " + enumShape.values());
            }
        } else {
            scalar(r, node, (Shape.Scalar) shape, path, findings);
        }
    }

    private void walkObject(Resource r, YNode node, Shape.ObjectShape object, String path, Findings findings) {
        if (!(node instanceof YMap m)) {
            wrongType(
                    r,
                    node,
                    path,
                    "object",
                    findings,
                    "write a YAML mapping with the fields of " + object.simpleName());
            return;
        }
        reportDuplicates(r, m, path, findings);
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            String field = e.getKey();
            String fieldPath = Paths.field(path, field);
            KubeSchema.JavaType type = object.type(field);
            if (type == null) {
                findings.error(
                        r,
                        "structure.unknown-field",
                        fieldPath,
                        m.lineOf(field),
                        "unknown field \"" + fieldPath + "\"",
                        unknownFieldFix(object, field));
                continue;
            }
            walk(r, e.getValue(), schema.shapeOf(type), fieldPath, findings);
            enumValue(r, object.simpleName(), field, e.getValue(), fieldPath, findings);
        }
        for (String required : object.required()) {
            YNode value = m.get(required);
            if (value == null || (value instanceof YScalar s && s.type() == ScalarType.NULL)) {
                String fieldPath = Paths.field(path, required);
                findings.error(
                        r,
                        "structure.missing-field",
                        fieldPath,
                        m.line(),
                        "required field \"" + fieldPath + "\" is missing",
                        "set " + required + " (required by " + object.simpleName() + ")");
            }
        }
    }

    /** A value outside the closed set the API server accepts ({@link KubeEnums}). */
    private static void enumValue(Resource r, String model, String field, YNode value, String path, Findings findings) {
        boolean unset = value instanceof YScalar s && s.value().isEmpty() && KubeEnums.emptyIsDefaulted(model, field);
        if (!unset) {
            var values = KubeEnums.allowed(model, field, false);
            if (values.isPresent()) {
                unsupported(r, value, values.get(), path, findings);
            }
        }
        if (value instanceof YSeq seq) {
            var values = KubeEnums.allowed(model, field, true);
            if (values.isPresent()) {
                for (int i = 0; i < seq.items().size(); i++) {
                    unsupported(r, seq.items().get(i), values.get(), Paths.index(path, i), findings);
                }
            }
        }
    }

    private static void unsupported(
            Resource r, YNode value, java.util.List<String> values, String path, Findings findings) {
        if (value instanceof YScalar s
                && s.isString()
                && !values.contains(s.value())
                && !s.value().contains("${")) {
            findings.error(
                    r,
                    "value.unsupported",
                    path,
                    s.line(),
                    "Unsupported value: \"" + s.value() + "\": " + KubeEnums.supported(values),
                    "use one of "
                            + String.join(
                                    ", ",
                                    values.stream()
                                            .map(v -> v.isEmpty() ? "\"\"" : v)
                                            .toList()) + " (the values are case-sensitive)");
        }
    }

    private static String unknownFieldFix(Shape.ObjectShape object, String field) {
        String close = ClosestName.of(field, object.fields().keySet());
        if (close != null) {
            return "did you mean \"" + close + "\"? Otherwise remove it: " + object.simpleName() + " has no field \""
                    + field + "\"";
        }
        return "remove it or move it to the right level: " + object.simpleName() + " has the fields "
                + shorten(String.join(", ", object.fields().keySet()));
    }

    private static void reportDuplicates(Resource r, YMap m, String path, Findings findings) {
        for (String key : m.duplicateKeys()) {
            String fieldPath = Paths.key(path, key);
            findings.error(
                    r,
                    "structure.duplicate-field",
                    fieldPath,
                    m.lineOf(key),
                    "duplicate field \"" + fieldPath + "\"",
                    "keep one of the entries for " + key);
        }
    }

    private void scalar(Resource r, YNode node, Shape.Scalar shape, String path, Findings findings) {
        YScalar s = node instanceof YScalar sc ? sc : null;
        if (s != null
                && s.isString()
                && shape != Shape.Scalar.STRING
                && shape != Shape.Scalar.ANY
                && FLUX_VARIABLE.matcher(s.value()).matches()) {
            // Flux substitutes the text before the API server sees it: an unquoted ${var} turns into its value.
            findings.info(
                    r,
                    "structure.flux-variable",
                    path,
                    node.line(),
                    "Flux variable " + s.value()
                            + " stands where a "
                            + shape.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " is required: checked only after substitution",
                    "make sure the variable's value is a valid "
                            + shape.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " and the placeholder is not quoted");
            return;
        }
        switch (shape) {
            case ANY -> {}
            case STRING -> {
                if (s == null || !s.isString()) {
                    wrongType(r, node, path, "string", findings, quoteFix(node));
                }
            }
            case BOOLEAN -> {
                if (s == null || s.type() != ScalarType.BOOL) {
                    wrongType(r, node, path, "boolean", findings, "write true or false, without quotes");
                }
            }
            case INT32, INT64 -> integer(r, s, node, path, shape == Shape.Scalar.INT32, findings);
            case FLOAT -> {
                if (s == null || !s.isNumber()) {
                    wrongType(r, node, path, "number", findings, "write a number, without quotes");
                }
            }
            case INT_OR_STRING -> {
                if (s != null && s.isString()) {
                    return;
                }
                if (s == null || !s.isNumber()) {
                    wrongType(
                            r,
                            node,
                            path,
                            "integer or string",
                            findings,
                            "write an integer, or a string such as \"25%\" or a port name");
                    return;
                }
                integer(r, s, node, path, true, findings);
            }
            case QUANTITY -> {
                if (s == null || !(s.isNumber() || s.isString())) {
                    wrongType(
                            r,
                            node,
                            path,
                            "quantity (string or number)",
                            findings,
                            "write a quantity such as \"500m\" or \"128Mi\"");
                    return;
                }
                if (Quantities.parse(s.value()).isEmpty()) {
                    findings.error(
                            r,
                            "structure.invalid-quantity",
                            path,
                            node.line(),
                            "\"" + s.value() + "\" is not a quantity: quantities must match "
                                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
                            "write a number with an optional suffix: m (milli), k, M, G, Ki, Mi, Gi, ... "
                                    + "(for example \"250m\", \"512Mi\")");
                }
            }
            case DATE_TIME -> {
                if (s == null || !s.isString()) {
                    wrongType(r, node, path, "string (RFC 3339 time)", findings, "write a quoted RFC 3339 time");
                    return;
                }
                try {
                    OffsetDateTime.parse(s.value());
                } catch (DateTimeParseException e) {
                    findings.error(
                            r,
                            "structure.wrong-type",
                            path,
                            node.line(),
                            "\"" + s.value() + "\" is not an RFC 3339 time",
                            "write a time such as \"2026-01-02T15:04:05Z\"");
                }
            }
            case DATE -> {
                if (s == null || !s.isString()) {
                    wrongType(r, node, path, "string (date)", findings, "write a quoted date such as \"2026-01-02\"");
                    return;
                }
                try {
                    LocalDate.parse(s.value());
                } catch (DateTimeParseException e) {
                    findings.error(
                            r,
                            "structure.wrong-type",
                            path,
                            node.line(),
                            "\"" + s.value() + "\" is not a date",
                            "write a date such as \"2026-01-02\"");
                }
            }
            case BYTES -> {
                if (s == null || !s.isString()) {
                    wrongType(r, node, path, "string (base64)", findings, "write the base64 text of the bytes, quoted");
                } else if (!isBase64(s.value())) {
                    findings.error(
                            r,
                            "structure.wrong-type",
                            path,
                            node.line(),
                            "value is not base64: the API server decodes this field as base64 bytes",
                            "encode the value with base64, or put plain text in a stringData/data field instead");
                }
            }
        }
    }

    private void integer(Resource r, YScalar s, YNode node, String path, boolean int32, Findings findings) {
        String type = int32 ? "integer (int32)" : "integer (int64)";
        if (s == null || !s.isNumber()) {
            wrongType(
                    r,
                    node,
                    path,
                    type,
                    findings,
                    s != null && s.isString() && s.value().matches("[-+]?[0-9]+")
                            ? "remove the quotes: " + s.value()
                            : "write a whole number");
            return;
        }
        BigDecimal value = s.number();
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            findings.error(
                    r,
                    "structure.wrong-type",
                    path,
                    node.line(),
                    "expected " + type + ", got number " + s.value(),
                    "write a whole number");
            return;
        }
        BigDecimal min = int32 ? INT32_MIN : INT64_MIN;
        BigDecimal max = int32 ? INT32_MAX : INT64_MAX;
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            findings.error(
                    r,
                    "structure.wrong-type",
                    path,
                    node.line(),
                    "number " + s.value() + " overflows " + type,
                    "write a number between " + min + " and " + max);
        }
    }

    private static String quoteFix(YNode node) {
        if (node instanceof YScalar s && !s.isString()) {
            return "quote the value: \"" + s.value() + "\"";
        }
        return "write a string";
    }

    private static void wrongType(Resource r, YNode node, String path, String expected, Findings findings, String fix) {
        findings.error(
                r, "structure.wrong-type", path, node.line(), "expected " + expected + ", got " + describe(node), fix);
    }

    static String describe(YNode node) {
        if (node instanceof YScalar s) {
            return switch (s.type()) {
                case STRING, TIMESTAMP -> "string \"" + s.value() + "\"";
                case NULL -> "null";
                default -> s.typeName() + " " + s.value();
            };
        }
        return node.typeName();
    }

    /** True when {@code text} is standard base64, as Go's encoding/json reads []byte. */
    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
