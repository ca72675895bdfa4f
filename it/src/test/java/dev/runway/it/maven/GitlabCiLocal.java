package dev.runway.it.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * gitlab-ci-local from the npm registry, installed by this IT into {@code it/target/gitlab-ci-local} (never
 * globally), and the tools it needs: node and npm (the IT is skipped, with one line saying so, where they are
 * missing), git, and rsync (gitlab-ci-local copies the repository with it; installed from Debian's packages when the
 * IT runs as root on a machine with apt-get, else the IT is skipped saying so).
 */
final class GitlabCiLocal {

    record Result(int exitCode, String output) {}

    private final Path executable;

    private GitlabCiLocal(Path executable) {
        this.executable = executable;
    }

    /** Installs (once) and returns gitlab-ci-local, or aborts the test with the reason. */
    static GitlabCiLocal installed() {
        String version = property("runway.it.gitlabCiLocal.version");
        Path prefix = Path.of(property("runway.it.gitlabCiLocal.prefix"));
        if (run(List.of("node", "--version"), prefix.getParent(), Map.of(), 30).exitCode() != 0
                || run(List.of("npm", "--version"), prefix.getParent(), Map.of(), 60)
                                .exitCode()
                        != 0) {
            skip("node or npm is not on the PATH: the gitlab-ci-local IT of the CI template is skipped");
        }
        if (run(List.of("git", "--version"), prefix.getParent(), Map.of(), 30).exitCode() != 0) {
            skip("git is not on the PATH: the gitlab-ci-local IT of the CI template is skipped");
        }
        ensureRsync();
        Path executable = prefix.resolve("node_modules/.bin/gitlab-ci-local");
        Path marker = prefix.resolve("installed-" + version);
        if (!Files.exists(marker)) {
            try {
                Files.createDirectories(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Result npm = run(
                    List.of(
                            "npm",
                            "install",
                            "--prefix",
                            prefix.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            "gitlab-ci-local@" + version),
                    prefix,
                    Map.of(),
                    600);
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm install gitlab-ci-local@" + version + " failed:\n" + npm.output());
            }
            try {
                Files.writeString(marker, version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Result started = run(List.of(executable.toString(), "--version"), prefix, Map.of(), 60);
        if (started.exitCode() != 0 || !started.output().strip().endsWith(version)) {
            throw new AssertionError("gitlab-ci-local " + version + " does not start here: " + started.output());
        }
        return new GitlabCiLocal(executable);
    }

    private static void ensureRsync() {
        Path cwd = Path.of(".").toAbsolutePath();
        if (run(List.of("rsync", "--version"), cwd, Map.of(), 30).exitCode() == 0) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && run(List.of("apt-get", "--version"), cwd, Map.of(), 30).exitCode() == 0) {
            System.out.println("gitlab-ci-local needs rsync: installing Debian's rsync package");
            Result install = run(
                    List.of("apt-get", "install", "-y", "--no-install-recommends", "rsync"),
                    cwd,
                    Map.of("DEBIAN_FRONTEND", "noninteractive"),
                    600);
            if (install.exitCode() != 0) {
                run(List.of("apt-get", "update"), cwd, Map.of("DEBIAN_FRONTEND", "noninteractive"), 600);
                install = run(
                        List.of("apt-get", "install", "-y", "--no-install-recommends", "rsync"),
                        cwd,
                        Map.of("DEBIAN_FRONTEND", "noninteractive"),
                        600);
            }
            if (install.exitCode() == 0) {
                return;
            }
        }
        skip("rsync is not installed (gitlab-ci-local copies the repository with it) and cannot be installed here: "
                + "the gitlab-ci-local IT of the CI template is skipped");
    }

    /** Runs gitlab-ci-local in {@code project} with the shell executor. */
    Result run(Path project, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--force-shell-executor",
                "--home",
                project.resolve(".gitlab-ci-local-home").toString()));
        command.addAll(List.of(arguments));
        return run(command, project, environment, 600);
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Path log = Files.createTempFile("gitlab-ci-local", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void skip(String why) {
        System.out.println(why);
        Assumptions.abort(why);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the ITs through Maven "
                    + "(./mvnw verify), which sets it in it/pom.xml");
        }
        return value;
    }
}
