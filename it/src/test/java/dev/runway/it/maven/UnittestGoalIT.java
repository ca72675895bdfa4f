package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn runway:unittest} on a small chart with helm-unittest suites (src/it/projects/unittest-chart): a real
 * Maven with the freshly built plugin. Its {@code tests/} suites pass (one with a committed snapshot and a
 * {@code =~} filter), its {@code failing/} suite fails on purpose.
 */
class UnittestGoalIT {
    private static final String REPORT = "target/runway-reports/unittest/TEST-helm-unittest-hello.xml";
    private static final String SNAPSHOT = "chart/tests/__snapshot__/deployment_test.yaml.snap";

    @Test
    void passingSuitesPrintHelmUnittestsSummaryAndWriteJUnitXml() throws IOException {
        Path project = MavenRun.copy(MavenRun.project("unittest-chart"), "unittest-pass");
        String snapshot = Files.readString(project.resolve(SNAPSHOT));

        MavenRun.Result run = MavenRun.run(project, "-o", "runway:unittest")
                .assertSuccess()
                .assertLogContains(
                        "### Chart [ hello ] chart",
                        " PASS  deployment\tchart/tests/deployment_test.yaml",
                        " PASS  service\tchart/tests/service_test.yaml",
                        "Charts:      1 passed, 1 total",
                        "Test Suites: 2 passed, 2 total",
                        "Tests:       4 passed, 4 total",
                        "Snapshot:    1 passed, 1 total",
                        "runway:unittest: JUnit report ")
                .assertLogLacks("FAIL");
        assertEquals(0, run.exitCode());
        String xml = Files.readString(project.resolve(REPORT));
        assertTrue(xml.contains("tests=\"3\" failures=\"0\" errors=\"0\""), xml);
        assertTrue(xml.contains("name=\"takes replicas and image from the values\""), xml);
        assertTrue(xml.contains("name=\"targets the container port\""), xml);
        assertEquals(snapshot, Files.readString(project.resolve(SNAPSHOT)), "a matching snapshot is not rewritten");
    }

    @Test
    void aFailedAssertionFailsTheBuildWithHelmUnittestsMessage() throws IOException {
        Path project = MavenRun.copy(MavenRun.project("unittest-chart"), "unittest-fail");

        MavenRun.Result run = MavenRun.run(
                        project, "-o", "runway:unittest", "-Drunway.unittest.testFiles=failing/*_test.yaml")
                .assertFailure()
                .assertLogContains(
                        " FAIL  deployment, failing on purpose\tchart/failing/deployment_test.yaml",
                        "- expects three replicas",
                        "- asserts[0] `equal` fail",
                        "Template:\thello/templates/deployment.yaml",
                        "Path:\tspec.replicas",
                        "Charts:      1 failed, 0 passed, 1 total",
                        "Tests:       1 failed, 0 passed, 1 total",
                        "runway:unittest: 1 of 1 tests failed in hello");
        assertEquals(1, run.exitCode());
        String xml = Files.readString(project.resolve(REPORT));
        assertTrue(xml.contains("failures=\"1\""), xml);
        assertTrue(xml.contains("<failure message=\"Failed\""), xml);
    }

    @Test
    void updateSnapshotRewritesAChangedSnapshot() throws IOException {
        Path project = MavenRun.copy(MavenRun.project("unittest-chart"), "unittest-update");
        Path values = project.resolve("chart/values.yaml");
        Files.writeString(values, Files.readString(values).replace("tag: \"1.27\"", "tag: \"1.28\""));
        // the first test asserts the image too: it follows the change
        Path suite = project.resolve("chart/tests/deployment_test.yaml");
        Files.writeString(suite, Files.readString(suite).replace("value: nginx:1.27", "value: nginx:1.28"));

        MavenRun.run(project, "-o", "runway:unittest")
                .assertFailure()
                .assertLogContains(
                        "- asserts[0] `matchSnapshot` fail",
                        "-        - image: nginx:1.27",
                        "+        - image: nginx:1.28",
                        "Snapshot:    1 failed, 0 passed, 1 total",
                        "rerun with -Drunway.unittest.updateSnapshot");
        assertTrue(
                Files.readString(project.resolve(SNAPSHOT)).contains("image: nginx:1.27"),
                "a failing run leaves the snapshot alone");

        MavenRun.run(project, "-o", "runway:unittest", "-Drunway.unittest.updateSnapshot")
                .assertSuccess()
                .assertLogContains("Tests:       4 passed, 4 total");
        String updated = Files.readString(project.resolve(SNAPSHOT));
        assertTrue(updated.contains("- image: nginx:1.28"), updated);
        assertFalse(updated.contains("nginx:1.27"), updated);

        MavenRun.run(project, "-o", "runway:unittest")
                .assertSuccess()
                .assertLogContains("Snapshot:    1 passed, 1 total");
    }
}
