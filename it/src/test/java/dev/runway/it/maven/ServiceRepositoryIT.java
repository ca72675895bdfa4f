package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A service team's first hour, as real Maven runs: a new service repository made from README's "Start a service
 * repository" section alone (its pom snippet, its values files, its commands), then each mistake a team makes, with
 * the message that names the file, line and field.
 */
class ServiceRepositoryIT {

    private static final Path README = Path.of(System.getProperty("runway.it.sample"))
            .resolve("../../README.md")
            .normalize();
    private static final Pattern BLOCK = Pattern.compile("(?m)^( *)```(\\w*)\\n(.*?)^\\1```$", Pattern.DOTALL);

    /** README's section on starting a service repository. */
    private static String startSection() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("## Start a service repository");
        assertTrue(start >= 0, "README.md has no section 'Start a service repository'");
        int end = readme.indexOf("\n## ", start + 3);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The fenced blocks of a text, each dedented by its fence's indentation: {language, text}. */
    private static List<String[]> blocks(String text) {
        List<String[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String indent = m.group(1);
            StringBuilder body = new StringBuilder();
            for (String line : m.group(3).split("\n", -1)) {
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
                        .append('\n');
            }
            blocks.add(new String[] {m.group(2), body.substring(0, body.length() - 1)});
        }
        return blocks;
    }

    /**
     * A new service repository from README alone: a pom.xml around README's plugin snippet, and each values file
     * README shows (a YAML block whose first line names its path).
     */
    static Path newService(String name) throws IOException {
        Path project = MavenRun.copy(MavenRun.project("empty"), name);
        String plugin = null;
        for (String[] block : blocks(startSection())) {
            if (block[0].equals("xml") && block[1].contains("<artifactId>runway-maven-plugin</artifactId>")) {
                plugin = block[1];
            } else if (block[0].equals("yaml") && block[1].startsWith("# ")) {
                String path = block[1].substring(2, block[1].indexOf('\n'));
                Files.createDirectories(project.resolve(path).getParent());
                Files.writeString(project.resolve(path), block[1], StandardCharsets.UTF_8);
            }
        }
        assertTrue(plugin != null, "README's section shows no plugin snippet");
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>orders</artifactId>
                  <version>1.0.0</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                """ + plugin.indent(6) + """
                    </plugins>
                  </build>
                </project>
                """, StandardCharsets.UTF_8);
        return project;
    }

    /** README's commands for step 4, as Maven arguments. */
    private static List<String[]> readmeCommands() throws IOException {
        List<String[]> commands = new ArrayList<>();
        for (String[] block : blocks(startSection())) {
            if (!block[0].isEmpty() || !block[1].startsWith("mvn ")) {
                continue;
            }
            for (String line : block[1].split("\n", -1)) {
                String command = line.replaceFirst("#.*", "").strip();
                if (command.startsWith("mvn ")) {
                    commands.add(command.substring(4).split("\\s+"));
                }
            }
        }
        assertEquals(3, commands.size(), "README's step 4 shows render, verify -Drunway.updateCommitted and verify");
        return commands;
    }

    private static void followReadme(MavenRun.Installation maven, String name) throws IOException {
        Path project = newService(name);
        List<String[]> commands = readmeCommands();
        String[] render = commands.get(0);
        String[] renderShowingVersion = new String[render.length + 1];
        renderShowingVersion[0] = "-V";
        System.arraycopy(render, 0, renderShowingVersion, 1, render.length);
        MavenRun.run(maven, project, renderShowingVersion)
                .assertSuccess()
                .assertLogContains("Apache Maven " + (maven.version().equals("current") ? "3.9." : maven.version()))
                .assertLogContains(
                        "[staging] 4 resources",
                        "[production] 5 resources",
                        "[staging] target/runway/staging: 1 written")
                .assertLogLacks("WARNING");
        assertTrue(
                Files.readString(project.resolve("target/runway/production/manifests.yaml"))
                        .contains("image: \"registry.example.com/runway/orders:1.0.0\""),
                "the image tag is the POM's version");
        MavenRun.run(maven, project, commands.get(1))
                .assertSuccess()
                .assertLogContains(
                        "[staging] updated deploy/staging: 1 written, 0 removed",
                        "[production] updated deploy/production: 1 written, 0 removed")
                .assertLogLacks("does not exist");
        MavenRun.run(maven, project, commands.get(2))
                .assertSuccess()
                .assertLogContains(
                        "[staging] 0 errors, 0 warnings, no drift from deploy/staging",
                        "[production] 0 errors, 0 warnings, no drift from deploy/production");
    }

    @Test
    void readmeAloneTakesANewServiceFromNothingToRenderAndVerify() throws IOException {
        followReadme(MavenRun.Installation.current(), "readme-service");
    }

    @Test
    void readmeAloneWorksUnderTheMaven38OfDebianAndCiImages() throws IOException {
        followReadme(MavenRun.Installation.maven38(), "readme-service-maven-3.8");
    }

    @Test
    void readmeAloneWorksUnderTheOldestSupportedMaven() throws IOException {
        followReadme(MavenRun.Installation.minimum(), "readme-service-minimum-maven");
    }

    // ---- errors that point at the cause ----------------------------------------------------------------------

    private static MavenRun.Result render(Path project, String... more) {
        List<String> arguments = new ArrayList<>(List.of("-o", "runway:render", "-Drunway.environment=staging"));
        arguments.addAll(Arrays.asList(more));
        return MavenRun.run(project, arguments.toArray(String[]::new));
    }

    @Test
    void aYamlSyntaxErrorIsReportedFirstWithFileLineAndColumn() throws IOException {
        Path project = newService("yaml-syntax");
        Files.writeString(project.resolve(".runway/values.yaml"), "serviceId: orders\nimage:\n  repository: [oops\n");
        render(project)
                .assertFailure()
                .assertLogContains("on project orders: .runway/values.yaml:4:1: YAML syntax error: expected ',' or "
                        + "']', but got <stream end> (while parsing a flow sequence)")
                .assertLogLacks("no service id");
    }

    @Test
    void aBadServiceIdIsNamedWithItsFileLineAndRule() throws IOException {
        Path project = newService("bad-service-id");
        Files.writeString(project.resolve(".runway/values.yaml"), """
                # orders
                serviceId: Orders-API
                image:
                  repository: registry.example.com/runway/orders
                """);
        render(project)
                .assertFailure()
                .assertLogContains(
                        ".runway/values.yaml:2:12: serviceId \"Orders-API\" is not a valid service id: ",
                        "2 to 26 characters: lowercase letters, digits and '-', starting with a letter and ending with"
                                + " a letter or digit; for example serviceId: orders-api")
                .assertLogLacks("release name");
    }

    @Test
    void aMissingImageIsReportedAsRequiredWithWhereToSetIt() throws IOException {
        Path project = newService("missing-image");
        Files.writeString(project.resolve(".runway/values.yaml"), "serviceId: orders\n");
        render(project)
                .assertFailure()
                .assertLogContains("- image.repository is required and not set: set image.repository in "
                        + ".runway/values.yaml (Image repository, for example `registry.gitlab.com/gitlab-org/payments`"
                        + ".); the chart's default, the string \"\", does not pass");
    }

    @Test
    void verifyWithoutCommittedManifestsSaysSoOnceWithTheCommandThatCreatesThem() throws IOException {
        Path project = newService("no-deploy");
        MavenRun.Result result = MavenRun.run(project, "-o", "runway:verify")
                .assertFailure()
                .assertLogContains(
                        "[staging] deploy/staging does not exist: environment staging has no committed "
                                + "manifests to compare the render with. Create them from the render with `mvn "
                                + "runway:verify -Drunway.updateCommitted -Drunway.environment=staging`, review them "
                                + "and commit deploy/staging",
                        "[production] deploy/production does not exist")
                .assertLogLacks("/dev/null");
        result.assertLogLacks("not committed");
        assertEquals(1, count(result.log(), "[ERROR] [staging] deploy/staging does not exist"), "said once");
    }

    @Test
    void findingsPointAtTheValuesFileLineThatProducedTheValue() throws IOException {
        Path project = newService("findings");
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.updateCommitted").assertSuccess();
        Files.writeString(
                project.resolve(".runway/staging.yaml"), "replicas: 1\nenv:\n  REGION: \"${cluster_region}\"\n");
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.environment=staging")
                .assertFailure()
                .assertLogContains(
                        "[staging] ERROR .runway/staging.yaml:3:11: Deployment/orders/orders "
                                + "spec.template.spec.containers[0].env[1].value: `${cluster_region}` references Flux "
                                + "variable 'cluster_region', which is not allowed",
                        "[staging]   --- a/deploy/staging/manifests.yaml",
                        "[staging]   +++ b/deploy/staging/manifests.yaml")
                .assertLogLacks("runway-eks/templates/deployment.yaml:");
        String codeQuality = Files.readString(project.resolve("target/runway-reports/staging/code-quality.json"));
        assertTrue(codeQuality.contains("\"path\" : \".runway/staging.yaml\""), codeQuality);
        assertFalse(
                codeQuality.contains("runway-eks/templates/serviceaccount.yaml\""),
                "no finding points into the plugin jar: " + codeQuality);
    }

    @Test
    void clusterVariablesReachEnvThroughClusterVarsEnvWithoutAWarning() throws IOException {
        Path project = newService("cluster-vars-env");
        Files.writeString(project.resolve(".runway/staging.yaml"), """
                replicas: 1
                clusterVarsEnv:
                  GCP_PROJECT: gcp_project_id
                """);
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.updateCommitted").assertSuccess();
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.environment=staging")
                .assertSuccess()
                .assertLogContains("[staging] 0 errors, 0 warnings")
                .assertLogLacks("user-supplied-placeholder");
        assertTrue(Files.readString(project.resolve("target/runway-reports/staging/summary.md"))
                .contains("staging"));
        MavenRun.run(project, "-o", "runway:render", "-Drunway.environment=staging")
                .assertSuccess();
        assertTrue(Files.readString(project.resolve("target/runway/staging/manifests.yaml"))
                .contains("- name: \"GCP_PROJECT\"\n              value: \"$(RUNWAY_KEEP_STRING)${gcp_project_id}\""));

        // The same variable typed into env is still reported, at its line, with clusterVarsEnv as the fix: Flux would
        // substitute any ${...}, and as a whole value it would not stay a string.
        Files.writeString(project.resolve(".runway/staging.yaml"), """
                replicas: 1
                env:
                  GCP_PROJECT: "${gcp_project_id}"
                """);
        MavenRun.run(project, "-o", "runway:verify", "-Drunway.environment=staging", "-Drunway.updateCommitted")
                .assertFailure()
                .assertLogContains(
                        "[staging] WARNING .runway/staging.yaml:3:17: env.GCP_PROJECT: `${gcp_project_id}` "
                                + "comes from user value env.GCP_PROJECT",
                        "Fix: to give the service cluster variable "
                                + "'gcp_project_id', name it in clusterVarsEnv instead of env (clusterVarsEnv: {GCP_PROJECT: "
                                + "gcp_project_id})",
                        "[flux/user-supplied-placeholder]",
                        "[staging] ERROR .runway/staging.yaml:3:16: Deployment/orders/orders "
                                + "spec.template.spec.containers[0].env[1].value: `${gcp_project_id}` is the whole value",
                        "[flux/whole-scalar-placeholder]",
                        "[staging] 1 error, 1 warning, no drift");
    }

    @Test
    void aChartDirectoryThatDoesNotExistIsNamed() throws IOException {
        Path project = newService("no-chart");
        render(project, "-Drunway.chartDirectory=charts/mychart")
                .assertFailure()
                .assertLogContains("chartDirectory charts/mychart does not exist; point runway.chartDirectory at a "
                        + "chart folder (the one with Chart.yaml)")
                .assertLogLacks("has no Chart.yaml");
    }

    // ---- Maven conventions ------------------------------------------------------------------------------------

    @Test
    void commandLineOverridesAddToThePomsEntriesAndTheLogSaysWhichApplied() throws IOException {
        Path project = newService("overrides");
        render(project, "-Drunway.extraSetString=image.tag=2.0.0", "-Drunway.extraSet=replicas=3")
                .assertSuccess()
                .assertLogContains("[staging] overrides: --set-string image.tag=1.0.0 (POM <setString>), --set "
                        + "replicas=3 (-Drunway.extraSet), --set-string image.tag=2.0.0 (-Drunway.extraSetString)");
        String manifests = Files.readString(project.resolve("target/runway/staging/manifests.yaml"));
        assertTrue(manifests.contains("orders:2.0.0\"") && manifests.contains("replicas: 3"), manifests);

        // -Drunway.setString replaces the POM's list, as Maven does with list parameters: said once, with the fix.
        MavenRun.Result replaced = MavenRun.run(project, "-o", "runway:render", "-Drunway.setString=replicas=2");
        replaced.assertLogContains(
                "[WARNING] -Drunway.setString=replicas=2 replaced the POM's <setString> "
                        + "[image.tag=${project.version}] (Maven gives a list parameter its property's value); to add to the "
                        + "POM's entries instead, use -Drunway.extraSetString=...",
                "image.tag is not set in any values file or override, so the image tag is the chart's appVersion");
        assertEquals(1, count(replaced.log(), "replaced the POM's <setString>"), "each warning once");
        assertEquals(1, count(replaced.log(), "image.tag is not set"), "each warning once, for both environments");
    }

    @Test
    void aPropertyMavenReplacedInAnOverrideIsWarnedOnce() throws IOException {
        Path project = newService("replaced-property");
        Path pom = project.resolve("pom.xml");
        Files.writeString(
                pom,
                Files.readString(pom)
                        .replace(
                                "<setString><setString>",
                                "<set><set>podAnnotations.build=${build_id}</set></set><setString><setString>"));
        MavenRun.Result result = MavenRun.run(project, "-o", "runway:render", "-Dbuild_id=b42")
                .assertSuccess()
                .assertLogContains(
                        "[WARNING] set entry 'podAnnotations.build=${build_id}' reached the goal as "
                                + "'podAnnotations.build=b42': Maven replaced ${build_id} from a property of the same name; if "
                                + "${build_id} is meant for Flux, put Flux placeholders in a values file (.runway/values.yaml)");
        assertEquals(1, count(result.log(), "Maven replaced ${build_id}"), "once, for both environments");
    }

    @Test
    void docsInAServiceRepositoryDocumentsTheEffectiveValues() throws IOException {
        Path project = newService("docs");
        MavenRun.run(project, "-o", "runway:docs")
                .assertSuccess()
                .assertLogContains(
                        "[staging] target/runway-docs/staging.md written",
                        "[production] target/runway-docs/production.md written");
        String staging = Files.readString(project.resolve("target/runway-docs/staging.md"));
        assertTrue(
                staging.contains("| `serviceId` | `\"orders\"` | .runway/values.yaml:2:12 | The service id."), staging);
        assertTrue(staging.contains("| `replicas` | `1` | .runway/staging.yaml:2:11 |"), staging);
        assertTrue(staging.contains("| `image.tag` | `\"1.0.0\"` | --set-string image.tag=1.0.0 |"), staging);
        assertTrue(staging.contains("| `port` | `8080` | chart default |"), staging);
        MavenRun.run(project, "-o", "runway:docs", "-Drunway.docs.check")
                .assertSuccess()
                .assertLogContains("[staging] target/runway-docs/staging.md is up to date");

        Path empty = MavenRun.copy(MavenRun.project("empty"), "docs-nothing");
        MavenRun.run(
                        empty,
                        "-o",
                        "dev.runway:runway-maven-plugin:" + System.getProperty("runway.it.pluginVersion") + ":docs")
                .assertFailure()
                .assertLogContains(
                        "runway:docs found nothing to document in ",
                        "it documents a chart (run it in the "
                                + "chart's folder, or point -Drunway.chartDirectory=path/to/chart at it) or a service's values");
    }

    @Test
    void eachGoalHasItsOwnSkipProperty() throws IOException {
        Path project = newService("skip-one");
        MavenRun.run(
                        project,
                        "-o",
                        "runway:render",
                        "runway:verify",
                        "runway:docs",
                        "-Drunway.render.skip",
                        "-Drunway.docs.skip",
                        "-Drunway.verify.skip")
                .assertSuccess()
                .assertLogContains(
                        "runway:render skipped (runway.render.skip)",
                        "runway:verify skipped (runway.verify.skip)",
                        "runway:docs skipped (runway.docs.skip)");
        MavenRun.run(project, "-o", "runway:render", "runway:docs", "-Drunway.docs.skip")
                .assertSuccess()
                .assertLogContains("[staging] target/runway/staging: 1 written", "runway:docs skipped");
        assertFalse(Files.exists(project.resolve("target/runway-docs")));
    }

    @Test
    void theBuildLogHasNoNoise() throws IOException {
        Path project = newService("quiet");
        MavenRun.Result result = MavenRun.run(project, "-o", "verify", "-Drunway.updateCommitted")
                .assertSuccess();
        for (String noise :
                List.of("SLF4J", "1 errors", "1 warnings", "1 resources", "JAR will be empty", "${project")) {
            result.assertLogLacks(noise);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
