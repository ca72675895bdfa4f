package dev.runway.render.unittest;

import com.google.re2j.Pattern;
import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.ChartFile;
import dev.runway.render.regexp.GoRegexp;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test ({@code it:}) of a suite (pkg/unittest/test_job.go): its values, set, templates, document filters,
 * release, capabilities and chart overrides, and its assertions. Each test renders anew, from templates parsed
 * once per chart and selection of templates.
 */
final class TestJob {
    String name = "";
    List<String> values = new ArrayList<>();
    /** How many of {@link #values} come from the suite (they come first). */
    int suiteValuesCount;

    Map<String, Object> set = new LinkedHashMap<>();
    String template = "";
    List<String> templates = new ArrayList<>();
    Integer documentIndex;
    DocumentSelector documentSelector;
    Release release = new Release();
    String chartVersion = "";
    String chartAppVersion = "";
    Capabilities capabilities = new Capabilities();
    List<Assertion> assertions = new ArrayList<>();
    String skipReason = "";
    /** The command the rendered files go through, or null. */
    PostRenderer postRenderer;
    /** The fake cluster of {@code lookup}, or null. */
    KubernetesProvider kubernetesProvider;

    // From the suite.
    Map<String, Object> globalSet = new LinkedHashMap<>();
    String chartRoute = "";
    Path definitionFile;
    List<String> defaultTemplatesToAssert = new ArrayList<>();
    List<String> defaultTemplatesToSkip = new ArrayList<>();

    /** release: name, namespace, revision, upgrade. */
    static final class Release {
        String name = "";
        String namespace = "";
        int revision;
        boolean upgrade;
    }

    /** capabilities: majorVersion, minorVersion, apiVersions (null when given empty: no API versions). */
    static final class Capabilities {
        String majorVersion = "";
        String minorVersion = "";
        List<String> apiVersions = new ArrayList<>();
    }

    /**
     * Values files given to the runner ({@code -v}): helm-unittest appends them to the suite's values files
     * (test_suite.go createTestSuite) and then puts the suite's before each test's own, so a test's values files
     * override the runner's, which override the suite's.
     */
    void valuesFilesFromRunner(List<Path> files) {
        List<String> runner =
                files.stream().map(f -> f.toAbsolutePath().toString()).toList();
        values.addAll(suiteValuesCount, runner);
        suiteValuesCount += runner.size();
    }

    /** What the suite shares with its tests while running. */
    record Settings(Chart chart, HelmRenderer renderer, SnapshotCache cache, boolean failFast, boolean includeCrds) {}

    Results.TestResult run(int index, Settings settings) {
        long start = System.nanoTime();
        boolean requireRenderSuccess = assertions.stream().allMatch(a -> a.requireRenderSuccess);
        Map<String, Object> userValues;
        try {
            userValues = userValues();
        } catch (UnittestException e) {
            return error(index, e.getMessage(), start);
        }
        Map<String, String> outputs;
        boolean renderSucceeded = true;
        String renderError = null;
        if (defaultTemplatesToAssert.isEmpty()) {
            defaultTemplatesToAssert = new ArrayList<>(List.of("**"));
        }
        try {
            outputs = render(settings, userValues);
        } catch (RenderException | dev.runway.render.values.ValuesFileException | UnittestException e) {
            renderSucceeded = false;
            outputs = new LinkedHashMap<>();
            String message = e.getMessage();
            if (requireRenderSuccess || !translate(message, outputs)) {
                renderError = message;
                outputs = requireRenderSuccess ? null : outputs;
            }
        }
        Map<String, List<Map<String, Object>>> manifests;
        try {
            Map<String, String> files = outputs == null ? Map.of() : outputs;
            if (postRenderer != null) {
                files = postRenderer.run(files);
            }
            manifests = parse(settings.chart(), files, renderSucceeded, settings.includeCrds());
        } catch (RuntimeException e) {
            return error(index, e.getMessage(), start);
        }
        polishAssertionTemplates(settings.chart(), outputs == null ? Map.of() : outputs, settings.includeCrds());
        int[] counter = {0};
        ValidateContext.SnapshotComparer comparer =
                (content, match, notMatch) -> settings.cache().compare(name, ++counter[0], content, match, notMatch);
        Assertion.Config config = new Assertion.Config(
                manifests,
                comparer,
                renderSucceeded,
                settings.failFast(),
                documentSelector != null && documentSelector.skipEmptyTemplates(),
                renderError);
        boolean passed = false;
        List<Results.AssertionResult> results = new ArrayList<>();
        for (int i = 0; i < assertions.size(); i++) {
            Results.AssertionResult r = assertions.get(i).run(i, config);
            if (r.skipped()) {
                passed = true;
            }
            results.add(r);
            if (i == 0) {
                passed = r.passed();
            }
            passed = passed && r.passed();
            if (!passed && settings.failFast()) {
                break;
            }
        }
        boolean skipped = !results.isEmpty() && results.stream().allMatch(Results.AssertionResult::skipped);
        return new Results.TestResult(name, index, passed, skipped, renderError, results, since(start));
    }

    private Results.TestResult error(int index, String message, long start) {
        return new Results.TestResult(name, index, false, false, message, List.of(), since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // ---- values

    /** getUserValues: values files, then the suite's set, then the test's set, scoped to the chart route. */
    private Map<String, Object> userValues() {
        Map<String, Object> base = new LinkedHashMap<>();
        List<String> routes = routes();
        for (String file : values) {
            Path path = Path.of(file).isAbsolute()
                    ? Path.of(file)
                    : definitionFile.toAbsolutePath().getParent().resolve(file);
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UnittestException("open " + path + ": cannot read values file (" + e.getMessage() + ")");
            }
            Object doc;
            try {
                doc = UnittestYaml.read(text, path.toString());
            } catch (RuntimeException e) {
                throw new UnittestException("failed to parse " + file + ": " + e.getMessage());
            }
            Map<String, Object> map = doc instanceof Map<?, ?> m ? cast(m) : new LinkedHashMap<>();
            base = merge(scope(routes, map), base);
        }
        for (Map<String, Object> sets : List.of(globalSet, set)) {
            for (Map.Entry<String, Object> e : sets.entrySet()) {
                // A deep copy (CopySet): merging must not change the suite's set for the next test.
                base = merge(scope(routes, ValuePaths.build(e.getKey(), deepCopy(e.getValue()))), base);
            }
        }
        // helm-unittest marshals the values to YAML and Helm reads them back: JSON numbers, as helm template has.
        Object read = GoYaml.read(GoYaml.marshal(base), "values");
        return read instanceof Map<?, ?> m ? cast(m) : new LinkedHashMap<>();
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), deepCopy(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(item -> out.add(deepCopy(item)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** chartutil.MergeTables(dst, src): dst wins, tables merge. */
    private static Map<String, Object> merge(Map<String, Object> dst, Map<String, Object> src) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            if (!dst.containsKey(e.getKey())) {
                dst.put(e.getKey(), e.getValue());
            } else if (e.getValue() instanceof Map<?, ?> sv && dst.get(e.getKey()) instanceof Map<?, ?> dv) {
                merge(cast(dv), cast(sv));
            }
        }
        return dst;
    }

    /** spliteChartRoutes: "parent/charts/child" is [parent, child]. */
    private List<String> routes() {
        String[] parts = chartRoute.split("/", -1);
        List<String> routes = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            routes.add(parts[i]);
        }
        return routes;
    }

    /** scopeValuesWithRoutes: a subchart's values go under its name, globals stay global. */
    private static Map<String, Object> scope(List<String> routes, Map<String, Object> values) {
        Map<String, Object> current = values;
        for (int i = routes.size() - 1; i >= 1; i--) {
            Map<String, Object> next = new LinkedHashMap<>();
            if (current.containsKey("global")) {
                next.put("global", current.get("global"));
            }
            next.put(routes.get(i), current);
            current = next;
        }
        return current;
    }

    // ---- rendering

    private Map<String, String> render(Settings settings, Map<String, Object> userValues) {
        RenderOptions options = new RenderOptions(
                release.name.isEmpty() ? "RELEASE-NAME" : release.name,
                release.namespace.isEmpty() ? "NAMESPACE" : release.namespace,
                "v" + or(capabilities.majorVersion, "1") + "." + or(capabilities.minorVersion, "20") + ".0",
                // helm-unittest links Helm 3 (helm.sh/helm/v3): its renders follow Helm 3.21, not the default Helm 4.
                release.upgrade,
                true,
                dev.runway.render.api.HelmVersion.HELM_3_21);
        // As helm-unittest: dependencies are processed on the whole chart, then the selected templates are copied
        // (CopyV3Chart, under the subcharts' names after aliasing) and the versions overridden (ModifyChartMetadata).
        return settings.renderer()
                .renderTemplates(
                        userValues,
                        options,
                        release.revision,
                        capabilities.apiVersions == null ? List.of() : capabilities.apiVersions,
                        !release.name.isEmpty(),
                        resolved -> withVersions(filtered(resolved, resolved.name()), true),
                        kubernetesProvider);
    }

    private static String or(String a, String b) {
        return a == null || a.isEmpty() ? b : a;
    }

    /** CopyV3Chart: only the selected templates (and every partial) of the chart at {@code route} and below. */
    private Chart filtered(Chart chart, String route) {
        List<ChartFile> kept = new ArrayList<>();
        for (String fileName : defaultTemplatesToAssert) {
            Pattern p = templatePattern(fileName);
            for (ChartFile t : chart.templates()) {
                if (p.matcher(route + "/" + t.name()).find() && !kept.contains(t)) {
                    kept.add(t);
                }
            }
        }
        kept.removeIf(t -> defaultTemplatesToSkip.stream()
                .anyMatch(skip ->
                        templatePattern(skip).matcher(route + "/" + t.name()).find()));
        for (ChartFile t : chart.templates()) {
            String base = t.name().substring(t.name().lastIndexOf('/') + 1);
            if (base.startsWith("_") && !kept.contains(t)) {
                kept.add(t);
            }
        }
        List<Chart> deps = new ArrayList<>();
        for (Chart dep : chart.dependencies()) {
            deps.add(filtered(dep, route + "/charts/" + dep.name()));
        }
        return new Chart(chart.metadata(), chart.values(), chart.schema(), kept, chart.files(), deps);
    }

    private Pattern templatePattern(String fileName) {
        return GoRegexp.compile(TemplateNames.pattern(chartRoute + "/" + TemplateNames.fileName(fileName)));
    }

    /** ModifyChartMetadata: the test's chart version and appVersion on the chart and its direct subcharts. */
    private Chart withVersions(Chart c, boolean root) {
        if (chartVersion.isEmpty() && chartAppVersion.isEmpty()) {
            return c;
        }
        List<Chart> deps = root
                ? c.dependencies().stream().map(d -> withVersions(d, false)).toList()
                : c.dependencies();
        return new Chart(
                c.metadata().withVersions(chartVersion, chartAppVersion),
                c.values(),
                c.schema(),
                c.templates(),
                c.files(),
                deps);
    }

    /**
     * translateErrorToOutputFiles: a template error becomes the failing file's only document, {@code raw: <message>},
     * so failedTemplate can assert on it (on every asserted template when the failing file is a partial).
     */
    private boolean translate(String message, Map<String, String> outputs) {
        String filePath = RenderErrors.file(message);
        if (filePath == null) {
            return false;
        }
        String raw = RenderErrors.message(message);
        String doc = UnittestYaml.marshal(Map.of(UnittestYaml.RAW, raw));
        String base = filePath.substring(filePath.lastIndexOf('/') + 1);
        if (base.startsWith("_")) {
            for (String fileName : defaultTemplatesToAssert) {
                outputs.put(chartRoute + "/" + TemplateNames.fileName(fileName), doc);
            }
        } else {
            outputs.put(filePath, doc);
        }
        return true;
    }

    /** parseManifestsFromOutputOfFiles: YAML templates as documents, .txt files as one raw document. */
    private static Map<String, List<Map<String, Object>>> parse(
            Chart chart, Map<String, String> outputs, boolean renderSucceeded, boolean includeCrds) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        if (includeCrds) {
            for (ChartFile f : chart.files()) {
                if (f.name().startsWith("crds/")) {
                    String name = chart.name() + "/" + f.name();
                    out.put(name, UnittestYaml.manifests(f.text(), name));
                }
            }
        }
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            String file = e.getKey().startsWith(chart.name()) ? e.getKey() : chart.name() + "/" + e.getKey();
            String ext = file.contains(".") ? file.substring(file.lastIndexOf('.')) : "";
            if (!renderSucceeded) {
                ext = ".yaml";
            }
            switch (ext) {
                case ".yaml", ".yml", ".tpl" -> out.put(file, UnittestYaml.manifests(e.getValue(), file));
                case ".txt" -> {
                    Map<String, Object> raw = new LinkedHashMap<>();
                    raw.put(UnittestYaml.RAW, e.getValue());
                    out.put(file, List.of(raw));
                }
                default -> {
                    // other files are not asserted
                }
            }
        }
        return out;
    }

    /** polishAssertionsTemplate: document filters from the test, and the templates each assertion checks. */
    private void polishAssertionTemplates(Chart chart, Map<String, String> outputs, boolean includeCrds) {
        if (chartRoute.isEmpty()) {
            chartRoute = chart.name();
        }
        for (Assertion a : assertions) {
            if (documentIndex != null) {
                a.documentIndex = documentIndex;
            }
            if (a.selector == null) {
                a.selector = documentSelector;
            }
            List<String> chosen;
            boolean prefixed = false;
            if (!a.template.isEmpty()) {
                chosen = List.of(a.template);
            } else if (!templates.isEmpty()) {
                chosen = templates;
            } else if (!template.isEmpty()) {
                chosen = List.of(template);
            } else if (defaultTemplatesToAssert.stream().anyMatch(t -> t.contains("*"))) {
                prefixed = true;
                chosen = new ArrayList<>(outputs.keySet());
                if (includeCrds) {
                    for (ChartFile f : chart.files()) {
                        if (f.name().startsWith("crds/")) {
                            chosen.add(chart.name() + "/" + f.name());
                        }
                    }
                }
            } else {
                chosen = defaultTemplatesToAssert;
            }
            List<String> paths = new ArrayList<>();
            for (String t : chosen) {
                paths.add(prefixed ? t : chartRoute + "/" + TemplateNames.fileName(t));
            }
            a.defaultTemplates = paths;
        }
    }
}
