package dev.runway.maven;

import dev.runway.render.RenderedChart;
import dev.runway.render.service.ManifestFiles;
import dev.runway.render.service.ManifestLayout;
import dev.runway.render.service.OutputFile;
import dev.runway.render.service.OutputSync;
import dev.runway.render.service.PlannedEnvironment;
import dev.runway.render.service.Plurals;
import dev.runway.render.service.RenderSummary;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Map<PlannedEnvironment, RenderedChart> rendered = renderAll(plan(null));
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
