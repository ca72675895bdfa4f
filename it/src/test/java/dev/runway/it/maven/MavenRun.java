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

    private MavenRun() {
    }

    /** A finished Maven run: its exit code and its whole log. */
    record Result(List<String> command, int exitCode, String log) {
        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("Maven failed (exit " + exitCode + "): " + String.join(" ", command) + "\n" + log);
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

    static Result run(Path project, String... arguments) {
        String mvn = Path.of(property("runway.it.mavenHome"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "-e",
                "-Dmaven.repo.local=" + property("runway.it.localRepository"),
                "-Dmaven.repo.local.tail=" + property("runway.it.outerRepository"),
                "-Dmaven.repo.local.tail.ignoreAvailability=true",
                "-Drunway.version=" + property("runway.it.pluginVersion"),
                "-f", project.resolve("pom.xml").toString()));
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        // Short-lived JVMs on a small machine: start fast rather than optimise.
        builder.environment().put("MAVEN_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss2m");
        builder.environment().remove("MAVEN_ARGS");
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
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
