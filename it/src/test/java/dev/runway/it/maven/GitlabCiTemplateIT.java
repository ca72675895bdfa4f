package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code ci/runway-render.gitlab-ci.yml} run for real by gitlab-ci-local (shell executor) on a Runway service
 * repository that includes it with {@code spec:inputs}: the merge-request job runs {@code runway:verify} with the
 * freshly built plugin, and GitLab's artifacts hold the Code Quality and JUnit reports and the Markdown summary.
 */
class GitlabCiTemplateIT {
    private static final String JOB = "runway-render-verify";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GitlabCiLocal gitlabCiLocal;

    @BeforeAll
    static void install() {
        gitlabCiLocal = GitlabCiLocal.installed();
    }

    /** A service repository (a git repository, as GitLab has it) that includes the template. */
    private static Path repository(String name) throws IOException {
        Path project = MavenRun.copy(MavenRun.project("runway-service"), name);
        Files.createDirectories(project.resolve("ci"));
        Files.copy(
                Path.of(GitlabCiLocal.property("runway.it.ciTemplate")),
                project.resolve("ci/runway-render.gitlab-ci.yml"));
        git(project, "init", "-q");
        git(project, "add", "-A");
        git(project, "-c", "user.email=it@example.com", "-c", "user.name=runway-it", "commit", "-q", "-m", "service");
        return project;
    }

    private static void git(Path project, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        GitlabCiLocal.Result result = GitlabCiLocal.run(command, project, Map.of(), 60);
        assertEquals(0, result.exitCode(), "git " + String.join(" ", arguments) + ": " + result.output());
    }

    /** The job as a merge request pipeline runs it, with Maven reading the plugin from the ITs' repository. */
    private static GitlabCiLocal.Result mergeRequest(Path project, String... extra) {
        String mavenBin =
                Path.of(GitlabCiLocal.property("runway.it.mavenHome"), "bin").toString();
        Map<String, String> environment = Map.of(
                "PATH", mavenBin + java.io.File.pathSeparator + System.getenv("PATH"),
                "MAVEN_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                "GCL_IGNORE_PREDEFINED_VARS", "CI_PIPELINE_SOURCE");
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--variable", "CI_PIPELINE_SOURCE=merge_request_event",
                "--variable", "MAVEN_REPOSITORY=" + GitlabCiLocal.property("runway.it.localRepository"),
                "--variable",
                        "RUNWAY_MAVEN_ARGS=-o -Dmaven.repo.local.tail="
                                + GitlabCiLocal.property("runway.it.outerRepository")
                                + " -Dmaven.repo.local.tail.ignoreAvailability=true -Drunway.version="
                                + GitlabCiLocal.property("runway.it.pluginVersion")));
        arguments.addAll(List.of(extra));
        return gitlabCiLocal.run(project, environment, arguments.toArray(String[]::new));
    }

    private static Path reports(Path project) {
        return project.resolve(".gitlab-ci-local/artifacts")
                .resolve(JOB.replace(" ", "IA"))
                .resolve("target/runway-reports");
    }

    @Test
    void theMergeRequestJobVerifiesAndPublishesCodeQualityJunitAndTheSummary() throws Exception {
        Path project = repository("gitlab-ci-pass");
        GitlabCiLocal.Result result = mergeRequest(project);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("PASS  " + JOB), result.output());
        assertTrue(
                result.output().contains("-Drunway.serviceId=$RUNWAY_SERVICE_ID"),
                "inputs reach the job: " + result.output());
        assertTrue(
                result.output().contains("[staging] 0 errors, 0 warnings")
                        && result.output().contains("[production] 0 errors, 0 warnings"),
                result.output());
        for (String environment : List.of("staging", "production")) {
            Path dir = reports(project).resolve(environment);
            JsonNode codeQuality =
                    JSON.readTree(dir.resolve("code-quality.json").toFile());
            assertTrue(codeQuality.isArray() && codeQuality.isEmpty(), environment + ": no Code Quality issue");
            Element suite = junit(dir.resolve("junit.xml"));
            assertEquals("runway-verify " + environment, suite.getAttribute("name"));
            assertTrue(Integer.parseInt(suite.getAttribute("tests")) > 0);
            assertEquals("0", suite.getAttribute("failures"));
            assertTrue(
                    Files.readString(dir.resolve("summary.md")).startsWith("## runway verify: " + environment),
                    "the Markdown summary is an artifact");
        }
        String expanded = Files.readString(project.resolve(".gitlab-ci-local/expanded-gitlab-ci.yml"));
        assertTrue(
                expanded.contains("RUNWAY_SERVICE_ID: ledger")
                        && expanded.contains("RUNWAY_ENVIRONMENTS: staging,production"),
                "spec:inputs interpolated: " + expanded);
        assertTrue(
                expanded.contains("codequality: target/runway-reports/*/code-quality.json")
                        && expanded.contains("junit: target/runway-reports/*/junit.xml"),
                expanded);
    }

    @Test
    void aFailingVerifyFailsTheJobAndStillPublishesTheReports() throws Exception {
        Path project = repository("gitlab-ci-drift");
        // Committed manifests that no longer match: the job compares the render with them.
        Path deploy = Files.createDirectories(project.resolve("deploy/staging"));
        Files.writeString(deploy.resolve("manifests.yaml"), """
                ---
                # Source: runway-eks/templates/service.yaml
                apiVersion: v1
                kind: Service
                metadata:
                  name: "ledger"
                  namespace: "ledger"
                """);
        Path ci = project.resolve(".gitlab-ci.yml");
        Files.writeString(
                ci,
                Files.readString(ci)
                        .replace(
                                "      environments: staging,production\n",
                                "      environments: staging\n      maven_args: -Drunway.committedManifestsDirectory=deploy\n"));
        git(project, "add", "-A");
        git(project, "-c", "user.email=it@example.com", "-c", "user.name=runway-it", "commit", "-q", "-m", "deploy");
        GitlabCiLocal.Result result = mergeRequest(
                project,
                "--variable",
                "RUNWAY_MAVEN_ARGS=-o -Drunway.committedManifestsDirectory=deploy -Dmaven.repo.local.tail="
                        + GitlabCiLocal.property("runway.it.outerRepository")
                        + " -Dmaven.repo.local.tail.ignoreAvailability=true -Drunway.version="
                        + GitlabCiLocal.property("runway.it.pluginVersion"));
        assertTrue(result.exitCode() != 0, result.output());
        assertTrue(result.output().contains("FAIL  " + JOB), result.output());
        assertTrue(
                result.output().contains("the committed manifests in deploy/staging differ from the render"),
                result.output());
        Path dir = reports(project).resolve("staging");
        JsonNode codeQuality = JSON.readTree(dir.resolve("code-quality.json").toFile());
        assertFalse(codeQuality.isEmpty(), "drift is a Code Quality issue");
        assertTrue(codeQuality.toString().contains("drift"), codeQuality.toString());
        assertFalse("0".equals(junit(dir.resolve("junit.xml")).getAttribute("failures")), "and a failed test case");
        assertFalse(Files.exists(reports(project).resolve("production")), "only the environments of the input");
    }

    @Test
    void thereIsNoJobOutsideMergeRequests() throws Exception {
        Path project = repository("gitlab-ci-push");
        GitlabCiLocal.Result list = gitlabCiLocal.run(project, Map.of(), "--list");
        assertEquals(0, list.exitCode(), list.output());
        assertFalse(list.output().contains(JOB), "a push pipeline has no runway-render job: " + list.output());
    }

    private static Element junit(Path file) throws Exception {
        Element root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        return (Element) root.getElementsByTagName("testsuite").item(0);
    }
}
