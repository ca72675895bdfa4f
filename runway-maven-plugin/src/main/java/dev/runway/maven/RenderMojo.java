package dev.runway.maven;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.service.EnvironmentPlanner;
import dev.runway.render.service.ManifestFiles;
import dev.runway.render.service.ManifestLayout;
import dev.runway.render.service.ManifestRenderer;
import dev.runway.render.service.OutputFile;
import dev.runway.render.service.OutputSync;
import dev.runway.render.service.PlannedEnvironment;
import dev.runway.render.service.Plurals;
import dev.runway.render.service.RenderFingerprint;
import dev.runway.render.service.RenderSummary;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the runway-eks chart (or {@code chartDirectory}) for each environment into
 * {@code target/runway/<environment>/} ({@code outputDirectory}), as {@code helm template} would. Every environment is
 * rendered before anything is written, files are written atomically and only when their content changed, and a
 * failed render leaves the earlier output untouched. Works offline; the output is byte-for-byte reproducible.
 * When nothing that decides the output changed since the last render (chart, values, manifests, settings, plugin)
 * and the output files are as it wrote them, the goal stops before it loads the engine ({@code force} renders anyway).
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class RenderMojo extends AbstractRenderMojo {

    /** Where the environments' folders go. */
    @Parameter(property = "runway.outputDirectory", defaultValue = "${project.build.directory}/runway")
    protected File outputDirectory;

    /**
     * {@code SINGLE_FILE}: one {@code manifests.yaml} per environment, exactly {@code helm template}'s output.
     * {@code PER_RESOURCE}: one file per resource and a {@code kustomization.yaml}.
     */
    @Parameter(property = "runway.layout", defaultValue = "SINGLE_FILE")
    protected ManifestLayout layout;

    /** Skip {@code runway:render} only ({@code runway.skip} skips every goal). */
    @Parameter(property = "runway.render.skip", defaultValue = "false")
    protected boolean skipRender;

    /**
     * Render even when the output is up to date: nothing that decides it (chart, values files, service manifests,
     * overrides, settings, plugin version) changed since the last render, and the output files are as it wrote them.
     */
    @Parameter(property = "runway.force", defaultValue = "false")
    protected boolean force;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Override
    protected String goal() {
        return "runway:render";
    }

    @Override
    protected String skipProperty() {
        return "runway.render.skip";
    }

    @Override
    protected boolean goalSkipped() {
        return skipRender;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        // A forced render needs the engine whatever the fingerprint says: the chart loads beside the fingerprint.
        ManifestRenderer forcedEngine = force ? startEngine() : null;
        // Before planning: the fingerprint reads files and settings only, so an up-to-date build loads no engine.
        Optional<RenderFingerprint> fingerprint = RenderFingerprint.of(
                settings(null, EnvironmentPlanner.Origins.none()),
                layout.name(),
                outputDirectory.toPath(),
                RenderFingerprint.engineIdentity(RenderFingerprint.class, RenderMojo.class));
        Path fingerprintFile = fingerprintFile();
        if (fingerprint.isPresent() && !force) {
            RenderFingerprint.Check check = fingerprint.get().check(fingerprintFile);
            if (check.upToDate()) {
                getLog().info("runway: output up to date ("
                        + Plurals.count(fingerprint.get().environments().size(), "environment")
                        + "); -Drunway.force=true renders anyway");
                return;
            }
            getLog().info("runway: rendering: " + check.reason());
        }
        Map<PlannedEnvironment, RenderedChart> rendered =
                planAndRenderAll(null, forcedEngine != null ? forcedEngine : startEngine());
        for (Map.Entry<PlannedEnvironment, RenderedChart> entry : rendered.entrySet()) {
            PlannedEnvironment env = entry.getKey();
            Path directory = outputDirectory.toPath().resolve(env.name());
            List<OutputFile> files = ManifestFiles.plan(entry.getValue(), layout);
            OutputSync.Result result;
            try {
                result = OutputSync.sync(directory, files);
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            getLog().info("[" + env.name() + "] "
                    + RenderSummary.of(entry.getValue()).describe());
            getLog().info("[" + env.name() + "] " + relative(directory) + ": " + describe(result));
        }
        if (fingerprint.isPresent()) {
            Optional<String> notStored = fingerprint.get().write(fingerprintFile);
            if (notStored.isPresent()) {
                getLog().warn(notStored.get());
            }
        }
    }

    /** One fingerprint per execution, so two executions with different settings do not undo each other's. */
    private Path fingerprintFile() {
        String execution = mojoExecution == null ? "default" : mojoExecution.getExecutionId();
        return Path.of(project.getBuild().getDirectory(), "runway", "render-fingerprint-" + execution + ".properties");
    }

    private static String describe(OutputSync.Result result) {
        if (!result.changed()) {
            return "up to date (" + Plurals.count(result.unchanged().size(), "file") + ")";
        }
        StringBuilder out = new StringBuilder().append(result.written().size()).append(" written");
        if (!result.unchanged().isEmpty()) {
            out.append(", ").append(result.unchanged().size()).append(" unchanged");
        }
        if (!result.deleted().isEmpty()) {
            out.append(", ")
                    .append(result.deleted().size())
                    .append(" stale removed ")
                    .append(result.deleted());
        }
        return out.toString();
    }
}
