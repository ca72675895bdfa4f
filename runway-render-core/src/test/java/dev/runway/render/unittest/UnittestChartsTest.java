package dev.runway.render.unittest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Path dir = chart("parent",
                "Chart.yaml", """
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
                "values.yaml", "db:\n  enabled: true\nreplica:\n  enabled: true\n",
                "charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 0.3.0\n",
                "charts/db/templates/cm.yaml", SUBCHART_TEMPLATE,
                "tests/alias_test.yaml", """
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
        UnittestReport report = UnittestRunner.builder().build().run(List.of(dir));
        String out = print(report, dir);
        assertTrue(report.passed(), out);
        assertEquals("3 passed, 3 total", report.testCounts().summary(), out);
    }

    /** Templates are parsed per selection: one that does not parse fails only the tests that select it. */
    @Test
    void aTemplateThatDoesNotParseFailsOnlyTheTestsThatSelectIt() throws IOException {
        Path dir = chart("broken",
                "Chart.yaml", "apiVersion: v2\nname: broken\nversion: 0.1.0\n",
                "templates/good.yaml", "kind: ConfigMap\nmetadata:\n  name: good\n",
                "templates/bad.yaml", "kind: ConfigMap\n{{ if }}\n",
                "tests/good_test.yaml", """
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
                "tests/bad_test.yaml", """
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
        assertEquals("1 failed, 1 errored, 2 passed, 3 total", report.testCounts().summary(), out);
        assertTrue(out.contains("missing value for if"), out);
    }
}
