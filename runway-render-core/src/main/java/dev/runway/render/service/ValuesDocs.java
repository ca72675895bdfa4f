package dev.runway.render.service;

import dev.runway.render.docs.ChartDocs;
import dev.runway.render.docs.DocsException;
import dev.runway.render.docs.DocsTemplate;
import dev.runway.render.docs.DocsUpdate;
import dev.runway.render.docs.ValueRow;
import dev.runway.render.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code runway:docs} does. In a chart: the values table in its README, from the {@code # --} comments of
 * values.yaml and values.schema.json ({@link ChartDocs}). In a service repository: one page per environment with the
 * values the service renders with ({@link ServiceValuesDoc}). Either way, a check mode writes nothing and fails when
 * the committed file is out of date. Failures are {@link DocsException}s whose message says what to do; files that
 * cannot be read or written are {@link UncheckedIOException}s.
 */
public final class ValuesDocs {

    private ValuesDocs() {}

    /**
     * Writes (or with {@code check}, checks) a chart's README.
     *
     * @param baseDirectory the project's folder, for messages
     * @param readme        the README to update; null: {@code README.md} in the chart
     * @param template      a Mustache template for the table; null: the built-in one
     * @param updateCommand the command that regenerates the README, for the out-of-date message
     */
    public static void documentChart(
            Path baseDirectory,
            Path chart,
            Path readme,
            Path template,
            boolean check,
            String updateCommand,
            PipelineLog log) {
        Path readmeFile = readme == null ? chart.resolve("README.md") : readme;
        DocsUpdate update = ChartDocs.update(chart, readmeFile, loadTemplate(template));
        List<ValueRow> undocumented = update.undocumented();
        if (!undocumented.isEmpty()) {
            log.warn()
                    .accept("runway:docs: values without a '# --' comment in values.yaml: "
                            + undocumented.stream().map(ValueRow::key).toList());
        }
        String count = Plurals.count(update.rows().size(), "value");
        String name = ProjectPaths.relative(baseDirectory, readmeFile);
        if (check) {
            if (!update.upToDate()) {
                throw new DocsException(update.outOfDateMessage(updateCommand));
            }
            log.info().accept("runway:docs: " + name + " is up to date (" + count + ")");
            return;
        }
        boolean written = AtomicFiles.writeIfChanged(readmeFile, update.expected());
        log.info().accept("runway:docs: " + name + (written ? " updated" : " already up to date") + " (" + count + ")");
    }

    /**
     * Writes (or with {@code check}, checks) each environment's values page, {@code <docsDirectory>/<name>.md}.
     *
     * @param baseDirectory the project's folder, for messages
     */
    public static void documentService(
            Path baseDirectory,
            List<PlannedEnvironment> environments,
            Path docsDirectory,
            boolean check,
            PipelineLog log) {
        List<String> stale = new ArrayList<>();
        for (PlannedEnvironment env : environments) {
            Path page = docsDirectory.resolve(env.name() + ".md");
            String markdown = ServiceValuesDoc.markdown(env.request(), env.name());
            String tag = "[" + env.name() + "] ";
            String name = ProjectPaths.relative(baseDirectory, page);
            if (check) {
                if (!markdown.equals(read(page))) {
                    stale.add(name);
                } else {
                    log.info().accept(tag + name + " is up to date");
                }
                continue;
            }
            boolean written = AtomicFiles.writeIfChanged(page, markdown);
            log.info()
                    .accept(tag + name + (written ? " written" : " already up to date")
                            + ": the values this service renders with, where each was set and what it means");
        }
        if (!stale.isEmpty()) {
            throw new DocsException(
                    String.join(", ", stale) + " out of date; run `mvn runway:docs` and commit the " + "result");
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DocsTemplate loadTemplate(Path template) {
        if (template == null) {
            return DocsTemplate.defaultTemplate();
        }
        try {
            return DocsTemplate.of(template.toString(), Files.readString(template, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DocsException("cannot read the template " + template + ": " + e.getMessage());
        }
    }
}
