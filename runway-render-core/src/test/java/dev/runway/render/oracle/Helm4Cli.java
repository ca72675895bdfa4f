package dev.runway.render.oracle;

import dev.runway.render.values.HelmJavaSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Helm 4 CLI as a second, test-scope oracle. The build fetches the official binary into
 * {@code target/helm4/helm} ({@code scripts/fetch-helm4.sh}, run by the {@code fetch-helm4} execution of this
 * module's POM); where it could not, {@code target/helm4/UNAVAILABLE} says why and {@link #locate()} is empty.
 *
 * <p>Each call runs {@code helm template} in a process of its own with Helm's home folders under target/, so no
 * user configuration, repository index or plugin of the machine takes part, and {@code KUBECONFIG=/dev/null} so
 * it never reaches a cluster.
 */
public final class Helm4Cli {
    /** What {@code helm template} prints after an error message; helm-java's errors carry it too. */
    public static final String DEBUG_HINT = "\n\nUse --debug flag to render out invalid YAML";

    private static final Path DIR = Path.of(System.getProperty("runway.helm4.dir", "target/helm4"));
    private static final long TIMEOUT_SECONDS = 60;

    private final Path helm;
    private final Path home;

    private Helm4Cli(Path helm, Path home) {
        this.helm = helm;
        this.home = home;
    }

    /** The fetched CLI, or empty when the build could not fetch it ({@link #unavailableReason()} says why). */
    public static Optional<Helm4Cli> locate() {
        Path binary = DIR.resolve("helm");
        if (!Files.isExecutable(binary)) {
            return Optional.empty();
        }
        return Optional.of(
                new Helm4Cli(binary.toAbsolutePath(), DIR.resolve("home").toAbsolutePath()));
    }

    /** A Helm CLI binary elsewhere, with its home folders under {@code home} (for on-demand tools). */
    public static Helm4Cli at(Path binary, Path home) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalArgumentException("no executable helm at " + binary);
        }
        return new Helm4Cli(binary.toAbsolutePath(), home.toAbsolutePath());
    }

    /** One line saying why the Helm 4 comparisons are skipped. */
    public static String unavailableReason() {
        Path reason = DIR.resolve("UNAVAILABLE");
        try {
            String text = Files.isRegularFile(reason)
                    ? Files.readString(reason).strip()
                    : "the build did not run scripts/fetch-helm4.sh (it runs in the fetch-helm4 execution of"
                            + " runway-render-core's POM, skipped with -DskipTests)";
            return "Helm 4 CLI oracle unavailable, Helm 4 comparisons skipped: " + text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code helm template}; a failed run gives Helm's message without {@code Error: } and the debug hint. */
    public HelmOracle.Result template(HelmOracle.Request request) {
        List<String> command = new ArrayList<>(List.of(
                helm.toString(),
                "template",
                request.releaseName(),
                request.chart().toAbsolutePath().toString(),
                "--namespace",
                request.namespace()));
        if (request.kubeVersion() != null) {
            command.add("--kube-version");
            command.add(request.kubeVersion());
        }
        for (Path file : request.valuesFiles()) {
            command.add("--values");
            command.add(file.toAbsolutePath().toString());
        }
        for (Map.Entry<String, Object> entry : request.set().entrySet()) {
            command.add("--set");
            // The same --set line helm-java builds, so both oracles parse the same text.
            command.add(HelmJavaSet.line(entry.getKey(), entry.getValue()));
        }
        Run run = run(command);
        if (run.exitCode() == 0) {
            return new HelmOracle.Result(run.stdout(), null);
        }
        return new HelmOracle.Result(null, errorMessage(run.stderr()));
    }

    /**
     * Helm's error text from what the CLI wrote to stderr ({@code Error: <message>\n}, after any warnings), without
     * the debug hint; the message's own trailing spaces are kept (an empty constraint ends in ": ").
     */
    static String errorMessage(String stderr) {
        int start = stderr.startsWith("Error: ") ? 0 : stderr.indexOf("\nError: ") + 1;
        if (start <= 0 && !stderr.startsWith("Error: ")) {
            return stderr.strip();
        }
        String error = stderr.substring(start + "Error: ".length());
        error = error.endsWith("\n") ? error.substring(0, error.length() - 1) : error;
        return error.endsWith(DEBUG_HINT) ? error.substring(0, error.length() - DEBUG_HINT.length()) : error;
    }

    /** {@code helm version --short}, for reports. */
    public String version() {
        return run(List.of(helm.toString(), "version", "--short")).stdout().strip();
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private Run run(List<String> command) {
        try {
            Path out = Files.createTempFile("helm4-out", ".txt");
            Path err = Files.createTempFile("helm4-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Map<String, String> env = builder.environment();
                env.keySet().removeIf(key -> key.startsWith("HELM_"));
                env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
                env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
                env.put("HELM_DATA_HOME", home.resolve("data").toString());
                env.put("KUBECONFIG", "/dev/null");
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "helm template did not end within " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Run(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running helm", e);
        }
    }
}
