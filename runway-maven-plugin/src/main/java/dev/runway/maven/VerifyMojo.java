package dev.runway.maven;

import dev.runway.render.RenderedChart;
import dev.runway.render.output.AtomicFiles;
import dev.runway.render.output.CheckFinding;
import dev.runway.render.output.Drift;
import dev.runway.render.output.ManifestChecker;
import dev.runway.render.output.ManifestFiles;
import dev.runway.render.output.ManifestLayout;
import dev.runway.render.output.OutputFile;
import dev.runway.render.output.OutputSync;
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

/**
 * Renders each environment in memory, runs runway-render-core's checks on it (verification rules and Flux
 * substitution checks), compares it with the committed manifests when {@code committedManifestsDirectory} is set,
 * writes the reports, and fails the build on errors or drift with findings that read well in a CI log.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractRenderMojo {

    private static final int DIFF_LINES_IN_LOG = 80;

    /**
     * Committed manifests, one folder per environment ({@code deploy/staging/}), in the same {@code layout} as
     * {@code runway:render} writes. When set, any difference from the render fails the build.
     */
    @Parameter(property = "runway.committedManifestsDirectory")
    protected File committedManifestsDirectory;

    /** Layout of the committed manifests: {@code SINGLE_FILE} or {@code PER_RESOURCE}. */
    @Parameter(property = "runway.layout", defaultValue = "SINGLE_FILE")
    protected ManifestLayout layout;

    /** Where the reports go: {@code <environment>/verify.txt} and {@code <environment>/drift.diff}. */
    @Parameter(property = "runway.reportsDirectory", defaultValue = "${project.build.directory}/runway-reports")
    protected File reportsDirectory;

    /** Fail on warnings too. */
    @Parameter(property = "runway.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /** Accept the render: write it over the committed manifests instead of failing on drift. */
    @Parameter(property = "runway.updateCommitted", defaultValue = "false")
    protected boolean updateCommitted;

    @Override
    protected String goal() {
        return "runway:verify";
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path committedRoot = committedManifestsDirectory == null ? null : committedManifestsDirectory.toPath();
        Map<EnvironmentRender, RenderedChart> rendered = renderAll(plan(committedRoot));
        List<ManifestChecker> checkers = ManifestChecker.findAll(getClass().getClassLoader());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<EnvironmentRender, RenderedChart> entry : rendered.entrySet()) {
            EnvironmentRender env = entry.getKey();
            String tag = "[" + env.name() + "] ";
            List<CheckFinding> findings = new ArrayList<>();
            for (ManifestChecker checker : checkers) {
                try {
                    findings.addAll(checker.check(env.request(), entry.getValue()));
                } catch (RuntimeException e) {
                    throw new MojoExecutionException("check " + checker.name() + " failed on environment "
                            + env.name() + ": " + e.getMessage(), e);
                }
            }
            long errors = findings.stream().filter(f -> f.severity() == CheckFinding.Severity.ERROR).count();
            long warnings = findings.stream().filter(f -> f.severity() == CheckFinding.Severity.WARNING).count();
            for (CheckFinding finding : findings) {
                switch (finding.severity()) {
                    case ERROR -> getLog().error(tag + finding.line());
                    case WARNING -> getLog().warn(tag + finding.line());
                    default -> getLog().info(tag + finding.line());
                }
            }
            List<Drift.FileDrift> drifts = List.of();
            List<OutputFile> files = ManifestFiles.plan(entry.getValue(), layout);
            if (env.committedManifests() != null) {
                if (updateCommitted) {
                    OutputSync.Result result = OutputSync.sync(env.committedManifests(), files);
                    getLog().info(tag + "updated " + relative(env.committedManifests()) + ": " + result.written().size()
                            + " written, " + result.deleted().size() + " removed");
                } else {
                    drifts = Drift.compare(files, env.committedManifests());
                }
            }
            for (Drift.FileDrift drift : drifts) {
                getLog().error(tag + "drift: " + relative(env.committedManifests().resolve(drift.name())) + ": "
                        + drift.summary().substring(drift.name().length() + 2));
                logDiff(drift.diff());
            }
            String report = report(env, findings, drifts);
            writeReports(env.name(), report, drifts);
            getLog().info(tag + errors + " errors, " + warnings + " warnings" + (env.committedManifests() == null
                    ? "" : ", " + (drifts.isEmpty() ? "no drift from " : drifts.size() + " files drifted from ")
                    + relative(env.committedManifests())) + " (report: "
                    + relative(reportsDirectory.toPath().resolve(env.name()).resolve("verify.txt")) + ")");
            if (errors > 0 || failOnWarning && warnings > 0) {
                failures.add(env.name() + ": " + errors + " errors, " + warnings + " warnings");
            }
            if (!drifts.isEmpty()) {
                failures.add(env.name() + ": the committed manifests in " + relative(env.committedManifests())
                        + " differ from the render (" + drifts.size() + " files). If the change is intended, run "
                        + "`mvn runway:verify -Drunway.updateCommitted` and commit the result");
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("runway:verify failed:\n  " + String.join("\n  ", failures));
        }
    }

    private void logDiff(String diff) {
        List<String> lines = diff.lines().toList();
        lines.stream().limit(DIFF_LINES_IN_LOG).forEach(line -> getLog().error("    " + line));
        if (lines.size() > DIFF_LINES_IN_LOG) {
            getLog().error("    ... " + (lines.size() - DIFF_LINES_IN_LOG) + " more lines in drift.diff");
        }
    }

    private String report(EnvironmentRender env, List<CheckFinding> findings, List<Drift.FileDrift> drifts) {
        StringBuilder out = new StringBuilder();
        out.append("runway:verify ").append(env.name()).append('\n');
        out.append("release ").append(env.request().releaseName()).append(" in namespace ")
                .append(env.request().namespace()).append(", chart ").append(env.request().chart()).append('\n');
        out.append("values ").append(relative(env.request().valuesFiles())).append("\n\n");
        out.append("findings: ").append(findings.size()).append('\n');
        findings.forEach(f -> out.append(f.line()).append('\n'));
        if (env.committedManifests() != null) {
            out.append("\ndrift from ").append(relative(env.committedManifests())).append(": ")
                    .append(drifts.isEmpty() ? "none" : drifts.size() + " files").append('\n');
            drifts.forEach(d -> out.append(d.summary()).append('\n'));
        }
        return out.toString();
    }

    private void writeReports(String environment, String report, List<Drift.FileDrift> drifts)
            throws MojoExecutionException {
        Path directory = reportsDirectory.toPath().resolve(environment);
        try {
            AtomicFiles.writeIfChanged(directory.resolve("verify.txt"), report);
            Path diffFile = directory.resolve("drift.diff");
            if (drifts.isEmpty()) {
                Files.deleteIfExists(diffFile);
            } else {
                StringBuilder diff = new StringBuilder();
                drifts.forEach(d -> diff.append(d.diff()));
                AtomicFiles.writeIfChanged(diffFile, diff.toString());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("cannot write the reports in " + directory + ": " + e.getMessage(), e);
        }
    }
}
