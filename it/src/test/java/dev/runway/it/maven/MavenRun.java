package dev.runway.it.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real Maven (the one running this build) on a copy of a sample project, with the freshly built plugin in
 * {@code target/it-repo} and everything else read-only from the build's own local repository
 * ({@code maven.repo.local.tail}), so the runs need no network and never write to ~/.m2.
 */
final class MavenRun {

    private static final long TIMEOUT_SECONDS = 180;

    private MavenRun() {}

    /** A finished Maven run: its exit code and its whole log. */
    record Result(List<String> command, int exitCode, String log) {
        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(
                        "Maven failed (exit " + exitCode + "): " + String.join(" ", command) + "\n" + log);
            }
            return this;
        }

        Result assertFailure() {
            if (exitCode == 0) {
                throw new AssertionError("Maven should have failed: " + String.join(" ", command) + "\n" + log);
            }
            return this;
        }

        Result assertLogContains(String... texts) {
            for (String text : texts) {
                if (!log.contains(text)) {
                    throw new AssertionError("the log has no '" + text + "':\n" + log);
                }
            }
            return this;
        }

        Result assertLogLacks(String text) {
            if (log.contains(text)) {
                throw new AssertionError("the log should not have '" + text + "':\n" + log);
            }
            return this;
        }
    }

    static Path sample() {
        return Path.of(property("runway.it.sample"));
    }

    static Path project(String name) {
        return Path.of(property("runway.it.projects")).resolve(name);
    }

    /** A fresh copy of {@code source} (without its target/) under target/it-work/{@code name}. */
    static Path copy(Path source, String name) {
        Path target = Path.of(property("runway.it.workDirectory")).resolve(name);
        try {
            deleteRecursively(target);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path relative = source.relativize(file);
                    if (relative.startsWith("target")) {
                        continue;
                    }
                    Path destination = target.resolve(relative.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Maven to run: its home, and how it finds artifacts. {@link #current()} is the Maven running this build;
     * {@link #minimum()} the oldest Maven the plugin supports and {@link #maven38()} Debian's, both unpacked from Maven
     * Central by it/pom.xml.
     */
    record Installation(String version, Path home, List<String> repositoryArguments) {

        /** The Maven running this build: the plugin from target/it-repo, the rest read-only from the build's repository. */
        static Installation current() {
            return new Installation(
                    "current",
                    Path.of(property("runway.it.mavenHome")),
                    List.of(
                            "-Dmaven.repo.local=" + property("runway.it.localRepository"),
                            "-Dmaven.repo.local.tail=" + property("runway.it.outerRepository"),
                            "-Dmaven.repo.local.tail.ignoreAvailability=true"));
        }

        /**
         * The oldest supported Maven. It has no maven.repo.local.tail, so it gets a local repository of its own (the
         * plugin installed there by it/pom.xml) and reads everything else from the build's local repository as if that
         * were Maven Central (minimum-maven-settings.xml): no network, and ~/.m2 is never written.
         */
        static Installation minimum() {
            return withoutRepositoryTail(
                    property("runway.it.minimumMavenVersion"), Path.of(property("runway.it.minimumMavenHome")));
        }

        /**
         * The Maven 3.8 that Debian, Ubuntu and many CI images ship. Like the oldest, it has no maven.repo.local.tail;
         * it shares the oldest Maven's local repository (the ITs run one after the other).
         */
        static Installation maven38() {
            return withoutRepositoryTail(
                    property("runway.it.maven38Version"), Path.of(property("runway.it.maven38Home")));
        }

        private static Installation withoutRepositoryTail(String version, Path home) {
            Path outer = Path.of(property("runway.it.outerRepository")).toAbsolutePath();
            return new Installation(
                    version,
                    home,
                    List.of(
                            "-Dmaven.repo.local=" + property("runway.it.minimumMavenRepository"),
                            "-s",
                            Path.of(property("runway.it.projects"))
                                    .resolveSibling("minimum-maven-settings.xml")
                                    .toString(),
                            "-Drunway.it.outerRepositoryUrl=" + outer.toUri()));
        }

        List<String> launcher() {
            boolean windows = System.getProperty("os.name").startsWith("Windows");
            Path script = home.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
            // Through sh: an unpacked zip does not always keep the script's execute bit.
            return windows ? List.of(script.toString()) : List.of("sh", script.toString());
        }
    }

    static Result run(Path project, String... arguments) {
        return run(Installation.current(), project, arguments);
    }

    static Result run(Installation maven, Path project, String... arguments) {
        List<String> command = new ArrayList<>(maven.launcher());
        command.addAll(List.of("-B", "-ntp", "-e"));
        command.addAll(maven.repositoryArguments());
        command.add("-Drunway.version=" + property("runway.it.pluginVersion"));
        if (Files.isRegularFile(project.resolve("pom.xml"))) {
            command.addAll(List.of("-f", project.resolve("pom.xml").toString()));
        }
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        // Short-lived JVMs on a small machine: start fast rather than optimise.
        builder.environment().put("MAVEN_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss2m");
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().remove("MAVEN_HOME");
        builder.environment().remove("M2_HOME");
        Path logFile = nextLogFile(project);
        builder.redirectOutput(logFile.toFile());
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Maven did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(command, process.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * build-1.log, build-2.log, ...: every run of a test keeps its log for a look after a failure. Each name is
     * claimed by creating the file, so runs started at the same time never share one.
     */
    private static Path nextLogFile(Path project) {
        for (int n = 1; ; n++) {
            try {
                return Files.createFile(project.resolve("build-" + n + ".log"));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another run has this number; try the next
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the ITs through Maven "
                    + "(./mvnw verify), which sets it in it/pom.xml");
        }
        return value;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file :
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
