package dev.runway.maven;

import dev.runway.render.docs.ChartDocs;
import dev.runway.render.docs.DocsException;
import dev.runway.render.docs.DocsTemplate;
import dev.runway.render.docs.DocsUpdate;
import dev.runway.render.docs.ValueRow;
import dev.runway.render.output.AtomicFiles;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a chart's values table into its README, between {@code <!-- runway:docs:start -->} and
 * {@code <!-- runway:docs:end -->}, from the {@code # --} comments of values.yaml and from values.schema.json,
 * with a Mustache template (as helm-docs does for Go charts). With {@code -Drunway.docs.check} it writes nothing
 * and fails when the committed README is out of date.
 */
@Mojo(name = "docs", threadSafe = true, requiresProject = false)
public class DocsMojo extends AbstractMojo {

    /** Skip every runway goal. */
    @Parameter(property = "runway.skip", defaultValue = "false")
    protected boolean skip;

    /** The chart to document. */
    @Parameter(property = "runway.chartDirectory", defaultValue = "${basedir}")
    protected File chartDirectory;

    /** The README to update. Default: {@code README.md} in the chart directory. */
    @Parameter(property = "runway.docs.readme")
    protected File readme;

    /** A Mustache template for the table instead of the built-in one (scope: {@code chart}, {@code rows}). */
    @Parameter(property = "runway.docs.template")
    protected File template;

    /** Check only: fail when the README is out of date, write nothing. */
    @Parameter(property = "runway.docs.check", defaultValue = "false")
    protected boolean check;

    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("runway:docs skipped (runway.skip)");
            return;
        }
        Path chart = chartDirectory.toPath();
        Path readmeFile = readme == null ? chart.resolve("README.md") : readme.toPath();
        DocsUpdate update;
        try {
            update = ChartDocs.update(chart, readmeFile, loadTemplate());
        } catch (DocsException e) {
            throw new MojoFailureException("runway:docs: " + e.getMessage(), e);
        }
        List<ValueRow> undocumented = update.undocumented();
        if (!undocumented.isEmpty()) {
            getLog().warn("runway:docs: values without a '# --' comment in values.yaml: "
                    + undocumented.stream().map(ValueRow::key).toList());
        }
        if (check) {
            if (!update.upToDate()) {
                throw new MojoFailureException("runway:docs: " + update.outOfDateMessage(updateCommand()));
            }
            getLog().info("runway:docs: " + shown(readmeFile) + " is up to date (" + update.rows().size() + " values)");
            return;
        }
        try {
            boolean written = AtomicFiles.writeIfChanged(readmeFile, update.expected());
            getLog().info("runway:docs: " + shown(readmeFile) + (written ? " updated" : " already up to date") + " ("
                    + update.rows().size() + " values)");
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private DocsTemplate loadTemplate() throws MojoFailureException {
        if (template == null) {
            return DocsTemplate.defaultTemplate();
        }
        try {
            return DocsTemplate.of(template.toString(), Files.readString(template.toPath(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoFailureException("runway:docs: cannot read the template " + template + ": " + e.getMessage());
        }
    }

    /** The command that regenerates this README, with the options that differ from the defaults. */
    private String updateCommand() {
        StringBuilder command = new StringBuilder("mvn runway:docs");
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path chart = chartDirectory.toPath().toAbsolutePath().normalize();
        if (!chart.equals(base)) {
            command.append(" -Drunway.chartDirectory=").append(shown(chart));
        }
        if (readme != null) {
            command.append(" -Drunway.docs.readme=").append(shown(readme.toPath()));
        }
        if (template != null) {
            command.append(" -Drunway.docs.template=").append(shown(template.toPath()));
        }
        return command.toString();
    }

    private String shown(Path path) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString()
                : absolute.toString();
    }
}
