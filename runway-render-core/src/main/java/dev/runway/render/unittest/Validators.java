package dev.runway.render.unittest;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.regexp.GoRegexp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * helm-unittest's validators (pkg/unittest/validators), one record per assertion kind, with the same verdicts and
 * failure lines. Values compare as Go's reflect.DeepEqual compares yaml.v3 values: an integer never equals a
 * float, a string never equals a number.
 */
final class Validators {
    private Validators() {}

    /** Validatable. */
    sealed interface Validator
            permits Equal,
                    Operator,
                    Exists,
                    Contains,
                    ContainsDocument,
                    IsSubset,
                    IsNullOrEmpty,
                    IsType,
                    LengthEqual,
                    MatchRegex,
                    MatchRegexRaw,
                    EqualRaw,
                    FailedTemplate,
                    HasDocuments,
                    IsKind,
                    IsApiVersion,
                    MatchSnapshot,
                    MatchSnapshotRaw {
        Outcome validate(ValidateContext context);
    }

    // ---- shared loops

    /** One manifest's check: success and failure lines. */
    private interface PerManifest {
        Outcome check(Map<String, Object> manifest, int manifestIndex);
    }

    /** One found value's check. */
    private interface PerValue {
        Outcome check(Object actual, int manifestIndex, int valueIndex);
    }

    /** The loop every path validator runs over the selected manifests, and the empty-selection rule. */
    private static Outcome overManifests(ValidateContext c, PerManifest each, List<String> noManifestInfo) {
        List<Map<String, Object>> manifests = c.manifests();
        if (manifests.isEmpty()) {
            return new Outcome(c.negative(), c.negative() ? List.of() : noManifestInfo);
        }
        return eachCounted(c, manifests.size(), false, i -> each.check(manifests.get(i), i));
    }

    /** The loop over the values a path finds in one manifest. */
    private static Outcome overValues(
            ValidateContext c,
            Map<String, Object> manifest,
            int manifestIndex,
            String path,
            String unknownPathMessage,
            PerValue each) {
        Found found = find(c, manifest, manifestIndex, path, unknownPathMessage);
        if (found.failure() != null) {
            return found.failure();
        }
        List<Object> actuals = found.values();
        return eachCounted(
                c,
                actuals.size(),
                actuals.isEmpty() && c.negative(),
                i -> each.check(actuals.get(i), manifestIndex, i));
    }

    /**
     * helm-unittest's loop over manifests or found values: the first result alone, then all of them together, make
     * the success; every result's lines are kept; under failFast the loop ends at the first failure.
     */
    private static Outcome eachCounted(ValidateContext c, int count, boolean success, IntFunction<Outcome> check) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Outcome o = check.apply(i);
            errors.addAll(o.info());
            success = FailInfo.determine(i, success, o.passed());
            if (!success && c.failFast()) {
                break;
            }
        }
        return new Outcome(success, errors);
    }

    /** What a path finds in one manifest: the values, or the failure reported before looking at any (null if none). */
    private record Found(List<Object> values, Outcome failure) {}

    private static Found find(
            ValidateContext c,
            Map<String, Object> manifest,
            int manifestIndex,
            String path,
            String unknownPathMessage) {
        List<Object> values;
        try {
            values = ValuePaths.get(manifest, path);
        } catch (ValuePaths.PathException e) {
            return new Found(List.of(), Outcome.fail(FailInfo.error(manifestIndex, -1, e.getMessage())));
        }
        if (values.isEmpty() && !c.negative()) {
            return new Found(values, Outcome.fail(FailInfo.error(manifestIndex, -1, unknownPathMessage)));
        }
        return new Found(values, null);
    }

    /**
     * The loop of the validators whose check of a manifest only passes or fails (isKind, isAPIVersion, the Raw ones):
     * a failing manifest makes the result false whatever came before and, under failFast, ends the loop; with no
     * manifest the result fails with {@code noManifest}'s lines unless negated.
     */
    private static Outcome eachStrictly(
            ValidateContext c, IntFunction<Outcome> check, java.util.function.Supplier<List<String>> noManifest) {
        List<Map<String, Object>> manifests = c.manifests();
        boolean success = false;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            Outcome o = check.apply(i);
            if (!o.passed()) {
                success = false;
                errors.addAll(o.info());
                if (c.failFast()) {
                    break;
                }
                continue;
            }
            success = FailInfo.determine(i, success, true);
        }
        if (manifests.isEmpty() && !c.negative()) {
            errors.addAll(noManifest.get());
        } else if (manifests.isEmpty()) {
            success = true;
        }
        return new Outcome(success, errors);
    }

    private static String yaml(Object v) {
        return UnittestYaml.marshal(v);
    }

    /** Base64-decodes a found string for decodeBase64; null when it is not valid base64. */
    private static String base64(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- equal / notEqual

    record Equal(String path, Object value, boolean decodeBase64) implements Validator {
        private List<String> failInfo(Object actual, int manifestIndex, int actualIndex, boolean not) {
            String expected = yaml(value);
            if (not) {
                return FailInfo.split(
                        FailInfo.format(true, true, false, false, " to equal"),
                        manifestIndex,
                        actualIndex,
                        path,
                        expected);
            }
            String actualYaml = yaml(actual);
            return FailInfo.split(
                    FailInfo.format(false, true, true, true, " to equal"),
                    manifestIndex,
                    actualIndex,
                    path,
                    expected,
                    actualYaml,
                    FailInfo.diff(expected, actualYaml));
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overManifests(
                    c,
                    (m, mi) -> overValues(c, m, mi, path, "unknown path " + path, (actual, m2, ai) -> {
                        Object a = actual;
                        if (a instanceof String s) {
                            if (decodeBase64) {
                                s = base64(s);
                                if (s == null) {
                                    return Outcome.fail(FailInfo.error(
                                            m2, ai, "unable to decode base64 expected content " + actual));
                                }
                            }
                            a = FailInfo.uniform(s);
                        }
                        if (Objects.equals(value, a) == c.negative()) {
                            return Outcome.fail(failInfo(a, m2, ai, c.negative()));
                        }
                        return Outcome.pass();
                    }),
                    failInfo("no manifest found", -1, -1, c.negative()));
        }
    }

    // ---- greaterOrEqual / lessOrEqual (operator_validator.go, its quirks included)

    record Operator(String path, Object value, String comparison) implements Validator {
        private List<String> failInfo(String msg, int manifestIndex, int actualIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, false, false, " to be " + comparison + " then or equal to, got"),
                    manifestIndex,
                    actualIndex,
                    path,
                    msg);
        }

        /** compareXValues: {@code A || B == negative}, as Go's precedence reads it. */
        private boolean compare(int cmp, boolean negative) {
            boolean greater = comparison.equals("greater") && cmp >= 0;
            boolean less = comparison.equals("less") && cmp <= 0;
            return greater || (less == negative);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overManifests(
                    c, (m, mi) -> manifest(c, m, mi), failInfo("no manifests found", -1, -1, c.negative()));
        }

        private Outcome manifest(ValidateContext c, Map<String, Object> manifest, int mi) {
            Found found = find(c, manifest, mi, path, "unknown path '" + path + "'");
            if (found.failure() != null) {
                return found.failure();
            }
            List<Object> actuals = found.values();
            boolean success = actuals.isEmpty() && c.negative();
            List<String> errors = new ArrayList<>();
            for (int ai = 0; ai < actuals.size(); ai++) {
                Object actual = actuals.get(ai);
                String actType = actual == null ? "<nil>" : GoValues.yamlV3TypeName(actual);
                String expType = value == null ? "<nil>" : GoValues.yamlV3TypeName(value);
                if (actual == null || value == null || actual.getClass() != value.getClass()) {
                    errors.addAll(FailInfo.error(
                            mi, ai, "actual '" + actType + "' and expected '" + expType + "' types do not match"));
                    continue;
                }
                boolean single;
                if (value instanceof String e) {
                    single = compare(Integer.signum(((String) actual).compareTo(e)), !c.negative());
                } else if (value instanceof Long e) {
                    single = compare(Long.compare((Long) actual, e), !c.negative());
                } else if (value instanceof Double e) {
                    single = compare(Double.compare((Double) actual, e), !c.negative());
                } else {
                    errors.addAll(failInfo("unsupported type '" + expType + "'", mi, ai, c.negative()));
                    success = FailInfo.determine(ai, success, false);
                    continue;
                }
                if (!single) {
                    errors.addAll(failInfo(
                            "the actual '" + GoFmt.formatValue(actual) + "' is not " + comparison
                                    + " or equal to the expected '" + GoFmt.formatValue(value) + "'",
                            mi,
                            ai,
                            c.negative()));
                }
                success = FailInfo.determine(ai, success, single);
                if (!success && c.failFast()) {
                    break;
                }
            }
            return new Outcome(success, errors);
        }
    }

    // ---- exists / notExists

    record Exists(String path) implements Validator {
        private List<String> failInfo(int manifestIndex, boolean not) {
            return FailInfo.split("Path:%s expected to " + (not ? "NOT " : "") + "exists", manifestIndex, -1, path);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            List<Map<String, Object>> manifests = c.manifests();
            boolean success = false;
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                List<Object> actual;
                try {
                    actual = ValuePaths.get(manifests.get(i), path);
                } catch (ValuePaths.PathException e) {
                    success = false;
                    errors.addAll(FailInfo.error(i, -1, e.getMessage()));
                    if (c.failFast()) {
                        break;
                    }
                    continue;
                }
                if (!actual.isEmpty() == c.negative()) {
                    success = false;
                    errors.addAll(failInfo(i, c.negative()));
                    continue;
                }
                success = FailInfo.determine(i, success, true);
            }
            if (manifests.isEmpty() && !c.negative()) {
                errors.addAll(failInfo(-1, false));
            } else if (manifests.isEmpty()) {
                success = true;
            }
            return new Outcome(success, errors);
        }
    }

    // ---- contains / notContains

    record Contains(String path, Object content, Long count, boolean any) implements Validator {
        private List<String> failInfo(Object actual, int manifestIndex, int index, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, true, false, " to contain"),
                    manifestIndex,
                    index,
                    path,
                    yaml(java.util.Arrays.asList(content)),
                    yaml(actual));
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overManifests(
                    c,
                    (m, mi) -> overValues(c, m, mi, path, "unknown path " + path, (actual, m2, vi) -> {
                        if (!(actual instanceof List<?> list)) {
                            return Outcome.fail(FailInfo.error(
                                    m2, vi, "expect '" + path + "' to be an array, got:\n" + yaml(actual)));
                        }
                        return single(list, m2, vi, c);
                    }),
                    failInfo("no manifest found", 0, -1, c.negative()));
        }

        private Outcome single(List<?> actual, int mi, int vi, ValidateContext c) {
            boolean found = false;
            int foundCount = 0;
            for (Object ele : actual) {
                boolean isArray = false;
                if (any) {
                    if (ele instanceof Map<?, ?> sub && content instanceof Map<?, ?> want) {
                        if (subset(sub, want)) {
                            found = true;
                            foundCount++;
                        }
                    } else {
                        isArray = true;
                    }
                }
                if ((!any || isArray) && Objects.equals(ele, content)) {
                    found = true;
                    foundCount++;
                }
            }
            if (count == null && found == c.negative()) {
                return Outcome.fail(failInfo(actual, mi, vi, c.negative()));
            }
            if (count != null && ((found && count.longValue() == foundCount) == c.negative())) {
                if (!found) {
                    return Outcome.fail(failInfo(actual, mi, vi, c.negative()));
                }
                return Outcome.fail(FailInfo.error(
                        mi,
                        vi,
                        "expect count " + count + " in '" + path + "' to be in array, got " + foundCount + ":\n"
                                + yaml(actual)));
            }
            return Outcome.pass();
        }
    }

    /** validateSubset: every key of content equal in actual. */
    static boolean subset(Map<?, ?> actual, Map<?, ?> content) {
        for (Map.Entry<?, ?> e : content.entrySet()) {
            if (!Objects.equals(actual.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    // ---- containsDocument

    record ContainsDocument(String kind, String apiVersion, String name, String namespace, boolean any)
            implements Validator {
        private String joinOutput() {
            StringBuilder sb = new StringBuilder("Kind = " + kind + ", apiVersion = " + apiVersion);
            if (!name.isEmpty()) {
                sb.append(", Name = ").append(name);
            }
            if (!namespace.isEmpty()) {
                sb.append(", Namespace = ").append(namespace);
            }
            return sb.toString();
        }

        private List<String> failInfo(int manifestIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, false, false, false, " to contain document"), manifestIndex, -1, joinOutput());
        }

        private boolean matches(Map<String, Object> m) {
            if (m.get("kind") instanceof String k && !k.equals(kind)) {
                return false;
            }
            if (m.get("apiVersion") instanceof String a && !a.equals(apiVersion)) {
                return false;
            }
            if (!name.isEmpty()) {
                List<Object> n = ValuePaths.get(m, "metadata.name");
                if (n.isEmpty() || !name.equals(n.get(0))) {
                    return false;
                }
            }
            if (!namespace.isEmpty()) {
                List<Object> n = ValuePaths.get(m, "metadata.namespace");
                return !n.isEmpty() && namespace.equals(n.get(0));
            }
            return true;
        }

        @Override
        public Outcome validate(ValidateContext c) {
            List<Map<String, Object>> manifests = c.manifests();
            boolean success = false;
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                boolean ok = matches(manifests.get(i));
                if (ok == c.negative()) {
                    ok = false;
                    errors.addAll(failInfo(i, c.negative()));
                    if (c.failFast()) {
                        success = false;
                        break;
                    }
                } else {
                    ok = true;
                    if (any != c.negative()) {
                        success = true;
                        errors.clear();
                        break;
                    }
                }
                success = FailInfo.determine(i, success, ok);
            }
            if (manifests.isEmpty() && !c.negative()) {
                errors.addAll(failInfo(0, false));
            } else if (manifests.isEmpty()) {
                success = true;
            }
            return new Outcome(success, errors);
        }
    }

    // ---- isSubset / isNotSubset

    record IsSubset(String path, Object content) implements Validator {
        private List<String> failInfo(Object actual, int manifestIndex, int valueIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, true, false, " to contain"),
                    manifestIndex,
                    valueIndex,
                    path,
                    yaml(content),
                    yaml(actual));
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overManifests(
                    c,
                    (m, mi) -> overValues(c, m, mi, path, "unknown path " + path, (actual, m2, vi) -> {
                        if (actual instanceof Map<?, ?> a && content instanceof Map<?, ?> want) {
                            boolean found = subset(a, want);
                            if (found == c.negative()) {
                                return Outcome.fail(failInfo(actual, m2, vi, c.negative()));
                            }
                            return Outcome.pass();
                        }
                        return Outcome.fail(
                                FailInfo.error(m2, vi, "expect '" + path + "' to be an object, got:\n" + yaml(actual)));
                    }),
                    failInfo("no manifest found", -1, -1, c.negative()));
        }
    }

    // ---- isNullOrEmpty / isNotNullOrEmpty

    record IsNullOrEmpty(String path) implements Validator {
        private List<String> failInfo(Object actual, int manifestIndex, int actualIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, false, false, " to be null or empty, got"),
                    manifestIndex,
                    actualIndex,
                    path,
                    yaml(actual));
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overManifests(
                    c,
                    (m, mi) -> overValues(c, m, mi, path, "unknown path " + path, (actual, m2, ai) -> {
                        if (GoValues.isZero(actual) == c.negative()) {
                            return Outcome.fail(failInfo(actual, m2, ai, c.negative()));
                        }
                        return Outcome.pass();
                    }),
                    failInfo("no manifest found", -1, -1, c.negative()));
        }
    }

    // ---- isType / isNotType

    record IsType(String path, String type) implements Validator {
        private List<String> failInfo(String actual, int manifestIndex, int valueIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, true, false, " to be of type"),
                    manifestIndex,
                    valueIndex,
                    path,
                    type,
                    actual);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overManifests(
                    c,
                    (m, mi) -> overValues(c, m, mi, path, "unknown path " + path, (actual, m2, ai) -> {
                        String actualType = actual == null ? "" : GoValues.yamlV3TypeName(actual);
                        if (actualType.equals(type) == c.negative()) {
                            return Outcome.fail(failInfo(actualType, m2, ai, c.negative()));
                        }
                        return Outcome.pass();
                    }),
                    failInfo("no manifest found", -1, -1, c.negative()));
        }
    }

    // ---- lengthEqual / notLengthEqual

    record LengthEqual(List<String> paths, String path, Long count) implements Validator {
        private List<String> failInfo(String p, String expected, String actual, int manifestIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, true, false, " to match count"), manifestIndex, -1, p, expected, actual);
        }

        private record Counted(boolean passed, List<String> errors, int length) {}

        private Counted single(Map<String, Object> manifest, String p, int mi, ValidateContext c) {
            List<Object> actuals;
            try {
                actuals = ValuePaths.get(manifest, p);
            } catch (ValuePaths.PathException e) {
                return new Counted(false, FailInfo.error(mi, -1, e.getMessage()), 0);
            }
            boolean success = actuals.isEmpty() && c.negative();
            List<String> errors = new ArrayList<>();
            int length = 0;
            for (int ai = 0; ai < actuals.size(); ai++) {
                Object actual = actuals.get(ai);
                boolean ok = false;
                List<?> list = actual instanceof List<?> l ? l : null;
                if (list == null && count == null) {
                    errors.addAll(FailInfo.error(mi, ai, p + " is not array"));
                    continue;
                }
                length = list == null ? 0 : list.size();
                if (count != null && ((length == count.longValue()) == c.negative())) {
                    errors.addAll(failInfo(p, Long.toString(count), Integer.toString(length), mi, c.negative()));
                } else {
                    ok = true;
                }
                success = FailInfo.determine(ai, success, ok);
                if (!success && c.failFast()) {
                    break;
                }
            }
            return new Counted(success, errors, length);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            if (!path.isEmpty() && (count == null || count < 0)) {
                return Outcome.fail(FailInfo.error(-1, -1, "'count' field must be set if 'path' is used"));
            }
            if (!path.isEmpty() && !paths.isEmpty()) {
                return Outcome.fail(FailInfo.error(-1, -1, "'paths' couldn't be used with 'path'"));
            }
            boolean singleMode = !path.isEmpty();
            return overManifests(
                    c,
                    (m, mi) -> singleMode ? toOutcome(single(m, path, mi, c)) : multiple(m, mi, c),
                    failInfo("", "", "no manifest found", -1, c.negative()));
        }

        private static Outcome toOutcome(Counted counted) {
            return new Outcome(counted.passed(), counted.errors());
        }

        private Outcome multiple(Map<String, Object> manifest, int mi, ValidateContext c) {
            List<String> errors = new ArrayList<>();
            java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
            boolean allOk = true;
            for (String p : paths) {
                Counted counted = single(manifest, p, mi, c);
                counts.put(p, counted.length());
                if (!counted.passed()) {
                    errors.addAll(counted.errors());
                    allOk = false;
                }
            }
            if (!allOk) {
                return Outcome.fail(errors);
            }
            int arrayCount = -1;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (arrayCount == -1) {
                    arrayCount = e.getValue();
                } else if ((arrayCount == e.getValue()) == c.negative()) {
                    errors.addAll(failInfo(e.getKey(), "-1", Integer.toString(e.getValue()), mi, c.negative()));
                    return Outcome.fail(errors);
                }
            }
            return arrayCount == -1 ? Outcome.fail(errors) : new Outcome(true, errors);
        }
    }

    // ---- matchRegex / notMatchRegex

    record MatchRegex(String path, String pattern, boolean decodeBase64) implements Validator {
        private List<String> failInfo(String actual, int manifestIndex, int actualIndex, boolean not) {
            return FailInfo.split(
                    FailInfo.format(not, true, true, false, " to match"),
                    manifestIndex,
                    actualIndex,
                    path,
                    pattern,
                    actual);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            if (pattern.isEmpty()) {
                return Outcome.fail(FailInfo.error(-1, -1, "expected field 'pattern' to be filled"));
            }
            return overManifests(
                    c,
                    (m, mi) -> {
                        Pattern compiled;
                        try {
                            ValuePaths.get(m, path);
                            compiled = GoRegexp.compile(pattern);
                        } catch (ValuePaths.PathException e) {
                            return Outcome.fail(FailInfo.error(mi, -1, e.getMessage()));
                        } catch (PatternSyntaxException e) {
                            return Outcome.fail(FailInfo.error(-1, -1, e.getMessage()));
                        }
                        return overValues(c, m, mi, path, "unknown path " + path, (actual, m2, ai) -> {
                            if (!(actual instanceof String s)) {
                                return Outcome.fail(FailInfo.error(
                                        m2, ai, "expect '" + path + "' to be a string, got:\n" + yaml(actual)));
                            }
                            if (decodeBase64) {
                                s = base64(s);
                                if (s == null) {
                                    return Outcome.fail(FailInfo.error(
                                            m2, ai, "unable to decode base64 expected content " + actual));
                                }
                            }
                            if (compiled.matcher(s).find() == c.negative()) {
                                return Outcome.fail(failInfo(s, m2, ai, c.negative()));
                            }
                            return Outcome.pass();
                        });
                    },
                    failInfo("no manifest found", -1, -1, c.negative()));
        }
    }

    // ---- matchRegexRaw / notMatchRegexRaw (NOTES.txt)

    record MatchRegexRaw(String pattern) implements Validator {
        private List<String> failInfo(String actual, boolean not) {
            return FailInfo.split(FailInfo.format(not, false, true, false, " to match"), -1, -1, pattern, actual);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            if (pattern.isEmpty()) {
                return Outcome.fail(FailInfo.error(-1, -1, "expected field 'pattern' to be filled"));
            }
            Pattern p;
            try {
                p = GoRegexp.compile(pattern);
            } catch (PatternSyntaxException e) {
                return c.manifests().isEmpty()
                        ? overRaw(c, a -> true, a -> failInfo(a, false))
                        : Outcome.fail(FailInfo.error(-1, -1, e.getMessage()));
            }
            return overRaw(c, actual -> p.matcher(actual).find(), actual -> failInfo(actual, c.negative()));
        }
    }

    /**
     * The loop of the Raw validators over NOTES.txt-like documents: each document's text (uniformed) must match,
     * or not when negated; no document fails unless negated, with {@code fail} given "no manifest found".
     */
    private static Outcome overRaw(
            ValidateContext c,
            java.util.function.Predicate<String> matches,
            java.util.function.Function<String, List<String>> fail) {
        return eachStrictly(
                c,
                i -> {
                    String actual = FailInfo.uniform(c.manifests().get(i).get(UnittestYaml.RAW));
                    return matches.test(actual) == c.negative() ? Outcome.fail(fail.apply(actual)) : Outcome.pass();
                },
                () -> fail.apply("no manifest found"));
    }

    // ---- equalRaw / notEqualRaw

    record EqualRaw(String value) implements Validator {
        private List<String> failInfo(Object actual, boolean not) {
            String expected = yaml(value);
            if (not) {
                return FailInfo.split(FailInfo.format(true, false, false, false, " to equal"), -1, -1, expected);
            }
            String actualYaml = yaml(actual);
            return FailInfo.split(
                    FailInfo.format(false, false, true, true, " to equal"),
                    -1,
                    -1,
                    expected,
                    actualYaml,
                    FailInfo.diff(expected, actualYaml));
        }

        @Override
        public Outcome validate(ValidateContext c) {
            return overRaw(c, value::equals, actual -> failInfo(actual, c.negative()));
        }
    }

    // ---- failedTemplate / notFailedTemplate

    record FailedTemplate(String errorMessage, String errorPattern) implements Validator {
        private static final Pattern META = GoRegexp.compile(".*[\\\\.+*?()|\\[\\]{}^$].*");

        private List<String> failInfo(Object actual, int manifestIndex, int actualIndex, boolean not) {
            String custom = errorPattern.isEmpty() ? " to equal" : " to match";
            String message = errorMessage.isEmpty() ? errorPattern : errorMessage;
            if (not) {
                return FailInfo.split(
                        FailInfo.format(true, false, false, false, custom), manifestIndex, actualIndex, message);
            }
            return FailInfo.split(
                    FailInfo.format(false, false, true, false, custom),
                    manifestIndex,
                    actualIndex,
                    message,
                    String.valueOf(actual));
        }

        private Outcome byPattern(Object actual, int mi, int ai, ValidateContext c) {
            Pattern p;
            try {
                p = GoRegexp.compile(errorPattern);
            } catch (PatternSyntaxException e) {
                p = GoRegexp.compile(Pattern.quote(errorPattern));
            }
            if (actual != null && p.matcher(String.valueOf(actual)).find() == c.negative()) {
                if (META.matcher(errorPattern).find()) {
                    Pattern escaped = GoRegexp.compile(Pattern.quote(errorPattern));
                    if (escaped.matcher(String.valueOf(actual)).find() == c.negative()) {
                        return Outcome.fail(failInfo(actual, mi, ai, c.negative()));
                    }
                    return Outcome.pass();
                }
                return Outcome.fail(failInfo(actual, mi, ai, c.negative()));
            }
            return Outcome.pass();
        }

        private Outcome byMessage(Object actual, int mi, int ai, ValidateContext c) {
            if ((actual != null && errorMessage.equals(String.valueOf(actual))) == c.negative()) {
                return Outcome.fail(failInfo(actual, mi, ai, c.negative()));
            }
            return Outcome.pass();
        }

        @Override
        public Outcome validate(ValidateContext c) {
            if (!errorMessage.isEmpty() && !errorPattern.isEmpty()) {
                return Outcome.fail(FailInfo.error(
                        -1, -1, "single attribute 'errorMessage' or 'errorPattern' supported at the same time"));
            }
            if (c.renderError() != null) {
                if (!errorPattern.isEmpty()) {
                    return byPattern(c.renderError(), -1, -1, c);
                }
                if (!errorMessage.isEmpty()) {
                    return byMessage(c.renderError(), -1, -1, c);
                }
                return new Outcome(true, List.of());
            }
            List<Map<String, Object>> manifests = c.manifests();
            boolean success = true;
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                Object actual = manifests.get(i).get(UnittestYaml.RAW);
                if (errorMessage.isEmpty() && errorPattern.isEmpty() && !c.negative()) {
                    continue;
                }
                Outcome o = !errorPattern.isEmpty()
                        ? byPattern(actual, i, -1, c)
                        : !errorMessage.isEmpty() ? byMessage(actual, i, -1, c) : Outcome.pass();
                errors.addAll(o.info());
                success = FailInfo.determine(i, success, o.passed());
                if (!success && c.failFast()) {
                    break;
                }
            }
            if (manifests.isEmpty() && !c.negative()) {
                success = false;
                errors.addAll(failInfo("No failed document", -1, -1, false));
            }
            return new Outcome(success, errors);
        }
    }

    // ---- hasDocuments

    record HasDocuments(long count, boolean filterAware) implements Validator {
        @Override
        public Outcome validate(ValidateContext c) {
            int length = filterAware ? c.manifests().size() : c.docs().size();
            if ((length == count) != c.negative()) {
                return Outcome.pass();
            }
            String custom = " documents count to be";
            if (c.negative()) {
                return Outcome.fail(FailInfo.split(
                        FailInfo.format(true, false, false, false, custom), -1, -1, Long.toString(count)));
            }
            return Outcome.fail(FailInfo.split(
                    FailInfo.format(false, false, true, false, custom),
                    -1,
                    -1,
                    Long.toString(count),
                    Integer.toString(length)));
        }
    }

    // ---- isKind / isAPIVersion

    record IsKind(String of) implements Validator {
        @Override
        public Outcome validate(ValidateContext c) {
            return kindLike(c, "kind", of, " to be kind");
        }
    }

    record IsApiVersion(String of) implements Validator {
        @Override
        public Outcome validate(ValidateContext c) {
            return kindLike(c, "apiVersion", of, " to be apiVersion");
        }
    }

    private static Outcome kindLike(ValidateContext c, String field, String of, String custom) {
        return eachStrictly(
                c,
                i -> {
                    Object actual = c.manifests().get(i).get(field);
                    return (actual instanceof String s && s.equals(of)) == c.negative()
                            ? Outcome.fail(kindFail(actual, i, c.negative(), of, custom))
                            : Outcome.pass();
                },
                () -> kindFail("no manifest found", -1, false, of, custom));
    }

    private static List<String> kindFail(Object actual, int manifestIndex, boolean not, String of, String custom) {
        if (not) {
            return FailInfo.split(FailInfo.format(true, false, false, false, custom), manifestIndex, -1, of);
        }
        return FailInfo.split(FailInfo.format(false, false, true, false, custom), manifestIndex, -1, of, yaml(actual));
    }

    // ---- matchSnapshot / matchSnapshotRaw

    record MatchSnapshot(String path, String matchPattern, String notMatchPattern) implements Validator {
        private List<String> failInfo(
                SnapshotCache.Compared compared, int manifestIndex, int actualIndex, boolean not) {
            if (!compared.message().isEmpty()) {
                return FailInfo.split(
                        FailInfo.format(not, false, false, false, compared.message()),
                        manifestIndex,
                        actualIndex,
                        compared.cached());
            }
            String info = not ? compared.cached() : FailInfo.diff(compared.cached(), compared.fresh());
            return FailInfo.split(
                    FailInfo.format(not, true, false, false, " to match snapshot " + compared.index()),
                    manifestIndex,
                    actualIndex,
                    path,
                    info);
        }

        @Override
        public Outcome validate(ValidateContext c) {
            List<Map<String, Object>> manifests = c.manifests();
            // Unlike the other path validators, no manifest passes here unless negated.
            return eachCounted(
                    c,
                    manifests.size(),
                    manifests.isEmpty() && !c.negative(),
                    mi -> manifest(manifests.get(mi), mi, c));
        }

        private Outcome manifest(Map<String, Object> manifest, int mi, ValidateContext c) {
            Found found = find(c, manifest, mi, path, "unknown path " + path);
            if (found.failure() != null) {
                return found.failure();
            }
            List<Object> actual = found.values();
            boolean success = actual.isEmpty() && c.negative();
            List<String> errors = new ArrayList<>();
            for (int ai = 0; ai < actual.size(); ai++) {
                SnapshotCache.Compared result = c.comparer().compare(actual.get(ai), matchPattern, notMatchPattern);
                if (result.error() != null) {
                    return Outcome.fail(FailInfo.error(mi, ai, result.error()));
                }
                boolean single = result.passed() != c.negative();
                if (!single) {
                    errors.addAll(failInfo(result, mi, ai, c.negative()));
                }
                success = FailInfo.determine(ai, success, single);
                if (!success && c.failFast()) {
                    break;
                }
            }
            return new Outcome(success, errors);
        }
    }

    record MatchSnapshotRaw() implements Validator {
        @Override
        public Outcome validate(ValidateContext c) {
            List<Map<String, Object>> manifests = c.manifests();
            return eachCounted(c, manifests.size(), manifests.isEmpty() && !c.negative(), i -> {
                String actual = FailInfo.uniform(manifests.get(i).get(UnittestYaml.RAW));
                SnapshotCache.Compared result = c.comparer().compare(actual, null, null);
                if (result.passed() != c.negative()) {
                    return Outcome.pass();
                }
                String info = c.negative() ? result.cached() : FailInfo.diff(result.cached(), result.fresh());
                return Outcome.fail(FailInfo.split(
                        FailInfo.format(c.negative(), false, false, false, " to match snapshot " + result.index()),
                        -1,
                        -1,
                        info));
            });
        }
    }
}
