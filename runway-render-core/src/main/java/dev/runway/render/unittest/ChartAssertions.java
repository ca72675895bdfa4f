package dev.runway.render.unittest;

import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.regexp.GoRegexp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * helm-unittest's assertions as a fluent Java API over a {@link RenderedChart}, so JVM tests need no YAML:
 *
 * <pre>{@code
 * assertThat(chart).document("Deployment", "payments").path("spec.replicas").isEqualTo(3);
 * assertThat(chart).document("ConfigMap", "payments-gcp-credentials")
 *         .path("data[\"credentials.json\"]").matches("\"type\": \"external_account\"");
 * assertThatRendering(() -> HelmRenderer.render(chart, values, options)).failsWith("serviceId is required");
 * }</pre>
 *
 * Paths, comparisons and messages are helm-unittest's (JSONPath without {@code $}, yaml.v3 values: integers are
 * Long, floats Double; regexes are Go's RE2). A failed assertion throws opentest4j's {@link AssertionFailedError}
 * with helm-unittest's failure lines.
 */
public final class ChartAssertions {
    private ChartAssertions() {}

    public static ChartAssert assertThat(RenderedChart chart) {
        return new ChartAssert(chart);
    }

    /** For renders that must fail: {@code failsWith}, {@code failsMatching}. */
    public static RenderAssert assertThatRendering(Supplier<RenderedChart> render) {
        return new RenderAssert(render);
    }

    private static List<Map<String, Object>> documents(RenderedManifest m) {
        return UnittestYaml.manifests(m.text(), m.source());
    }

    private static void check(
            Validators.Validator validator, List<Map<String, Object>> docs, boolean negative, String what) {
        Outcome o = validator.validate(new ValidateContext(docs, docs, negative, null, null, false));
        if (!o.passed()) {
            throw new AssertionFailedError(what + "\n\t" + String.join("\n\t", o.info()));
        }
    }

    /** The whole rendered chart. */
    public static final class ChartAssert {
        private final RenderedChart chart;

        ChartAssert(RenderedChart chart) {
            this.chart = chart;
        }

        /** The one manifest of this kind and name; fails naming the manifests there are. */
        public DocumentAssert document(String kind, String name) {
            List<RenderedManifest> found = chart.manifests().stream()
                    .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                    .toList();
            if (found.size() != 1) {
                throw new AssertionFailedError("expected one " + kind + "/" + name + " in the rendered chart, found "
                        + found.size() + "; rendered: "
                        + chart.manifests().stream().map(RenderedManifest::id).toList());
            }
            List<Map<String, Object>> docs = documents(found.get(0));
            return new DocumentAssert(kind + "/" + name, docs.isEmpty() ? Map.of() : docs.get(0));
        }

        /** hasDocuments: the number of manifests rendered. */
        public ChartAssert hasDocuments(int count) {
            if (chart.manifests().size() != count) {
                throw new AssertionFailedError(
                        "expected " + count + " documents, rendered "
                                + chart.manifests().size() + ": "
                                + chart.manifests().stream()
                                        .map(RenderedManifest::id)
                                        .toList(),
                        count,
                        chart.manifests().size());
            }
            return this;
        }

        /** containsDocument: a manifest of this kind, apiVersion and name exists. */
        public ChartAssert containsDocument(String kind, String apiVersion, String name) {
            List<Map<String, Object>> all = new ArrayList<>();
            chart.manifests().forEach(m -> all.addAll(documents(m)));
            check(
                    new Validators.ContainsDocument(kind, apiVersion, name, "", true),
                    all,
                    false,
                    "containsDocument " + kind + "/" + name);
            return this;
        }
    }

    /** One manifest. */
    public static final class DocumentAssert {
        private final String id;
        private final Map<String, Object> doc;

        DocumentAssert(String id, Map<String, Object> doc) {
            this.id = id;
            this.doc = doc;
        }

        public PathAssert path(String path) {
            return new PathAssert(id, doc, path);
        }

        public DocumentAssert isKind(String kind) {
            check(new Validators.IsKind(kind), List.of(doc), false, id + " isKind");
            return this;
        }

        public DocumentAssert isApiVersion(String apiVersion) {
            check(new Validators.IsApiVersion(apiVersion), List.of(doc), false, id + " isAPIVersion");
            return this;
        }

        /** The whole document as yaml.v3 values. */
        public Map<String, Object> value() {
            return doc;
        }
    }

    /** One path of one manifest. */
    public static final class PathAssert {
        private final String id;
        private final Map<String, Object> doc;
        private final String path;

        PathAssert(String id, Map<String, Object> doc, String path) {
            this.id = id;
            this.doc = doc;
            this.path = path;
        }

        private void run(Validators.Validator v, boolean negative, String what) {
            check(v, List.of(doc), negative, id + " " + what + " " + path);
        }

        /** equal; Java ints compare as yaml.v3 integers (Long). */
        public PathAssert isEqualTo(Object expected) {
            run(new Validators.Equal(path, normalize(expected), false), false, "equal");
            return this;
        }

        public PathAssert isNotEqualTo(Object unexpected) {
            run(new Validators.Equal(path, normalize(unexpected), false), true, "notEqual");
            return this;
        }

        /** matchRegex with Go's RE2 syntax. */
        public PathAssert matches(String pattern) {
            run(new Validators.MatchRegex(path, pattern, false), false, "matchRegex");
            return this;
        }

        public PathAssert doesNotMatch(String pattern) {
            run(new Validators.MatchRegex(path, pattern, false), true, "notMatchRegex");
            return this;
        }

        public PathAssert exists() {
            run(new Validators.Exists(path), false, "exists");
            return this;
        }

        public PathAssert doesNotExist() {
            run(new Validators.Exists(path), true, "notExists");
            return this;
        }

        /** contains: the list at the path has this element. */
        public PathAssert contains(Object element) {
            run(new Validators.Contains(path, normalize(element), null, false), false, "contains");
            return this;
        }

        public PathAssert doesNotContain(Object element) {
            run(new Validators.Contains(path, normalize(element), null, false), true, "notContains");
            return this;
        }

        /** isSubset: the map at the path has these entries. */
        public PathAssert containsEntries(Map<String, ?> subset) {
            run(new Validators.IsSubset(path, normalize(subset)), false, "isSubset");
            return this;
        }

        public PathAssert hasLength(int count) {
            run(new Validators.LengthEqual(List.of(), path, (long) count), false, "lengthEqual");
            return this;
        }

        public PathAssert isNullOrEmpty() {
            run(new Validators.IsNullOrEmpty(path), false, "isNullOrEmpty");
            return this;
        }

        public PathAssert isNotNullOrEmpty() {
            run(new Validators.IsNullOrEmpty(path), true, "isNotNullOrEmpty");
            return this;
        }

        /** isType with Go's type names: string, int, float64, bool, map[string]interface {}, []interface {}. */
        public PathAssert isOfType(String goType) {
            run(new Validators.IsType(path, goType), false, "isType");
            return this;
        }

        /** The values the path finds. */
        public List<Object> values() {
            return ValuePaths.get(doc, path);
        }
    }

    /** Java values as yaml.v3 decodes YAML: Integer/Short/Byte become Long, Float becomes Double. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ChartAssertions::normalize).toList();
        }
        return v;
    }

    /** A render that is expected to fail. */
    public static final class RenderAssert {
        private final Supplier<RenderedChart> render;

        RenderAssert(Supplier<RenderedChart> render) {
            this.render = render;
        }

        private String error() {
            try {
                RenderedChart chart = render.get();
                throw new AssertionFailedError("expected the render to fail, it rendered "
                        + chart.manifests().stream().map(RenderedManifest::id).toList());
            } catch (RenderException e) {
                return e.getMessage();
            }
        }

        /**
         * failedTemplate errorMessage: the chart's own message ({@code fail}/{@code required}) equals
         * {@code message}; Helm's framing ({@code execution error at (file:line:col): }) is taken off first.
         */
        public RenderAssert failsWith(String message) {
            String error = error();
            String raw = RenderErrors.message(error);
            if (!message.equals(raw) && !message.equals(error)) {
                throw new AssertionFailedError(
                        "expected the render to fail with " + message + "\n\tbut it failed with " + error,
                        message,
                        raw);
            }
            return this;
        }

        /** failedTemplate errorPattern: the error matches this Go regular expression. */
        public RenderAssert failsMatching(String pattern) {
            String error = error();
            if (!GoRegexp.compile(pattern).matcher(error).find()) {
                throw new AssertionFailedError(
                        "expected the render to fail matching " + pattern + "\n\tbut it failed with " + error);
            }
            return this;
        }
    }
}
