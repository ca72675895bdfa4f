package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real Maven builds of sample projects against the freshly built runway-maven-plugin. */
class RunwayPluginIT {

    private static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    // ---- runway:docs -------------------------------------------------------------------------------------

    @Test
    void docsCheckPassesOnTheCommittedReadmeAndFailsWithTheFixCommandWhenStale() throws IOException {
        Path project = MavenRun.copy(MavenRun.project("minimal"), "docs");
        Path chart = project.resolve("chart");
        MavenRun.copy(CHART, "docs/chart");

        MavenRun.run(project, "runway:docs", "-Drunway.chartDirectory=chart", "-Drunway.docs.check")
                .assertSuccess()
                .assertLogContains("chart/README.md is up to date (");

        Path values = chart.resolve("values.yaml");
        Files.writeString(
                values,
                Files.readString(values)
                        .replace("# -- Container port the service listens on for HTTP.", "# -- The HTTP port."));
        MavenRun.run(project, "runway:docs", "-Drunway.chartDirectory=chart", "-Drunway.docs.check")
                .assertFailure()
                .assertLogContains(
                        "chart/README.md is out of date",
                        "run `mvn runway:docs -Drunway.chartDirectory=chart`",
                        "generated: | `port` | integer | `8080` |  | 1 to 65535 | The HTTP port. |");

        MavenRun.run(project, "runway:docs", "-Drunway.chartDirectory=chart")
                .assertSuccess()
                .assertLogContains("chart/README.md updated");
        assertTrue(Files.readString(chart.resolve("README.md")).contains("| The HTTP port. |"));
        assertTrue(
                Files.readString(chart.resolve("README.md")).contains("## Credential source"),
                "the prose outside the markers is kept");
        MavenRun.run(project, "-o", "runway:docs", "-Drunway.chartDirectory=chart", "-Drunway.docs.check")
                .assertSuccess()
                .assertLogContains("is up to date");
    }

    // ---- Maven conventions ------------------------------------------------------------------------------

    @Test
    void skipSkipsEveryGoal() {
        Path project = MavenRun.copy(MavenRun.sample(), "skip");
        MavenRun.run(project, "-o", "runway:render", "runway:verify", "runway:docs", "-Drunway.skip")
                .assertSuccess()
                .assertLogContains(
                        "runway:render skipped (runway.skip)",
                        "runway:verify skipped (runway.skip)",
                        "runway:docs skipped (runway.skip)");
        assertFalse(Files.exists(project.resolve("target/runway")));
    }

    @Test
    void helpListsTheGoalsAndTheirProperties() {
        Path project = MavenRun.copy(MavenRun.project("minimal"), "help");
        MavenRun.run(project, "-o", "runway:help", "-Ddetail", "-Dgoal=render")
                .assertSuccess()
                .assertLogContains(
                        "runway:render",
                        "User property: runway.valuesFiles",
                        "User property: runway.skip",
                        "target/runway/<environment>/",
                        "User property: runway.render.skip",
                        "Each <environment> takes <name>",
                        "User property: runway.extraSet")
                .assertLogLacks("${project.build.directory/");
    }

    @Test
    void fluxPlaceholderReplacedByMavenStopsTheBuildBeforeRendering() {
        Path project = MavenRun.copy(MavenRun.project("minimal"), "interpolated");
        MavenRun.run(project, "-o", "runway:render", "-Daws_account_id=123456789012")
                .assertFailure()
                .assertLogContains(
                        "set entry 'aws.accountId=${aws_account_id}' reached the goal as "
                                + "'aws.accountId=123456789012': Maven replaced ${aws_account_id}",
                        "put Flux placeholders in a values file");
        MavenRun.run(project, "-o", "runway:render", "-Daws_account_id=")
                .assertFailure()
                .assertLogContains("set entry 'aws.accountId=' has an empty value");
    }

    // ---- runway:render and runway:verify on the sample service -------------------------------------------

    @Test
    void renderWritesEveryEnvironmentAsHelmWouldAndOnlyWhenChanged() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "render");
        MavenRun.run(project, "-o", "runway:render")
                .assertSuccess()
                .assertLogContains(
                        "[staging] 4 resources (1 ConfigMap, 1 Deployment, 1 Service, 1 ServiceAccount)",
                        "[production] 6 resources (1 ConfigMap, 1 Deployment, 1 HorizontalPodAutoscaler, 1 PodDisruptionBudget, 1 Service, 1 ServiceAccount)",
                        "Flux variables kept: ${aws_account_id}, ${gcp_project_id}, ${gcp_project_number}, ${gcp_wip_id}");
        for (String environment : new String[] {"staging", "production"}) {
            Path rendered = project.resolve("target/runway/" + environment + "/manifests.yaml");
            assertEquals(
                    Files.readString(project.resolve("deploy/" + environment + "/manifests.yaml")),
                    Files.readString(rendered),
                    environment + ": the render equals helm template's output");
        }
        Path staging = project.resolve("target/runway/staging/manifests.yaml");
        Files.setLastModifiedTime(staging, FileTime.fromMillis(1_000_000_000L));
        // Forced past the up-to-date check (RenderUpToDateIT), the render finds every file already holding its content.
        MavenRun.run(project, "-o", "runway:render", "-Drunway.force=true")
                .assertSuccess()
                .assertLogContains("up to date (1 file)");
        assertEquals(
                1_000_000_000L, Files.getLastModifiedTime(staging).toMillis(), "unchanged output is not rewritten");
    }

    /**
     * Two parallel Maven builds ({@code -T 2C}) rendering the same project into the same output at the same time:
     * both succeed, the files are whole and equal to Helm's output, and no temporary file is left behind.
     */
    @Test
    void parallelBuildsRenderingTheSameProjectDoNotCorruptEachOther() throws Exception {
        Path project = MavenRun.copy(MavenRun.sample(), "parallel");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<MavenRun.Result> first =
                    pool.submit(() -> MavenRun.run(project, "-o", "-T", "2C", "runway:render"));
            java.util.concurrent.Future<MavenRun.Result> second =
                    pool.submit(() -> MavenRun.run(project, "-o", "-T", "2C", "runway:render"));
            first.get().assertSuccess();
            second.get().assertSuccess();
        } finally {
            pool.shutdownNow();
        }
        for (String environment : new String[] {"staging", "production"}) {
            assertEquals(
                    Files.readString(project.resolve("deploy/" + environment + "/manifests.yaml")),
                    Files.readString(project.resolve("target/runway/" + environment + "/manifests.yaml")),
                    environment + ": whole and equal to helm template's output after the parallel builds");
        }
        try (java.util.stream.Stream<Path> files = Files.walk(project.resolve("target/runway"))) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                            .toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void perResourceLayoutForOneEnvironment() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "per-resource");
        MavenRun.run(project, "-o", "runway:render", "-Drunway.layout=PER_RESOURCE", "-Drunway.environment=production")
                .assertSuccess();
        Path production = project.resolve("target/runway/production");
        String kustomization = Files.readString(production.resolve("kustomization.yaml"));
        assertTrue(kustomization.contains("  - deployment-payments.yaml\n"), kustomization);
        assertTrue(Files.exists(production.resolve("horizontalpodautoscaler-payments.yaml")));
        assertFalse(Files.exists(project.resolve("target/runway/staging")), "only the selected environment");

        // Switch the committed manifests to this layout (the sample's deploy/ holds one file per environment): accept
        // once, then verify against them; a stale kustomization is drift.
        String[] perResource = {"-o", "runway:verify", "-Drunway.layout=PER_RESOURCE", "-Drunway.environment=production"
        };
        MavenRun.run(project, append(perResource, "-Drunway.updateCommitted"))
                .assertSuccess()
                .assertLogContains("[production] updated deploy/production: 7 written, 1 removed");
        assertEquals(kustomization, Files.readString(project.resolve("deploy/production/kustomization.yaml")));
        assertFalse(Files.exists(project.resolve("deploy/production/manifests.yaml")));
        MavenRun.run(project, perResource).assertSuccess().assertLogContains("no drift from deploy/production");
        Files.writeString(
                project.resolve("deploy/production/kustomization.yaml"),
                kustomization.replace("  - deployment-payments.yaml\n", ""));
        MavenRun.run(project, perResource)
                .assertFailure()
                .assertLogContains("### Kustomization/kustomization: changed", "+  - deployment-payments.yaml");
    }

    private static String[] append(String[] arguments, String extra) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = extra;
        return all;
    }

    @Test
    void fullBuildRendersAndVerifiesBothEnvironments() {
        Path project = MavenRun.copy(MavenRun.sample(), "verify-pass");
        MavenRun.run(project, "-o", "verify")
                .assertSuccess()
                .assertLogContains(
                        "[staging] 0 errors",
                        "no drift from deploy/staging",
                        "[production] 0 errors",
                        "no drift from deploy/production");
        assertTrue(Files.exists(project.resolve("target/runway-reports/production/code-quality.json")));
        assertTrue(
                Files.exists(project.resolve("target/payments-service-1.4.2.jar")), "the service itself still builds");
    }

    @Test
    void verifyFailsOnDriftWithAReadableDiffAndTheUpdateCommand() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "verify-drift");
        Path committed = project.resolve("deploy/staging/manifests.yaml");
        Files.writeString(committed, Files.readString(committed).replace("  replicas: 1\n", "  replicas: 5\n"));
        MavenRun.Result result = MavenRun.run(project, "-o", "runway:verify")
                .assertFailure()
                .assertLogContains(
                        "[staging] drift: the manifests committed in deploy/staging differ from the render",
                        "-  replicas: 5",
                        "+  replicas: 1",
                        "mvn runway:verify -Drunway.updateCommitted");
        result.assertLogLacks("[production] drift");
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.updateCommitted").assertSuccess();
        MavenRun.run(project, "-o", "runway:verify").assertSuccess();
    }

    @Test
    void badValuesFailWithAClearMessageAndLeaveEarlierOutputAlone() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "bad-values");
        MavenRun.run(project, "-o", "runway:render").assertSuccess();
        Path staging = project.resolve("target/runway/staging/manifests.yaml");
        String before = Files.readString(staging);
        MavenRun.run(project, "-o", "runway:render", "-Drunway.set=port=70000")
                .assertFailure()
                .assertLogContains(
                        "runway:render failed for environment 'staging'",
                        "set [port=70000]",
                        "- port: expected",
                        "(--set port=70000)");
        assertEquals(before, Files.readString(staging), "a failed render leaves the earlier output untouched");
    }
}
