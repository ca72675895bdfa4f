package dev.runway.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.service.ChartSource;
import dev.runway.render.service.PlannedEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the goals' parameters become one render request per environment (no Maven run needed). */
class RenderPlanTest {

    @TempDir
    Path basedir;

    private RenderMojo mojo;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(basedir.resolve(".runway"));
        Files.writeString(basedir.resolve(".runway/values.yaml"), "serviceId: payments\n");
        Files.writeString(basedir.resolve(".runway/staging.yaml"), "replicas: 1\n");
        MavenProject project = new MavenProject(new Model());
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.setOriginalModel(new Model());
        mojo = new RenderMojo();
        mojo.project = project;
    }

    private static Environment environment(String name, String... valuesFiles) {
        Environment env = new Environment();
        env.setName(name);
        List<File> files = new ArrayList<>();
        for (String file : valuesFiles) {
            files.add(new File(file));
        }
        try {
            var field = Environment.class.getDeclaredField("valuesFiles");
            field.setAccessible(true);
            field.set(env, files);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
        }
        return env;
    }

    @Test
    void withoutEnvironmentsOneDefaultRenderOfTheBundledChartWithTheDefaultValuesFile() throws Exception {
        List<PlannedEnvironment> plan = mojo.plan(null);
        assertEquals(1, plan.size());
        PlannedEnvironment render = plan.get(0);
        assertEquals("default", render.name());
        assertEquals(ChartSource.RUNWAY_EKS, render.request().chart());
        assertEquals(
                List.of(basedir.resolve(".runway/values.yaml")),
                render.request().valuesFiles());
        assertEquals("payments", render.request().releaseName(), "release name defaults to the values' serviceId");
        assertEquals("payments", render.request().namespace());
        assertNull(render.committedManifests());
    }

    @Test
    void helmVersionDefaultsToHelm4AndRunwayHelmVersionAsksForHelm3() throws Exception {
        assertEquals(HelmVersion.HELM_4_1, mojo.plan(null).get(0).request().helmVersion());
        mojo.helmVersion = "3";
        assertEquals(HelmVersion.HELM_3_21, mojo.plan(null).get(0).request().helmVersion());
        mojo.helmVersion = "v4.1.4";
        assertEquals(HelmVersion.HELM_4_1, mojo.plan(null).get(0).request().helmVersion());
    }

    @Test
    void anUnsupportedHelmVersionFailsNamingTheParameterAndTheChoices() {
        mojo.helmVersion = "2.17";
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(e.getMessage().startsWith("runway.helmVersion: unsupported Helm version '2.17'"), e.getMessage());
        assertTrue(e.getMessage().contains("Helm 4.1") && e.getMessage().contains("Helm 3.21"), e.getMessage());
    }

    @Test
    void environmentsAddTheirFilesAndSetsAfterTheGoalsOwn() throws Exception {
        mojo.set = List.of("replicas=2");
        mojo.environments = List.of(environment("staging", ".runway/staging.yaml"), environment("production"));
        List<PlannedEnvironment> plan = mojo.plan(basedir.resolve("deploy"));
        assertEquals(
                List.of("staging", "production"),
                plan.stream().map(PlannedEnvironment::name).toList());
        assertEquals(
                List.of(basedir.resolve(".runway/values.yaml"), basedir.resolve(".runway/staging.yaml")),
                plan.get(0).request().valuesFiles());
        assertEquals(List.of("replicas=2"), plan.get(1).request().set());
        assertEquals(basedir.resolve("deploy/production"), plan.get(1).committedManifests());
    }

    @Test
    void environmentSelectionAndItsMistakes() throws Exception {
        mojo.environments = List.of(environment("staging"), environment("production"));
        mojo.environment = "production";
        assertEquals(
                List.of("production"),
                mojo.plan(null).stream().map(PlannedEnvironment::name).toList());
        mojo.environment = "prod";
        MojoFailureException unknown = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(
                unknown.getMessage().contains("[prod]") && unknown.getMessage().contains("[staging, production]"),
                unknown.getMessage());
    }

    @Test
    void badConfigurationIsReportedWithTheFix() {
        mojo.environments = List.of(environment("staging"), environment("staging"));
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo.plan(null))
                .getMessage()
                .contains("environment 'staging' is configured twice"));
        mojo.environments = List.of(environment("../x"));
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo.plan(null))
                .getMessage()
                .contains("must be a plain folder name"));
        mojo.environments = List.of(environment("staging", ".runway/missing.yaml"));
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo.plan(null))
                .getMessage()
                .contains("missing.yaml does not exist"));
        mojo.environments = null;
        mojo.chartDirectory = basedir.resolve("nochart").toFile();
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo.plan(null))
                .getMessage()
                .contains("chartDirectory nochart does not exist"));
        mojo.chartDirectory = basedir.resolve(".runway").toFile();
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo.plan(null))
                .getMessage()
                .contains("chartDirectory .runway has no Chart.yaml"));
    }

    @Test
    void aBrokenValuesFileIsReportedFirstWithItsPosition() throws IOException {
        Files.writeString(basedir.resolve(".runway/values.yaml"), "serviceId: payments\nimage: [oops\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(e.getMessage().startsWith(".runway/values.yaml:3:1: YAML syntax error: "), e.getMessage());
    }

    @Test
    void aBadServiceIdIsNamedWithItsFileLineAndRule() throws IOException {
        Files.writeString(basedir.resolve(".runway/values.yaml"), "# the service\nserviceId: Orders-API\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                ".runway/values.yaml:2:12: serviceId \"Orders-API\" is not a valid " + "service id: "),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("lowercase letters, digits and '-'")
                        && e.getMessage().endsWith("for example serviceId: orders-api"),
                e.getMessage());
        mojo.set = List.of("serviceId=x");
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo.plan(null))
                .getMessage()
                .startsWith("--set serviceId=x: serviceId \"x\" is not a valid service id: "));
    }

    @Test
    void extraEntriesComeAfterThePomsAndTheEnvironmentsOwn() throws Exception {
        mojo.setString = List.of("image.tag=1.0.0");
        mojo.extraSetString = List.of("image.tag=2.0.0");
        mojo.extraSet = List.of("replicas=3");
        mojo.extraValuesFiles = List.of(new File(".runway/staging.yaml"));
        mojo.environments = List.of(environment("staging"));
        PlannedEnvironment render = mojo.plan(null).get(0);
        assertEquals(
                List.of("image.tag=1.0.0", "image.tag=2.0.0"), render.request().setString());
        assertEquals(List.of("replicas=3"), render.request().set());
        assertEquals(
                List.of(basedir.resolve(".runway/values.yaml"), basedir.resolve(".runway/staging.yaml")),
                render.request().valuesFiles());
    }

    @Test
    void noServiceIdAnywhereSaysWhereToSetIt() throws IOException {
        Files.writeString(basedir.resolve(".runway/values.yaml"), "replicas: 1\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(
                e.getMessage()
                        .contains("no service id: set metadata.name in .runway/runway.yml, serviceId in "
                                + ".runway/values.yaml, or runway.serviceId"),
                e.getMessage());
        mojo.serviceId = "ledger";
        assertDoesNotThrowPlan("ledger");
    }

    @Test
    void theServiceManifestGivesValuesAndTheIdAndMustAgreeWithTheValues() throws Exception {
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
                """);
        mojo.environments = List.of(environment("staging"), environment("production"));
        List<PlannedEnvironment> plan = mojo.plan(null);
        assertEquals(
                9091.0, plan.get(0).request().manifestValues().values().get("port"), "staging reads its own manifest");
        assertEquals(9090.0, plan.get(1).request().manifestValues().values().get("port"));
        assertEquals("payments", plan.get(1).request().namespace());

        Files.writeString(basedir.resolve(".runway/values.yaml"), "serviceId: ledger\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(
                e.getMessage()
                        .startsWith("environment staging: the service id is given differently: \"ledger\" from "
                                + ".runway/values.yaml:1:12 (serviceId), \"payments\" from "
                                + ".runway/runway-staging.yml:3:9 (metadata.name)."),
                e.getMessage());
    }

    @Test
    void aBadManifestStopsThePlanWithEveryProblem() throws IOException {
        Files.writeString(basedir.resolve(".runway/runway.yml"), """
                kind: RunwayService
                metadata:
                  name: payments
                spec:
                  regions: [us-east1]
                """);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(
                e.getMessage().contains(".runway/runway.yml:5:3: spec.regions: has no meaning on EKS"), e.getMessage());
        mojo.ignoredManifestFields = List.of("spec.regions");
        assertDoesNotThrowPlan("payments");
    }

    @Test
    void theImageParameterSetsRepositoryAndTagBeforeSetString() throws Exception {
        mojo.image = "registry.example.com:5000/runway/payments:abc123";
        mojo.setString = List.of("image.tag=override");
        assertEquals(
                List.of(
                        "image.repository=registry.example.com:5000/runway/payments",
                        "image.tag=abc123",
                        "image.tag=override"),
                mojo.plan(null).get(0).request().setString());
    }

    @Test
    void placeholderFromThePomThatMavenReplacedIsFoundInTheOriginalModel() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom sets = new Xpp3Dom("set");
        Xpp3Dom entry = new Xpp3Dom("set");
        entry.setValue("gcp.projectId=${gcp_project_id}");
        sets.addChild(entry);
        configuration.addChild(sets);
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.runway");
        plugin.setArtifactId("runway-maven-plugin");
        plugin.setConfiguration(configuration);
        Model original = new Model();
        original.setBuild(new Build());
        original.getBuild().addPlugin(plugin);
        mojo.project.setOriginalModel(original);
        mojo.set = List.of("gcp.projectId=my-project-123");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.plan(null));
        assertTrue(e.getMessage().contains("Maven replaced ${gcp_project_id}"), e.getMessage());
        mojo.set = List.of("gcp.projectId=${gcp_project_id}");
        assertDoesNotThrowPlan("payments");
    }

    private void assertDoesNotThrowPlan(String release) {
        try {
            assertEquals(release, mojo.plan(null).get(0).request().releaseName());
        } catch (MojoFailureException e) {
            throw new AssertionError(e);
        }
    }
}
