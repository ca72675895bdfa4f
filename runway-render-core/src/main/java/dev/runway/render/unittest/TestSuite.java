package dev.runway.render.unittest;

import dev.runway.render.HelmRenderer;
import dev.runway.render.chart.Chart;
import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.semver.SemverRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One helm-unittest suite (pkg/unittest/test_suite.go): a document of a {@code *_test.yaml} file with its shared
 * values, set, templates, release, capabilities and chart overrides, and its tests.
 */
final class TestSuite {
    /** The helm-unittest version whose behaviour this runner follows, for {@code skip.minimumVersion}. */
    static final String HELM_UNITTEST_VERSION = "1.1.0";

    private static final Set<String> SUITE_FIELDS = Set.of(
            "suite",
            "values",
            "set",
            "templates",
            "excludeTemplates",
            "includeCrds",
            "release",
            "chart",
            "capabilities",
            "kubernetesProvider",
            "postRenderer",
            "tests",
            "snapshotId",
            "skip");
    private static final Set<String> TEST_FIELDS = Set.of(
            "it",
            "values",
            "set",
            "template",
            "templates",
            "documentIndex",
            "documentSelector",
            "release",
            "chart",
            "capabilities",
            "asserts",
            "skip",
            "kubernetesProvider",
            "postRenderer");

    String name = "";
    Path file;
    String chartRoute;
    String snapshotId = "";
    boolean includeCrds;
    String skipReason = "";
    List<TestJob> tests = new ArrayList<>();

    /** ParseTestSuiteFile: every non-empty document of the file is a suite. */
    static List<TestSuite> parseFile(Path file, String chartRoute, boolean strict) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnittestException("open " + file + ": " + e.getMessage(), e);
        }
        return parseText(text, file, chartRoute, strict, false);
    }

    /**
     * iterateTemplates: the suites a template of a tests chart ({@code --chart-tests-path}) rendered; each must have
     * a name, and one without a snapshotId takes its place among the file's suites.
     */
    static List<TestSuite> parseRendered(String text, Path file, String chartRoute, boolean strict) {
        return parseText(text, file, chartRoute, strict, true);
    }

    private static List<TestSuite> parseText(
            String text, Path file, String chartRoute, boolean strict, boolean rendered) {
        List<TestSuite> suites = new ArrayList<>();
        for (String part : UnittestYaml.split(text)) {
            if (part.isBlank()) {
                continue;
            }
            Object doc;
            try {
                doc = UnittestYaml.read(part, file.toString());
            } catch (RuntimeException e) {
                throw new UnittestException(e.getMessage(), e);
            }
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?> map)) {
                throw new UnittestException("yaml: unmarshal errors:\n  cannot unmarshal "
                        + GoValues.yamlV3TypeName(doc) + " into unittest.TestSuite");
            }
            TestSuite suite = parse(map, file, chartRoute, strict);
            if (rendered && suite.name.isEmpty()) {
                throw new UnittestException("helm chart based test suites must include `suite` field");
            }
            if (rendered && suite.snapshotId.isEmpty()) {
                suite.snapshotId = String.valueOf(suites.size());
            }
            suites.add(suite);
        }
        return suites;
    }

    private static TestSuite parse(Map<?, ?> doc, Path file, String chartRoute, boolean strict) {
        if (strict) {
            unknownFields(doc, SUITE_FIELDS, "unittest.TestSuite");
        }
        TestSuite suite = new TestSuite();
        suite.file = file;
        suite.chartRoute = chartRoute;
        suite.name = str(doc.get("suite"), "suite");
        suite.snapshotId = str(doc.get("snapshotId"), "snapshotId");
        suite.includeCrds = Boolean.TRUE.equals(doc.get("includeCrds"));
        List<String> values = strings(doc.get("values"), "values");
        Map<String, Object> set = map(doc.get("set"), "set");
        List<String> templates = strings(doc.get("templates"), "templates");
        List<String> exclude = strings(doc.get("excludeTemplates"), "excludeTemplates");
        Map<String, Object> release = map(doc.get("release"), "release");
        Map<String, Object> chart = map(doc.get("chart"), "chart");
        Map<String, Object> capabilities = map(doc.get("capabilities"), "capabilities");
        Map<String, Object> skip = map(doc.get("skip"), "skip");
        suite.skipReason = str(skip.get("reason"), "skip.reason");

        Object testsRaw = doc.get("tests");
        if (testsRaw != null && !(testsRaw instanceof List)) {
            throw new UnittestException("yaml: unmarshal errors:\n  cannot unmarshal "
                    + GoValues.yamlV3TypeName(testsRaw) + " into []*unittest.TestJob");
        }
        List<?> testsList = testsRaw == null ? List.of() : (List<?>) testsRaw;
        if (testsList.isEmpty()) {
            throw new UnittestException("no tests found");
        }
        for (Object t : testsList) {
            if (!(t instanceof Map<?, ?> tm)) {
                throw new UnittestException("yaml: unmarshal errors:\n  cannot unmarshal " + GoValues.yamlV3TypeName(t)
                        + " into unittest.TestJob");
            }
            if (strict) {
                unknownFields(tm, TEST_FIELDS, "unittest.TestJob");
            }
            TestJob job = new TestJob();
            job.name = str(tm.get("it"), "it");
            job.values.addAll(values);
            job.suiteValuesCount = values.size();
            job.values.addAll(strings(tm.get("values"), "values"));
            job.globalSet = set;
            job.set = map(tm.get("set"), "set");
            job.template = str(tm.get("template"), "template");
            job.templates = strings(tm.get("templates"), "templates");
            job.documentIndex = tm.get("documentIndex") instanceof Long l ? Math.toIntExact(l) : null;
            job.documentSelector = DocumentSelector.parse(tm.get("documentSelector"));
            Map<String, Object> tr = map(tm.get("release"), "release");
            job.release.name = or(str(tr.get("name"), "release.name"), str(release.get("name"), "release.name"));
            job.release.namespace = or(
                    str(tr.get("namespace"), "release.namespace"), str(release.get("namespace"), "release.namespace"));
            int revision = integer(tr.get("revision"));
            job.release.revision = revision != 0 ? revision : integer(release.get("revision"));
            job.release.upgrade = Boolean.TRUE.equals(tr.get("upgrade")) || Boolean.TRUE.equals(release.get("upgrade"));
            Map<String, Object> tc = map(tm.get("chart"), "chart");
            job.chartVersion = or(text(tc.get("version")), text(chart.get("version")));
            job.chartAppVersion = or(text(tc.get("appVersion")), text(chart.get("appVersion")));
            capabilities(job, map(tm.get("capabilities"), "capabilities"), capabilities);
            Map<String, Object> testSkip = map(tm.get("skip"), "skip");
            job.skipReason = suite.skipReason.isEmpty() ? str(testSkip.get("reason"), "skip.reason") : suite.skipReason;
            job.postRenderer = PostRenderer.of(doc.get("postRenderer"), tm.get("postRenderer"));
            job.kubernetesProvider = KubernetesProvider.of(doc.get("kubernetesProvider"), tm.get("kubernetesProvider"));
            Object asserts = tm.get("asserts");
            if (asserts instanceof List<?> list) {
                for (Object a : list) {
                    if (a != null) {
                        job.assertions.add(Assertion.parse(a));
                    }
                }
            }
            if (job.assertions.isEmpty()) {
                throw new UnittestException("no asserts found");
            }
            job.chartRoute = chartRoute;
            job.definitionFile = file;
            job.defaultTemplatesToAssert = new ArrayList<>(templates);
            job.defaultTemplatesToSkip = exclude;
            suite.tests.add(job);
        }
        String minimum = str(skip.get("minimumVersion"), "skip.minimumVersion");
        if (!minimum.isEmpty()
                && suite.skipReason.isEmpty()
                && !SemverRange.isAtLeast(HELM_UNITTEST_VERSION, minimum)) {
            suite.skipReason = "Test suite requires minimum unittest plugin version " + minimum
                    + ", but current version is " + HELM_UNITTEST_VERSION;
            suite.tests.forEach(t -> t.skipReason = suite.skipReason);
        }
        return suite;
    }

    /** SetCapabilities + polishCapabilitiesSettings. */
    private static void capabilities(TestJob job, Map<String, Object> test, Map<String, Object> suite) {
        job.capabilities.majorVersion = or(versionText(test.get("majorVersion")), text(suite.get("majorVersion")));
        job.capabilities.minorVersion = or(versionText(test.get("minorVersion")), text(suite.get("minorVersion")));
        List<String> apis;
        if (test.containsKey("apiVersions")) {
            Object v = test.get("apiVersions");
            if (v instanceof List<?> list) {
                apis = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof String s) {
                        apis.add(s);
                    }
                }
            } else {
                apis = null;
            }
        } else {
            apis = new ArrayList<>();
        }
        List<String> suiteApis = strings(suite.get("apiVersions"), "capabilities.apiVersions");
        if (!suiteApis.isEmpty() && apis != null) {
            apis.addAll(suiteApis);
        }
        job.capabilities.apiVersions = apis;
    }

    private static void unknownFields(Map<?, ?> doc, Set<String> known, String type) {
        for (Object key : doc.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new UnittestException("yaml: unmarshal errors:\n  field " + key + " not found in type " + type);
            }
        }
    }

    private static String or(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static String versionText(Object v) {
        return v instanceof String || v instanceof Long ? String.valueOf(v) : "";
    }

    /** A scalar decoded into a Go string field: its text. */
    private static String text(Object v) {
        return v == null || v instanceof Map || v instanceof List ? "" : GoFmt.formatValue(v);
    }

    private static String str(Object v, String field) {
        if (v == null) {
            return "";
        }
        if (v instanceof Map || v instanceof List) {
            throw new UnittestException("yaml: unmarshal errors:\n  cannot unmarshal " + GoValues.yamlV3TypeName(v)
                    + " into string (field " + field + ")");
        }
        return GoFmt.formatValue(v);
    }

    private static int integer(Object v) {
        return v instanceof Long l ? Math.toIntExact(l) : 0;
    }

    private static List<String> strings(Object v, String field) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw new UnittestException("yaml: unmarshal errors:\n  cannot unmarshal " + GoValues.yamlV3TypeName(v)
                    + " into []string (field " + field + ")");
        }
        for (Object item : list) {
            out.add(str(item, field));
        }
        return out;
    }

    private static Map<String, Object> map(Object v, String field) {
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new UnittestException("yaml: unmarshal errors:\n  cannot unmarshal " + GoValues.yamlV3TypeName(v)
                    + " into a map (field " + field + ")");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    /** RunV3: every test, a skipped one counted as such; the suite passes when every run test passes. */
    Results.SuiteResult run(Chart chart, HelmRenderer renderer, SnapshotCache cache, boolean failFast) {
        boolean pass = false;
        int skipped = 0;
        List<Results.TestResult> results = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            TestJob job = tests.get(i);
            if (!job.skipReason.isEmpty()) {
                skipped++;
                results.add(new Results.TestResult(job.name, i, false, true, null, List.of(), java.time.Duration.ZERO));
                if (i == 0) {
                    pass = true;
                }
            } else {
                Results.TestResult r;
                try {
                    r = job.run(i, new TestJob.Settings(chart, renderer, cache, failFast, includeCrds));
                } catch (RuntimeException e) {
                    // A bug or limit of ours must not hide the other tests: the test fails with the reason.
                    r = new Results.TestResult(
                            job.name,
                            i,
                            false,
                            false,
                            e.getClass().getSimpleName() + ": " + e.getMessage(),
                            List.of(),
                            java.time.Duration.ZERO);
                }
                results.add(r);
                if (i == 0) {
                    pass = r.passed();
                }
                pass = pass && r.passed();
            }
            if (!pass && failFast) {
                break;
            }
        }
        Results.SnapshotCounts counts =
                new Results.SnapshotCounts(cache.total(), cache.failed(), cache.inserted(), cache.vanished());
        return new Results.SuiteResult(name, file, pass, skipped == tests.size(), null, results, counts);
    }
}
