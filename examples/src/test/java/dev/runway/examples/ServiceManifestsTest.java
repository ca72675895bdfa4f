package dev.runway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.payments.ServiceManifests;
import com.example.payments.SnapshotsWithoutJUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs README's programs as a user runs them: in a JVM of their own (the examples' class path, the module as working
 * directory), checking what they print and that nothing else (SLF4J's no-provider notice) reaches stderr.
 */
class ServiceManifestsTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run java(Class<?> main) throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Path err = Files.createTempFile("example", ".err");
        Process process = new ProcessBuilder(List.of(
                        launcher.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Drunway.snapshot.ci=true",
                        main.getName()))
                .redirectError(err.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), main + " did not finish");
        String errText = Files.readString(err);
        Files.delete(err);
        return new Run(process.exitValue(), out, errText);
    }

    @Test
    void theCoreLibraryExampleRendersVerifiesAndSubstitutes() throws Exception {
        Run run = java(ServiceManifests.class);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err(), "nothing on stderr: no SLF4J notice, no stack trace");
        assertTrue(run.out().contains("4 manifests, as `helm template` prints them"), run.out());
        assertTrue(run.out().contains("role: arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments"), run.out());
        assertTrue(
                run.out()
                        .contains("audience: //iam.googleapis.com/projects/${gcp_project_number}/locations/global/"
                                + "workloadIdentityPools/${gcp_wip_id}/providers/EKS-Provider"),
                run.out());
        assertTrue(run.out().contains("verified: no errors"), run.out());
        assertTrue(
                run.out().contains("Flux fills in [aws_account_id, gcp_project_id, gcp_project_number, gcp_wip_id]"),
                "the four variables come from .runway/flux-cluster-vars.yaml: " + run.out());
        assertFalse(run.out().contains("Flux would fail"), run.out());
    }

    @Test
    void theSnapshotCheckWithoutJUnitMatchesItsCommittedSnapshot() throws Exception {
        Run run = java(SnapshotsWithoutJUnit.class);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("MATCHED "), "the committed snapshot matches: " + run.out());
        assertTrue(
                run.out()
                        .strip()
                        .endsWith(Path.of("src/test/resources/__snapshots__/SnapshotsWithoutJUnit/defaults.yaml")
                                .toString()),
                run.out());
    }
}
