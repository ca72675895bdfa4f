package dev.runway.maven;

import dev.runway.render.docs.DocsException;
import dev.runway.render.service.RequestValues;
import dev.runway.render.service.ValuesDocs;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Documents values. In a chart (a folder with Chart.yaml, or {@code chartDirectory}): writes the chart's values table
 * into its README, between {@code <!-- runway:docs:start -->} and {@code <!-- runway:docs:end -->}, from the
 * {@code # --} comments of values.yaml and from values.schema.json, with a Mustache template (as helm-docs does for Go
 * charts). In a service repository: writes, per environment, the values the service renders with: each value in
 * effect, where it was set (a values file line, an override, or the chart's default) and what it means, into
 * {@code target/runway-docs/<environment>.md} ({@code docsDirectory}). With {@code -Drunway.docs.check} it writes
 * nothing and fails when the committed file is out of date.
 */
@Mojo(name = "docs", threadSafe = true, requiresProject = false)
public class DocsMojo extends AbstractRenderMojo {

    /** Skip {@code runway:docs} only ({@code runway.skip} skips every goal). */
    @Parameter(property = "runway.docs.skip", defaultValue = "false")
    protected boolean skipDocs;

    /** The chart's README to update. Default: {@code README.md} in the chart directory. */
    @Parameter(property = "runway.docs.readme")
    protected File readme;

    /** A Mustache template for the chart's table instead of the built-in one (scope: {@code chart}, {@code rows}). */
    @Parameter(property = "runway.docs.template")
    protected File template;

    /** Check only: fail when the README (or a service's values page) is out of date, write nothing. */
    @Parameter(property = "runway.docs.check", defaultValue = "false")
    protected boolean check;

    /** Where a service's values pages go, one {@code <environment>.md} each. */
    @Parameter(property = "runway.docs.outputDirectory", defaultValue = "${project.build.directory}/runway-docs")
    protected File docsDirectory;

    @Override
    protected String goal() {
        return "runway:docs";
    }

    @Override
    protected String skipProperty() {
        return "runway.docs.skip";
    }

    @Override
    protected boolean goalSkipped() {
        return skipDocs;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path basedir = baseDirectory();
        if (chartDirectory != null) {
            chart(); // says plainly when the folder does not exist or is no chart
        }
        Path chart = chartDirectory != null ? chartDirectory.toPath() : basedir;
        try {
            if (chartDirectory != null || Files.isRegularFile(basedir.resolve("Chart.yaml"))) {
                ValuesDocs.documentChart(
                        basedir, chart, path(readme), path(template), check, updateCommand(chart), log());
            } else if (Files.isRegularFile(basedir.resolve(RequestValues.DEFAULT_VALUES_FILE))
                    || (valuesFiles != null && !valuesFiles.isEmpty())
                    || (environments != null && !environments.isEmpty())) {
                ValuesDocs.documentService(basedir, plan(null), docsDirectory.toPath(), check, log());
            } else {
                throw new MojoFailureException("runway:docs found nothing to document in " + basedir + ": it "
                        + "documents a chart (run it in the chart's folder, or point -Drunway.chartDirectory="
                        + "path/to/chart at it) or a service's values (" + RequestValues.DEFAULT_VALUES_FILE
                        + ", or the plugin's valuesFiles or environments)");
            }
        } catch (DocsException e) {
            throw new MojoFailureException("runway:docs: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The command that regenerates this README, with the options that differ from the defaults. */
    private String updateCommand(Path chart) {
        StringBuilder command = new StringBuilder("mvn runway:docs");
        Path base = baseDirectory().toAbsolutePath().normalize();
        if (!chart.toAbsolutePath().normalize().equals(base)) {
            command.append(" -Drunway.chartDirectory=").append(relative(chart));
        }
        if (readme != null) {
            command.append(" -Drunway.docs.readme=").append(relative(readme.toPath()));
        }
        if (template != null) {
            command.append(" -Drunway.docs.template=").append(relative(template.toPath()));
        }
        return command.toString();
    }
}
