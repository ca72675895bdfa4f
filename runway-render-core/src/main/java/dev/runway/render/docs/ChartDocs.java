package dev.runway.render.docs;

import dev.runway.render.chart.Chart;
import dev.runway.render.io.BoundedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The values documentation of a chart directory: reads {@code Chart.yaml}, {@code values.yaml} (helm-docs
 * comments) and {@code values.schema.json} when present, and works out the README with a fresh values table.
 * Writes nothing: the caller writes {@link DocsUpdate#expected()} or reports a stale README.
 */
public final class ChartDocs {

    private ChartDocs() {}

    /** The rows of the chart's values table. */
    public static List<ValueRow> rows(Path chartDirectory) {
        Path values = chartDirectory.resolve("values.yaml");
        String valuesText = readRequired(values, "a chart documents the values in its values.yaml");
        Path schemaFile = chartDirectory.resolve("values.schema.json");
        ValuesSchemaReader schema = Files.isRegularFile(schemaFile)
                ? ValuesSchemaReader.parse(read(schemaFile), schemaFile.toString())
                : ValuesSchemaReader.empty();
        return ValuesTable.rows(valuesText, values.toString(), schema);
    }

    /** The values table alone, rendered with {@code template}. */
    public static String valuesTable(Path chartDirectory, DocsTemplate template) {
        return template.render(metadata(chartDirectory), rows(chartDirectory));
    }

    /** The README at {@code readme} as it should be, next to what it is now. */
    public static DocsUpdate update(Path chartDirectory, Path readme, DocsTemplate template) {
        ChartSummary chart = metadata(chartDirectory);
        List<ValueRow> rows = rows(chartDirectory);
        String table = template.render(chart, rows);
        String current = Files.isRegularFile(readme) ? read(readme) : "";
        String expected = ReadmeSection.apply(current.replace("\r\n", "\n"), readme.toString(), table, chart.name());
        return new DocsUpdate(readme, current, expected, rows);
    }

    static ChartSummary metadata(Path chartDirectory) {
        Path chartYaml = chartDirectory.resolve("Chart.yaml");
        return ChartSummary.parse(
                readRequired(chartYaml, "is " + chartDirectory + " a chart directory?"), chartYaml.toString());
    }

    private static String readRequired(Path file, String hint) {
        try {
            // Bounded, regular files only: a chart from elsewhere may link values.yaml to /dev/zero, which ran the
            // heap out. Decoded strictly, as Files.readString did.
            return BoundedFiles.readUtf8(file, Chart.MAX_FILE_BYTES);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DocsException(file + " is not UTF-8 text; save it as UTF-8", e);
        } catch (NoSuchFileException e) {
            throw new DocsException(file + " does not exist; " + hint);
        } catch (BoundedFiles.NotARegularFileException e) {
            throw new DocsException(e.getMessage(), e);
        } catch (BoundedFiles.FileTooLargeException e) {
            throw new DocsException(
                    file + " has more than " + Chart.MAX_FILE_BYTES + " bytes, the most Helm loads from a chart file",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String read(Path file) {
        return readRequired(file, "");
    }
}
