package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The plugin under the oldest Maven it supports (its prerequisite, {@code maven.plugin.minimum} in the parent POM):
 * the official Maven distribution unpacked from Maven Central by it/pom.xml, as a service repository on an older CI
 * image or Debian's Maven would run it. The other ITs run the Maven of this build (the wrapper's 3.9).
 */
class RunwayPluginMinimumMavenIT {

    private static final MavenRun.Installation MAVEN = MavenRun.Installation.minimum();

    @Test
    void theSampleServiceBuildsRendersAndVerifies() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "minimum-maven-verify");
        MavenRun.run(MAVEN, project, "-V", "verify")
                .assertSuccess()
                .assertLogContains(
                        "Apache Maven " + MAVEN.version(),
                        "[staging] 4 resources",
                        "[production] 6 resources",
                        "[staging] 0 errors, 0 warnings, no drift from deploy/staging",
                        "[production] 0 errors, 0 warnings, no drift from deploy/production")
                .assertLogLacks("requires Maven version");
        for (String environment : new String[] {"staging", "production"}) {
            assertEquals(
                    Files.readString(project.resolve("deploy/" + environment + "/manifests.yaml")),
                    Files.readString(project.resolve("target/runway/" + environment + "/manifests.yaml")),
                    environment + ": the same bytes as under the current Maven");
        }
    }

    @Test
    void mistakesAreReportedWithFileLineAndField() throws IOException {
        Path project = MavenRun.copy(MavenRun.sample(), "minimum-maven-error");
        Files.writeString(project.resolve(".runway/values.yaml"), "serviceId: payments\nimage: [oops\n");
        MavenRun.run(MAVEN, project, "runway:render")
                .assertFailure()
                .assertLogContains("on project payments-service: .runway/values.yaml:3:1: YAML syntax error: ");
    }
}
