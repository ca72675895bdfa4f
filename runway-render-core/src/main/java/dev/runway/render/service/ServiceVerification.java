package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.verify.CustomResourceDefinitions;
import dev.runway.render.verify.DriftCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * What {@code runway:verify} does with the rendered environments: per environment, accepts the render over the
 * committed manifests when asked, runs the standard checks (verification rules, custom resources against their CRDs,
 * the identity handshake, Flux substitution), compares with the committed manifests, writes the CI reports, and says
 * each finding and the drift in lines that read well in a CI log. Returns what fails the build.
 */
public final class ServiceVerification {

    /** Drift lines shown in the log per environment; the rest are in the environment's summary.md. */
    public static final int DRIFT_LINES_IN_LOG = 120;

    /**
     * Where verification reads and writes, and how it reports.
     *
     * @param baseDirectory     the project's folder, for messages
     * @param reportsDirectory  where each environment's reports folder goes
     * @param identityDirectory committed handshakes, {@code <environment>/identity.json} (or null)
     * @param updateCommand     the command that accepts a render ({@code mvn runway:verify -Drunway.updateCommitted})
     */
    public record Settings(
            Path baseDirectory,
            ManifestLayout layout,
            DriftCheck.Mode driftMode,
            Path reportsDirectory,
            boolean failOnWarning,
            boolean updateCommitted,
            Path identityDirectory,
            String oidcProvider,
            String updateCommand) {}

    private ServiceVerification() {}

    /**
     * Verifies every rendered environment.
     *
     * @return the failures, one line each ({@code staging: 1 error, 0 warnings}); empty when the build passes
     * @throws UncheckedIOException when the committed manifests or the reports cannot be read or written
     */
    public static List<String> verify(
            Settings settings,
            Map<PlannedEnvironment, RenderedChart> rendered,
            CustomResourceDefinitions crds,
            PipelineLog log) {
        List<String> failures = new ArrayList<>();
        HeadStart<EnvironmentVerification.Result> ahead = checkAhead(settings, rendered, crds);
        int index = 0;
        for (Map.Entry<PlannedEnvironment, RenderedChart> entry : rendered.entrySet()) {
            failures.addAll(verify(
                    settings, entry.getKey(), entry.getValue(), rendered.size() > 1, crds, log, ahead.result(index++)));
        }
        return failures;
    }

    /**
     * The checks of every environment after the first, started ahead ({@link HeadStart}): the checks read the render
     * and the committed manifests and write nothing. None when the render is accepted over the committed manifests
     * first ({@code updateCommitted}): the checks read those.
     */
    private static HeadStart<EnvironmentVerification.Result> checkAhead(
            Settings settings, Map<PlannedEnvironment, RenderedChart> rendered, CustomResourceDefinitions crds) {
        List<Callable<EnvironmentVerification.Result>> work = new ArrayList<>();
        for (Map.Entry<PlannedEnvironment, RenderedChart> entry : rendered.entrySet()) {
            work.add(
                    work.isEmpty() || settings.updateCommitted()
                            ? null
                            : () -> check(
                                    settings,
                                    entry.getKey(),
                                    entry.getValue(),
                                    crds,
                                    compared(entry.getKey().committedManifests())));
        }
        return HeadStart.start("runway-verify-ahead", work);
    }

    /** The committed manifests the render is compared with: none when not configured or nothing is committed yet. */
    private static Path compared(Path committed) {
        return committed != null && hasManifests(committed) ? committed : null;
    }

    /**
     * An environment's checks and drift comparison against {@code compared} ({@link #compared}); reads, writes
     * nothing.
     */
    private static EnvironmentVerification.Result check(
            Settings settings,
            PlannedEnvironment env,
            RenderedChart chart,
            CustomResourceDefinitions crds,
            Path compared) {
        Path handshake = settings.identityDirectory() == null
                ? null
                : settings.identityDirectory().resolve(env.name()).resolve(HandshakeChecker.JSON_FILE);
        List<ManifestChecker> checkers = ManifestChecker.standard(
                crds, new HandshakeChecker(env.name(), settings.oidcProvider(), ProjectPaths.shortForDiffs(handshake)));
        return EnvironmentVerification.verify(
                env.name(),
                env.request(),
                chart,
                checkers,
                ProjectPaths.shortForDiffs(compared),
                settings.layout(),
                settings.driftMode(),
                settings.updateCommand());
    }

    private static List<String> verify(
            Settings settings,
            PlannedEnvironment env,
            RenderedChart chart,
            boolean several,
            CustomResourceDefinitions crds,
            PipelineLog log,
            EnvironmentVerification.Result checkedAhead) {
        List<String> failures = new ArrayList<>();
        String tag = "[" + env.name() + "] ";
        Path committed = env.committedManifests();
        if (committed != null && settings.updateCommitted()) {
            OutputSync.Result written = OutputSync.sync(committed, ManifestFiles.plan(chart, settings.layout()));
            log.info()
                    .accept(tag + "updated " + relative(settings, committed) + ": "
                            + written.written().size() + " written, "
                            + written.deleted().size() + " removed");
        }
        Path compared = compared(committed);
        if (committed != null && compared == null) {
            // Not drift of every resource: nothing was committed yet. Say that once, with the command that fixes it.
            String create = settings.updateCommand() + (several ? " -Drunway.environment=" + env.name() : "");
            String message = relative(settings, committed)
                    + (Files.exists(committed) ? " has no committed manifests" : " does not exist") + ": environment "
                    + env.name()
                    + " has no committed manifests to compare the render with. Create them from the render with `"
                    + create + "`, review them and commit " + relative(settings, committed) + " (or remove "
                    + "committedManifestsDirectory to skip the drift check)";
            log.error().accept(tag + message);
            failures.add(env.name() + ": " + message);
        }
        Path reports = settings.reportsDirectory().resolve(env.name());
        EnvironmentVerification.Result result = checkedAhead;
        if (result == null) {
            result = check(settings, env, chart, crds, compared);
        }
        EnvironmentVerification.writeReports(result, chart, reports, env.request(), compared, settings.layout());
        for (CheckFinding finding : result.findings()) {
            switch (finding.severity()) {
                case ERROR -> log.error().accept(tag + finding.line());
                case WARNING -> log.warn().accept(tag + finding.line());
                default -> log.info().accept(tag + finding.line());
            }
        }
        if (result.drifted()) {
            log.error()
                    .accept(tag + "drift: the manifests committed in " + relative(settings, committed)
                            + " differ from the render:");
            List<String> lines = result.drift().text().lines().toList();
            lines.stream().limit(DRIFT_LINES_IN_LOG).forEach(line -> log.error().accept(tag + "  " + line));
            if (lines.size() > DRIFT_LINES_IN_LOG) {
                log.error()
                        .accept(tag + "  ... " + (lines.size() - DRIFT_LINES_IN_LOG) + " more lines in "
                                + relative(settings, reports.resolve("summary.md")));
            }
        }
        long errors = result.count(CheckFinding.Severity.ERROR);
        long warnings = result.count(CheckFinding.Severity.WARNING);
        String counts = Plurals.count(errors, "error") + ", " + Plurals.count(warnings, "warning");
        log.info()
                .accept(tag + counts
                        + (compared == null
                                ? ""
                                : result.drifted()
                                        ? ", "
                                                + Plurals.count(
                                                        result.drift()
                                                                .differences()
                                                                .size(),
                                                        "resource") + " drifted from " + relative(settings, committed)
                                        : ", no drift from " + relative(settings, committed))
                        + " (reports: " + relative(settings, reports) + ")");
        if (errors > 0 || (settings.failOnWarning() && warnings > 0)) {
            failures.add(env.name() + ": " + counts);
        }
        if (result.drifted()) {
            failures.add(env.name() + ": the committed manifests in " + relative(settings, committed) + " differ "
                    + "from the render. If the change is intended, run `" + settings.updateCommand() + "` and commit "
                    + "the result");
        }
        return failures;
    }

    /** Whether a committed folder holds manifests to compare with (any YAML file). */
    private static boolean hasManifests(Path committed) {
        if (!Files.isDirectory(committed)) {
            return false;
        }
        try (Stream<Path> files = Files.list(committed)) {
            return files.anyMatch(f -> f.getFileName().toString().matches(".*\\.ya?ml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + committed + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Settings settings, Path path) {
        return ProjectPaths.relative(settings.baseDirectory(), path);
    }
}
