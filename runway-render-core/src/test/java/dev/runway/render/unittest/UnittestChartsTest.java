package dev.runway.render.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small charts written here, each for one rule of how helm-unittest selects and renders templates. */
class UnittestChartsTest {
    @TempDir
    Path tmp;

    /** Writes path/text pairs under the chart folder. */
    private Path chart(String name, String... pathsAndTexts) throws IOException {
        Path dir = tmp.resolve(name);
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path file = dir.resolve(pathsAndTexts[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndTexts[i + 1]);
        }
        return dir;
    }

    private static String print(UnittestReport report, Path base) {
        StringBuilder out = new StringBuilder();
        report.print(line -> out.append(line).append('\n'), base, "-u");
        return out.toString();
    }

    /** Runs the chart's tests/*_test.yaml: all pass, with these test counts. */
    private static void assertPasses(Path dir, String testCounts) {
        UnittestReport report = UnittestRunner.builder().build().run(List.of(dir));
        String out = print(report, dir);
        assertTrue(report.passed(), out);
        assertEquals(testCounts, report.testCounts().summary(), out);
    }

    private static final String SUBCHART_TEMPLATE = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Chart.Name }}
              labels:
                chart: {{ .Chart.Name }}-{{ .Chart.Version }}
            """;

    /**
     * helm-unittest processes the dependencies (aliases, conditions) of the whole chart first, then copies the
     * selected templates under the subcharts' resolved names, then overrides the versions. So an aliased subchart is
     * selected under its alias only, and a suite's {@code chart.version} does not stop the alias from resolving.
     */
    @Test
    void anAliasedSubchartIsSelectedUnderItsAliasEvenWithAnotherChartVersion() throws IOException {
        Path dir = chart(
                "parent",
                "Chart.yaml",
                """
                        apiVersion: v2
                        name: parent
                        version: 0.1.0
                        dependencies:
                          - name: db
                            version: 0.3.0
                            condition: db.enabled
                          - name: db
                            version: 0.3.0
                            alias: replica
                            condition: replica.enabled
                        """,
                "values.yaml",
                "db:\n  enabled: true\nreplica:\n  enabled: true\n",
                "charts/db/Chart.yaml",
                "apiVersion: v2\nname: db\nversion: 0.3.0\n",
                "charts/db/templates/cm.yaml",
                SUBCHART_TEMPLATE,
                "tests/alias_test.yaml",
                """
                        suite: aliased subchart
                        chart:
                          version: 9.9.9
                        tests:
                          - it: renders the alias with the suite's version
                            asserts:
                              - equal:
                                  path: metadata.labels.chart
                                  value: replica-9.9.9
                                template: charts/replica/templates/cm.yaml
                              - equal:
                                  path: metadata.labels.chart
                                  value: db-9.9.9
                                template: charts/db/templates/cm.yaml
                          - it: selects the subchart by its own name only
                            templates:
                              - charts/db/templates/cm.yaml
                            asserts:
                              - hasDocuments:
                                  count: 1
                              - equal:
                                  path: metadata.name
                                  value: db
                          - it: selects the alias by the alias
                            templates:
                              - charts/replica/templates/cm.yaml
                            set:
                              db.enabled: false
                            asserts:
                              - hasDocuments:
                                  count: 1
                              - equal:
                                  path: metadata.labels.chart
                                  value: replica-9.9.9
                        """);
        assertPasses(dir, "3 passed, 3 total");
    }

    /** Templates are parsed per selection: one that does not parse fails only the tests that select it. */
    @Test
    void aTemplateThatDoesNotParseFailsOnlyTheTestsThatSelectIt() throws IOException {
        Path dir = chart(
                "broken",
                "Chart.yaml",
                "apiVersion: v2\nname: broken\nversion: 0.1.0\n",
                "templates/good.yaml",
                "kind: ConfigMap\nmetadata:\n  name: good\n",
                "templates/bad.yaml",
                "kind: ConfigMap\n{{ if }}\n",
                "tests/good_test.yaml",
                """
                        suite: good
                        templates:
                          - good.yaml
                        tests:
                          - it: renders
                            asserts:
                              - equal:
                                  path: metadata.name
                                  value: good
                          - it: renders again
                            asserts:
                              - isKind:
                                  of: ConfigMap
                        """,
                "tests/bad_test.yaml",
                """
                        suite: bad
                        templates:
                          - bad.yaml
                        tests:
                          - it: fails to parse
                            asserts:
                              - isKind:
                                  of: ConfigMap
                        """);
        UnittestReport report = UnittestRunner.builder().build().run(List.of(dir));
        String out = print(report, dir);
        assertEquals(
                "1 failed, 1 errored, 2 passed, 3 total", report.testCounts().summary(), out);
        assertTrue(out.contains("missing value for if"), out);
    }

    private static final String LOOKUP_TEMPLATE = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: lookups
            data:
              secret: {{ dig "metadata" "name" "none" (lookup "v1" "Secret" "apps" "db") | quote }}
              elsewhere: {{ lookup "v1" "Secret" "other" "db" | toJson | quote }}
              count: {{ dig "items" list (lookup "v1" "Secret" "" "") | len | quote }}
              listKind: {{ dig "kind" "none" (lookup "v1" "Secret" "" "") | quote }}
              nodes: {{ lookup "v1" "Node" "" "" | toJson | quote }}
            """;

    /** kubernetesProvider: lookup answers from the suite's and the test's objects, by the scheme's resources. */
    @Test
    void kubernetesProviderAnswersLookup() throws IOException {
        Path dir = chart(
                "lookups",
                "Chart.yaml",
                "apiVersion: v2\nname: lookups\nversion: 0.1.0\n",
                "templates/cm.yaml",
                LOOKUP_TEMPLATE,
                "tests/no_cluster_test.yaml",
                """
                        suite: no cluster
                        tests:
                          - it: finds nothing, as helm template
                            asserts:
                              - equal: {path: data.secret, value: none}
                              - equal: {path: data.count, value: "0"}
                        """,
                "tests/fake_cluster_test.yaml",
                """
                        suite: fake cluster
                        kubernetesProvider:
                          scheme:
                            "v1/Secret": {gvr: {version: v1, resource: secrets}, namespaced: true}
                          objects:
                            - {apiVersion: v1, kind: Secret, metadata: {name: db, namespace: apps}}
                            - {apiVersion: v1, kind: Node, metadata: {name: n1}}
                        tests:
                          - it: finds the suite's objects
                            asserts:
                              - equal: {path: data.secret, value: db}
                              - equal: {path: data.elsewhere, value: "{}"}
                              - equal: {path: data.count, value: "1"}
                              - equal: {path: data.listKind, value: SecretList}
                              - equal: {path: data.nodes, value: "{}"}
                          - it: adds the test's objects to the suite's
                            kubernetesProvider:
                              objects:
                                - {apiVersion: v1, kind: Secret, metadata: {name: db, namespace: other}}
                            asserts:
                              - equal: {path: data.count, value: "2"}
                              - matchRegex: {path: data.elsewhere, pattern: '"namespace":"other"'}
                        """);
        assertPasses(dir, "3 passed, 3 total");
    }

    /** postRenderer: the rendered files go through the command (the test's replaces the suite's). */
    @Test
    void postRendererPipesTheManifestsThroughTheCommand() throws IOException {
        Path dir = chart(
                "post",
                "Chart.yaml",
                "apiVersion: v2\nname: post\nversion: 0.1.0\n",
                "templates/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  color: red\n",
                "tests/post_test.yaml",
                """
                        suite: post-rendered
                        postRenderer:
                          cmd: sed
                          args: ["-e", "s/color: red/color: blue/"]
                        tests:
                          - it: sees the suite's post-renderer
                            asserts:
                              - equal: {path: data.color, value: blue}
                          - it: sees its own post-renderer instead
                            postRenderer:
                              cmd: sed
                              args: ["-e", "s/color: red/color: green/"]
                            asserts:
                              - equal: {path: data.color, value: green}
                          - it: fails with the command
                            postRenderer:
                              cmd: sh
                              args: ["-c", "echo broken >&2; exit 3"]
                            asserts:
                              - equal: {path: data.color, value: red}
                        """);
        UnittestReport report = UnittestRunner.builder().build().run(List.of(dir));
        String out = print(report, dir);
        assertEquals(
                "1 failed, 1 errored, 2 passed, 3 total", report.testCounts().summary(), out);
        assertTrue(
                out.contains("post-render failed: error while running command sh. error output:\nbroken\n: exit"
                        + " status 3"),
                out);
    }

    /** --chart-tests-path: the suites are the rendered templates of a chart inside the chart. */
    @Test
    void chartTestsPathRendersSuites() throws IOException {
        Path dir = chart(
                "generated",
                "Chart.yaml",
                "apiVersion: v2\nname: generated\nversion: 0.1.0\n",
                "templates/cm.yaml",
                """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: c
                        data:
                          env: {{ .Values.env }}
                        """,
                "tests-chart/Chart.yaml",
                "apiVersion: v2\nname: suites\nversion: 0.1.0\n",
                "tests-chart/values.yaml",
                "envs: [dev, prod]\n",
                "tests-chart/templates/env_test.yaml",
                """
                        {{- range .Values.envs }}
                        ---
                        suite: env {{ . }} in {{ $.Release.Name }}
                        tests:
                          - it: renders {{ . }}
                            set:
                              env: {{ . }}
                            asserts:
                              - equal: {path: data.env, value: {{ . }}}
                              - matchSnapshot: {}
                        {{- end }}
                        """);
        UnittestReport report = UnittestRunner.builder()
                .testFiles(List.of())
                .chartTestsPath("tests-chart")
                .build()
                .run(List.of(dir));
        String out = print(report, dir);
        assertTrue(report.passed(), out);
        assertTrue(out.contains(" PASS  env dev in TEST-SUITE-RELEASE\ttests-chart/templates/env_test.yaml"), out);
        assertEquals("2 passed, 2 total", report.testCounts().summary(), out);
        for (String id : List.of("0", "1")) {
            assertTrue(
                    Files.isRegularFile(
                            dir.resolve("tests-chart/templates/__snapshot__/env_test.yaml_" + id + ".snap")),
                    id);
        }
    }

    /** A packaged chart (.tgz) runs too; relative suite globs are joined to its path and cleaned, as in Go. */
    @Test
    void aPackagedChartRunsSuitesFoundBesideIt() throws IOException, InterruptedException {
        chart(
                "src/packed",
                "Chart.yaml",
                "apiVersion: v2\nname: packed\nversion: 0.1.0\n",
                "templates/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Chart.Name }}\n");
        chart("suites", "packed_test.yaml", """
                suite: packed
                tests:
                  - it: renders from the archive
                    asserts:
                      - equal: {path: metadata.name, value: packed}
                """);
        Path archive = tmp.resolve("packed-0.1.0.tgz");
        Process tar = new ProcessBuilder(
                        "tar",
                        "czf",
                        archive.toString(),
                        "-C",
                        tmp.resolve("src").toString(),
                        "packed")
                .inheritIO()
                .start();
        assertEquals(0, tar.waitFor());
        UnittestReport report = UnittestRunner.builder()
                .testFiles(List.of("../suites/*_test.yaml"))
                .build()
                .run(List.of(archive));
        String out = print(report, tmp);
        assertTrue(report.passed(), out);
        assertTrue(out.contains("### Chart [ packed ] packed-0.1.0.tgz"), out);
        assertEquals("1 passed, 1 total", report.testCounts().summary(), out);
    }
}
