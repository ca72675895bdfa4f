package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.values.MergedValues;
import dev.runway.render.values.ValuesFileMemo;
import dev.runway.render.values.ValuesFiles;
import dev.runway.render.values.ValuesPath;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentPlannerTest {

    @TempDir
    Path basedir;

    private final List<String> info = new ArrayList<>();

    @BeforeEach
    void serviceRepository() throws IOException {
        Files.createDirectories(basedir.resolve(".runway"));
        Files.writeString(basedir.resolve(".runway/values.yaml"), "serviceId: payments\n");
        Files.writeString(basedir.resolve(".runway/staging.yaml"), "replicas: 1\n");
    }

    /** The settings of a goal without any configuration. */
    private Settings settings() {
        return new Settings();
    }

    /** The goal's parameters ({@link GoalSettings}) with the planning this test asks for. */
    private final class Settings extends GoalSettings {
        Settings() {
            super(basedir);
        }

        EnvironmentPlanner.Plan plan() throws PipelineException {
            return EnvironmentPlanner.plan(build(), info::add);
        }

        PipelineException failure() {
            return assertThrows(PipelineException.class, this::plan);
        }
    }

    private static EnvironmentPlanner.EnvironmentSettings environment(String name, Path... valuesFiles) {
        return new EnvironmentPlanner.EnvironmentSettings(
                name, List.of(valuesFiles), List.of(), List.of(), List.of(), null, null, null, null);
    }

    @Test
    void withoutEnvironmentsOneDefaultEnvironmentWithTheDefaultValuesFileAndTheServiceIdAsRelease() throws Exception {
        EnvironmentPlanner.Plan plan = settings().plan();
        assertEquals(1, plan.environments().size());
        PlannedEnvironment env = plan.environments().get(0);
        assertEquals(EnvironmentPlanner.DEFAULT_ENVIRONMENT, env.name());
        assertEquals(ChartSource.RUNWAY_EKS, env.request().chart());
        assertEquals(
                List.of(basedir.resolve(".runway/values.yaml")), env.request().valuesFiles());
        assertEquals("payments", env.request().releaseName());
        assertEquals("payments", env.request().namespace());
        assertEquals(HelmVersion.HELM_4_1, env.request().helmVersion());
        assertNull(env.committedManifests());
        assertEquals(List.of(), info, "no overrides, nothing said");
    }

    @Test
    void environmentsAddTheirFilesAfterTheGoalsAndExtrasComeLast() throws Exception {
        Settings settings = settings();
        settings.set = List.of("replicas=2");
        settings.extraSet = List.of("replicas=3");
        settings.extraValuesFiles = List.of(Path.of(".runway/staging.yaml"));
        settings.environments =
                List.of(environment("staging", Path.of(".runway/staging.yaml")), environment("production"));
        settings.committedManifestsRoot = basedir.resolve("deploy");
        List<PlannedEnvironment> plan = settings.plan().environments();
        assertEquals(
                List.of("staging", "production"),
                plan.stream().map(PlannedEnvironment::name).toList());
        assertEquals(
                List.of(
                        basedir.resolve(".runway/values.yaml"),
                        basedir.resolve(".runway/staging.yaml"),
                        basedir.resolve(".runway/staging.yaml")),
                plan.get(0).request().valuesFiles());
        assertEquals(List.of("replicas=2", "replicas=3"), plan.get(1).request().set());
        assertEquals(basedir.resolve("deploy/production"), plan.get(1).committedManifests());
        assertEquals(
                "[staging] overrides: --set replicas=2 (POM <set>), --set replicas=3 (-Drunway.extraSet), "
                        + "values [.runway/staging.yaml] (-Drunway.extraValuesFiles)",
                info.get(0));
    }

    @Test
    void overridesFromTheCommandLineAreNamedByTheirProperty() throws Exception {
        Settings settings = settings();
        settings.set = List.of("replicas=2");
        settings.origins = new EnvironmentPlanner.Origins(Map.of(), Set.of("set"), List.of());
        settings.plan();
        assertEquals(List.of("[default] overrides: --set replicas=2 (-Drunway.set)"), info);
    }

    @Test
    void theImageTagWarningNamesTheEnvironmentsWithoutOneAndTheImageParameterSetsIt() throws Exception {
        Settings settings = settings();
        assertTrue(
                settings.plan()
                        .warnings()
                        .get(0)
                        .startsWith("image.tag is not set in any values file or "
                                + "override, so the image tag is the chart's appVersion"),
                settings.plan().warnings().toString());
        Files.writeString(basedir.resolve(".runway/production.yaml"), "image:\n  tag: 1.2.3\n");
        settings.environments =
                List.of(environment("staging"), environment("production", Path.of(".runway/production.yaml")));
        assertTrue(
                settings.plan()
                        .warnings()
                        .get(0)
                        .startsWith("image.tag is not set for staging in any values " + "file"),
                settings.plan().warnings().toString());
        settings.image = "registry.example.com/runway/payments:abc123";
        EnvironmentPlanner.Plan plan = settings.plan();
        assertEquals(List.of(), plan.warnings());
        assertEquals(
                List.of("image.repository=registry.example.com/runway/payments", "image.tag=abc123"),
                plan.environments().get(0).request().setString());
    }

    @Test
    void mistakesStopThePlanWithTheMessageTheBuildShowsAndTheWarningsSoFar() {
        Settings settings = settings();
        settings.origins = new EnvironmentPlanner.Origins(Map.of(), Set.of(), List.of("a build tool warning"));
        settings.environments = List.of(environment("staging"), environment("production"));
        settings.selection = "prod";
        PipelineException unknown = settings.failure();
        assertEquals(
                "runway.environment names [prod] but the configured environments are [staging, production]",
                unknown.getMessage());
        assertEquals("a build tool warning", unknown.warnings().get(0));

        settings.selection = null;
        settings.environments = List.of(environment("staging"), environment("staging"));
        assertEquals(
                "environment 'staging' is configured twice", settings.failure().getMessage());
        settings.environments = List.of(environment("../x"));
        assertTrue(settings.failure().getMessage().contains("must be a plain folder name"));
        settings.environments = List.of(environment("staging", Path.of(".runway/missing.yaml")));
        assertEquals(
                "environment staging valuesFiles: values file " + basedir.resolve(".runway/missing.yaml")
                        + " does not exist",
                settings.failure().getMessage());
        settings.environments = null;
        settings.helmVersion = "2.17";
        assertTrue(settings.failure().getMessage().startsWith("runway.helmVersion: unsupported Helm version '2.17'"));
        settings.helmVersion = null;
        settings.chartDirectory = basedir.resolve("nochart");
        assertTrue(settings.failure()
                .getMessage()
                .startsWith(
                        "chartDirectory nochart does not exist; point " + "runway.chartDirectory at a chart folder"));
        settings.chartDirectory = basedir.resolve(".runway");
        assertTrue(settings.failure().getMessage().startsWith("chartDirectory .runway has no Chart.yaml"));
    }

    @Test
    void badValuesAndServiceIdsAreNamedWithTheirPlace() throws IOException {
        Settings settings = settings();
        Files.writeString(basedir.resolve(".runway/values.yaml"), "serviceId: payments\nimage: [oops\n");
        PipelineException broken = settings.failure();
        assertTrue(broken.getMessage().startsWith(".runway/values.yaml:3:1: YAML syntax error: "), broken.getMessage());
        assertTrue(
                broken.getMessage().endsWith("(runway:render, reading the values of environment 'default')"),
                broken.getMessage());

        Files.writeString(basedir.resolve(".runway/values.yaml"), "replicas: 1\n");
        assertTrue(settings.failure()
                .getMessage()
                .contains("no service id: set metadata.name in .runway/runway.yml, "
                        + "serviceId in .runway/values.yaml, or runway.serviceId"));
        settings.serviceId = "Orders-API";
        assertTrue(
                settings.failure()
                        .getMessage()
                        .startsWith("runway.serviceId: serviceId \"Orders-API\" is not a " + "valid service id: "),
                settings.failure().getMessage());
    }

    /** The same request reading its values files at every merge, as every request did before the run's memo. */
    private static RenderRequest rereading(RenderRequest r) {
        return new RenderRequest(
                r.chart(),
                r.valuesFiles(),
                r.set(),
                r.setString(),
                r.setFile(),
                r.releaseName(),
                r.namespace(),
                r.kubeVersion(),
                r.baseDirectory(),
                r.manifestValues(),
                r.helmVersion(),
                null);
    }

    @Test
    void aRunReadsEachValuesFileOnceForThePlanAndEveryMergeOfItsRequests() throws Exception {
        Files.writeString(basedir.resolve(".runway/values.yaml"), "serviceId: payments\nimage:\n  repository: r\n");
        Files.writeString(basedir.resolve(".runway/production.yaml"), "replicas: 3\nimage:\n  tag: p\n");
        Settings settings = settings();
        settings.environments = List.of(
                environment("staging", Path.of(".runway/staging.yaml")),
                environment("production", Path.of(".runway/production.yaml")));
        Map<String, Integer> decoded = new TreeMap<>();
        ValuesFileMemo run = new ValuesFileMemo(ValuesFiles.standard().withDecoder((text, name) -> {
            decoded.merge(name, 1, Integer::sum);
            return GoYaml.read(text, name);
        }));
        List<PlannedEnvironment> plan =
                EnvironmentPlanner.plan(settings.build(), info::add, run).environments();
        for (PlannedEnvironment env : plan) {
            // runway:verify merges each request for the render, the handshake and the finding locator
            for (int i = 0; i < 3; i++) {
                env.request().mergeValues();
            }
            env.request().withRelease("other", "other").mergeValues();
        }
        assertEquals(
                Map.of(".runway/production.yaml", 1, ".runway/staging.yaml", 1, ".runway/values.yaml", 1),
                decoded,
                "the plan's drafts, the renders and the checks of both environments share one read of each file");
        for (PlannedEnvironment env : plan) {
            MergedValues memo = env.request().mergeValues();
            MergedValues before = rereading(env.request()).mergeValues();
            assertEquals(before.values(), memo.values(), env.name());
            for (ValuesPath path :
                    List.of(ValuesPath.of("serviceId"), ValuesPath.of("image", "tag"), ValuesPath.of("replicas"))) {
                assertEquals(before.origins().originOf(path), memo.origins().originOf(path), env.name() + " " + path);
            }
        }
        assertEquals(
                ".runway/production.yaml:3:8",
                plan.get(1)
                        .request()
                        .mergeValues()
                        .origins()
                        .originOf(ValuesPath.of("image", "tag"))
                        .orElseThrow()
                        .toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneEnvironmentsOverridesDoNotReachTheValuesFilesAnotherEnvironmentShares() throws Exception {
        Files.writeString(
                basedir.resolve(".runway/values.yaml"),
                "serviceId: payments\nimage:\n  repository: r\nports:\n- name: http\n  port: 80\n");
        Settings settings = settings();
        settings.environments = List.of(
                new EnvironmentPlanner.EnvironmentSettings(
                        "staging",
                        List.of(),
                        List.of("ports[0].port=81,image.pullPolicy=Always"),
                        List.of("image.tag=s"),
                        List.of(),
                        null,
                        null,
                        null,
                        null),
                environment("production"));
        List<PlannedEnvironment> plan = settings.plan().environments();
        MergedValues staging = plan.get(0).request().mergeValues();
        assertEquals(
                Map.of("repository", "r", "pullPolicy", "Always", "tag", "s"),
                staging.values().get("image"));
        assertEquals(
                List.of(Map.of("name", "http", "port", 81L)), staging.values().get("ports"));
        // The render changes nothing it is given, but a merge's result is the caller's to change.
        staging.values().put("serviceId", "changed");
        ((Map<String, Object>) staging.values().get("image")).put("tag", "changed");
        assertEquals(
                Map.of("repository", "r"),
                plan.get(1).request().mergeValues().values().get("image"));
        assertEquals(
                List.of(Map.of("name", "http", "port", 80.0)),
                plan.get(1).request().mergeValues().values().get("ports"));
        assertEquals(
                rereading(plan.get(1).request()).mergeValues().values(),
                plan.get(1).request().mergeValues().values());
        assertEquals(
                rereading(plan.get(0).request()).mergeValues().values(),
                plan.get(0).request().mergeValues().values());
    }

    @Test
    void aPlaceholderTheBuildToolReplacedIsAnErrorForTheChartsFluxVariables() {
        Settings settings = settings();
        settings.set = List.of("gcp.projectId=my-project-123");
        settings.origins = new EnvironmentPlanner.Origins(
                Map.of("set", List.of("gcp.projectId=${gcp_project_id}")), Set.of(), List.of());
        PipelineException e = settings.failure();
        assertTrue(
                e.getMessage()
                        .startsWith("runway:render: set entry 'gcp.projectId=${gcp_project_id}' reached "
                                + "the goal as 'gcp.projectId=my-project-123': Maven replaced ${gcp_project_id}"),
                e.getMessage());
    }

    @Test
    void theServiceManifestGivesValuesPerEnvironmentAndSkippedFieldsAreSaid() throws Exception {
        Files.writeString(basedir.resolve(".runway/runway.yml"), """
                kind: RunwayService
                metadata:
                  name: payments
                spec:
                  container_port: 9090
                """);
        Files.writeString(basedir.resolve(".runway/runway-staging.yml"), """
                kind: RunwayService
                metadata:
                  name: payments
                spec:
                  container_port: 9091
                  regions: [us-east1]
                """);
        Settings settings = settings();
        settings.environments = List.of(environment("staging"), environment("production"));
        PipelineException e = settings.failure();
        assertTrue(e.getMessage().startsWith("runway:render failed for environment 'staging': "), e.getMessage());
        assertTrue(
                e.getMessage().contains(".runway/runway-staging.yml:6:3: spec.regions: has no meaning on EKS"),
                e.getMessage());
        Settings ignoring = settings();
        ignoring.environments = settings.environments;
        ignoring.ignoredManifestFields = List.of("spec.regions");
        ignoring.origins = null;
        List<PlannedEnvironment> plan =
                EnvironmentPlanner.plan(ignoring.build(), info::add).environments();
        assertEquals(9091.0, plan.get(0).request().manifestValues().values().get("port"));
        assertEquals(9090.0, plan.get(1).request().manifestValues().values().get("port"));
        assertEquals(
                List.of("[staging] .runway/runway-staging.yml: skipped spec.regions "
                        + "(runway.ignoredManifestFields)"),
                info);
    }
}
