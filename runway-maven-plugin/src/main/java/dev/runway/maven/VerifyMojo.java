package dev.runway.maven;

import dev.runway.render.service.PlannedEnvironment;
import dev.runway.render.RenderedChart;
import dev.runway.render.service.CheckFinding;
import dev.runway.render.service.EnvironmentVerification;
import dev.runway.render.service.HandshakeChecker;
import dev.runway.render.service.ManifestChecker;
import dev.runway.render.service.ManifestFiles;
import dev.runway.render.service.ManifestLayout;
import dev.runway.render.service.OutputSync;
import dev.runway.render.service.Plurals;
import dev.runway.render.verify.CustomResourceDefinitions;
import dev.runway.render.verify.DriftCheck;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders each environment in memory, runs runway-render-core's checks on it (verification rules, custom resources
 * against their CRDs, the identity handshake and Flux substitution checks), compares it with the committed manifests when {@code committedManifestsDirectory} is set,
 * writes the reports (GitLab Code Quality, JUnit XML, Markdown), and fails the build on errors or drift with
 * findings and diffs that read well in a CI log.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractRenderMojo {

    static final String UPDATE_COMMAND = "mvn runway:verify -Drunway.updateCommitted";
    static final String DEFAULT_CRD_DIRECTORY = ".runway/crds";
    private static final int DRIFT_LINES_IN_LOG = 120;

    /**
     * Committed manifests, one folder per environment ({@code deploy/staging/}), in the same {@code layout} as
     * {@code runway:render} writes. When set, any difference from the render fails the build.
     */
    @Parameter(property = "runway.committedManifestsDirectory")
    protected File committedManifestsDirectory;

    /** Layout of the committed manifests: {@code SINGLE_FILE} or {@code PER_RESOURCE}. */
    @Parameter(property = "runway.layout", defaultValue = "SINGLE_FILE")
    protected ManifestLayout layout;

    /** {@code EXACT}: byte for byte, as Flux will apply them. {@code STRUCTURAL}: same values, any formatting. */
    @Parameter(property = "runway.driftMode", defaultValue = "EXACT")
    protected DriftCheck.Mode driftMode;

    /** Where the reports go: {@code <environment>/code-quality.json}, {@code junit.xml}, {@code summary.md}. */
    @Parameter(property = "runway.reportsDirectory", defaultValue = "${project.build.directory}/runway-reports")
    protected File reportsDirectory;

    /** Fail on warnings too. */
    @Parameter(property = "runway.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /** Accept the render: write it over the committed manifests instead of failing on drift. */
    @Parameter(property = "runway.updateCommitted", defaultValue = "false")
    protected boolean updateCommitted;

    /** Skip {@code runway:verify} only ({@code runway.skip} skips every goal). */
    @Parameter(property = "runway.verify.skip", defaultValue = "false")
    protected boolean skipVerify;

    /**
     * A folder of CustomResourceDefinition YAML files (searched recursively): custom resources such as the
     * ExternalSecret are checked against them instead of being reported as not checked. Default:
     * {@code .runway/crds} when the project has it.
     */
    @Parameter(property = "runway.crdDirectory")
    protected File crdDirectory;

    /**
     * Committed handshakes, {@code <identityDirectory>/<environment>/identity.json} as {@code runway:identity} writes
     * them (what the provisioner was given): each render must agree with its environment's. Without it, each render is
     * checked against the handshake its values mean.
     */
    @Parameter(property = "runway.identityDirectory")
    protected File identityDirectory;

    /** The cluster's IAM OIDC provider for the handshake's trust policy (default: the placeholder ${eks_oidc_provider}). */
    @Parameter(property = "runway.oidcProvider")
    protected String oidcProvider;

    @Override
    protected String goal() {
        return "runway:verify";
    }

    @Override
    protected String skipProperty() {
        return "runway.verify.skip";
    }

    @Override
    protected boolean goalSkipped() {
        return skipVerify;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path committedRoot = committedManifestsDirectory == null ? null : committedManifestsDirectory.toPath();
        Map<PlannedEnvironment, RenderedChart> rendered = renderAll(plan(committedRoot));
        CustomResourceDefinitions crds = crds();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<PlannedEnvironment, RenderedChart> entry : rendered.entrySet()) {
            PlannedEnvironment env = entry.getKey();
            String tag = "[" + env.name() + "] ";
            Path committed = env.committedManifests();
            if (committed != null && updateCommitted) {
                OutputSync.Result written = sync(committed, entry.getValue());
                getLog().info(tag + "updated " + relative(committed) + ": " + written.written().size() + " written, "
                        + written.deleted().size() + " removed");
            }
            Path handshake = identityDirectory == null ? null
                    : identityDirectory.toPath().resolve(env.name()).resolve(IdentityMojo.JSON_FILE);
            List<ManifestChecker> checkers = ManifestChecker.standard(crds,
                    new HandshakeChecker(env.name(), oidcProvider, handshake == null ? null : shortForDiffs(handshake)));
            boolean missing = committed != null && !hasManifests(committed);
            if (missing) {
                // Not drift of every resource: nothing was committed yet. Say that once, with the command that fixes it.
                String create = UPDATE_COMMAND + (rendered.size() > 1 ? " -Drunway.environment=" + env.name() : "");
                String message = relative(committed) + (Files.exists(committed) ? " has no committed manifests"
                        : " does not exist") + ": environment " + env.name() + " has no committed manifests to "
                        + "compare the render with. Create them from the render with `" + create + "`, review them "
                        + "and commit " + relative(committed) + " (or remove committedManifestsDirectory to skip the "
                        + "drift check)";
                getLog().error(tag + message);
                failures.add(env.name() + ": " + message);
            }
            Path compared = missing ? null : committed;
            EnvironmentVerification.Result result;
            try {
                result = EnvironmentVerification.verify(env.name(), env.request(), entry.getValue(), checkers,
                        shortForDiffs(compared), layout, driftMode, UPDATE_COMMAND);
                EnvironmentVerification.writeReports(result, entry.getValue(),
                        reportsDirectory.toPath().resolve(env.name()), env.request(), compared, layout);
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            for (CheckFinding finding : result.findings()) {
                switch (finding.severity()) {
                    case ERROR -> getLog().error(tag + finding.line());
                    case WARNING -> getLog().warn(tag + finding.line());
                    default -> getLog().info(tag + finding.line());
                }
            }
            if (result.drifted()) {
                getLog().error(tag + "drift: the manifests committed in " + relative(committed)
                        + " differ from the render:");
                List<String> lines = result.drift().text().lines().toList();
                lines.stream().limit(DRIFT_LINES_IN_LOG).forEach(line -> getLog().error(tag + "  " + line));
                if (lines.size() > DRIFT_LINES_IN_LOG) {
                    getLog().error(tag + "  ... " + (lines.size() - DRIFT_LINES_IN_LOG) + " more lines in "
                            + relative(reportsDirectory.toPath().resolve(env.name()).resolve("summary.md")));
                }
            }
            long errors = result.count(CheckFinding.Severity.ERROR);
            long warnings = result.count(CheckFinding.Severity.WARNING);
            String counts = Plurals.count(errors, "error") + ", " + Plurals.count(warnings, "warning");
            getLog().info(tag + counts
                    + (compared == null ? "" : result.drifted()
                    ? ", " + Plurals.count(result.drift().differences().size(), "resource") + " drifted from "
                    + relative(committed) : ", no drift from " + relative(committed))
                    + " (reports: " + relative(reportsDirectory.toPath().resolve(env.name())) + ")");
            if (errors > 0 || failOnWarning && warnings > 0) {
                failures.add(env.name() + ": " + counts);
            }
            if (result.drifted()) {
                failures.add(env.name() + ": the committed manifests in " + relative(committed) + " differ from the "
                        + "render. If the change is intended, run `" + UPDATE_COMMAND + "` and commit the result");
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("runway:verify failed:\n  " + String.join("\n  ", failures));
        }
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

    /** The CRDs to check custom resources against: {@code crdDirectory}, else {@code .runway/crds} if present. */
    private CustomResourceDefinitions crds() throws MojoFailureException {
        Path directory = crdDirectory != null ? crdDirectory.toPath()
                : baseDirectory().resolve(DEFAULT_CRD_DIRECTORY);
        if (crdDirectory == null && !Files.isDirectory(directory)) {
            return CustomResourceDefinitions.none();
        }
        try {
            CustomResourceDefinitions crds = CustomResourceDefinitions.load(directory);
            getLog().info("custom resources checked against " + crds.size() + " CRDs from " + relative(directory)
                    + (crds.size() == 0 ? "" : " " + crds.kinds()));
            return crds;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoFailureException("runway.crdDirectory: " + e.getMessage(), e);
        }
    }

    /**
     * The committed folder relative to the working directory when it lies below it: diff headers then read
     * {@code deploy/staging/manifests.yaml}, not an absolute path, and the path still opens the same file.
     */
    private static Path shortForDiffs(Path committed) {
        if (committed == null) {
            return null;
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path absolute = committed.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute) : absolute;
    }

    private OutputSync.Result sync(Path committed, RenderedChart chart) throws MojoExecutionException {
        try {
            return OutputSync.sync(committed, ManifestFiles.plan(chart, layout));
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
