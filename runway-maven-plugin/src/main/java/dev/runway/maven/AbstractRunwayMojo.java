package dev.runway.maven;

import dev.runway.render.service.PipelineLog;
import dev.runway.render.service.ProjectPaths;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every runway goal over a project has: the project, the session, {@code runway.skip} and the goal's name. */
abstract class AbstractRunwayMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skip every runway goal. */
    @Parameter(property = "runway.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The project's folder; without a project ({@code runway:docs} in a plain folder, where Maven gives a stand-in
     * project with no folder), the folder Maven runs in.
     */
    protected Path baseDirectory() {
        if (project.getBasedir() != null) {
            return project.getBasedir().toPath();
        }
        return Path.of(
                        session == null || session.getExecutionRootDirectory() == null
                                ? ""
                                : session.getExecutionRootDirectory())
                .toAbsolutePath();
    }

    /** The goal's name for log lines ({@code runway:render}). */
    protected abstract String goal();

    /** The goal's own skip property ({@code runway.render.skip}) and whether it is set. */
    protected abstract String skipProperty();

    protected abstract boolean goalSkipped();

    /** Whether {@code runway.skip} or the goal's own skip property is set; logs which. */
    protected boolean skipped() {
        if (skip || goalSkipped()) {
            getLog().info(goal() + " skipped (" + (skip ? "runway.skip" : skipProperty()) + ")");
            return true;
        }
        return false;
    }

    /** The Maven log for runway-render-core's pipeline. */
    protected PipelineLog log() {
        return new PipelineLog(getLog()::info, getLog()::warn, getLog()::error);
    }

    protected String relative(Path path) {
        return ProjectPaths.relative(baseDirectory(), path);
    }

    static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
