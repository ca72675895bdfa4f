package dev.runway.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartDocsTest {

    private static final Path RUNWAY_EKS = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    @TempDir
    Path dir;

    @Test
    void runwayEksRowsCombineCommentsSchemaAndDefaults() {
        List<ValueRow> rows = ChartDocs.rows(RUNWAY_EKS);
        ValueRow serviceId = row(rows, "serviceId");
        assertTrue(serviceId.required());
        assertEquals("string", serviceId.type());
        assertEquals("\"\"", serviceId.defaultValue());
        assertTrue(serviceId.description().startsWith("The service id."), serviceId.description());
        assertEquals("2 to 26 characters", serviceId.allowed());

        ValueRow pullPolicy = row(rows, "image.pullPolicy");
        assertEquals("\"IfNotPresent\"", pullPolicy.defaultValue());
        assertEquals("one of \"Always\", \"IfNotPresent\", \"Never\"", pullPolicy.allowed());

        assertEquals("integer", row(rows, "port").type());
        assertEquals("1 to 65535", row(rows, "port").allowed());
        assertEquals("at least 1 character", row(rows, "image.repository").allowed());
        assertEquals("\"${aws_account_id}\"", row(rows, "aws.accountId").defaultValue());
        assertTrue(row(rows, "image.repository").required(), "image.repository is required by the schema");

        // A documented map is one row that stands for its children.
        ValueRow resources = row(rows, "resources");
        assertEquals(
                "{\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"memory\":\"256Mi\"}}",
                resources.defaultValue());
        assertTrue(rows.stream().noneMatch(r -> r.key().startsWith("resources.")));
        // An undocumented map is walked into.
        assertTrue(rows.stream().noneMatch(r -> r.key().equals("probes")));
        assertEquals("integer", row(rows, "probes.liveness.failureThreshold").type());
        assertEquals("[]", row(rows, "tolerations").defaultValue());
        assertEquals("array", row(rows, "tolerations").type());
    }

    @Test
    void everyRunwayEksValueIsDocumented() {
        List<ValueRow> rows = ChartDocs.rows(RUNWAY_EKS);
        assertTrue(rows.size() > 40, "rows: " + rows.size());
        assertEquals(
                List.of(),
                rows.stream().filter(r -> !r.documented()).map(ValueRow::key).toList());
    }

    /** This repository's own docs check; {@code -Drunway.updateDocs=true} rewrites the README's table. */
    @Test
    void committedRunwayEksReadmeIsUpToDate() throws IOException {
        Path readme = RUNWAY_EKS.resolve("README.md");
        DocsUpdate update = ChartDocs.update(RUNWAY_EKS, readme, DocsTemplate.defaultTemplate());
        if (Boolean.getBoolean("runway.updateDocs")) {
            Files.writeString(readme, update.expected());
            update = ChartDocs.update(RUNWAY_EKS, readme, DocsTemplate.defaultTemplate());
        }
        assertTrue(
                update.upToDate(),
                update.outOfDateMessage(
                        "./mvnw -pl runway-render-core test -Dtest=ChartDocsTest -Drunway.updateDocs=true"));
    }

    @Test
    void tableEscapesPipesAndWritesOneRowPerValue() throws IOException {
        writeChart("""
                # -- A | B, with `code`.
                mode: "a|b"
                nested:
                  # -- Leaf.
                  leaf: 3
                """, null);
        String table = ChartDocs.valuesTable(dir, DocsTemplate.defaultTemplate());
        assertTrue(table.contains("| `mode` | string | `\"a\\|b\"` |  |  | A \\| B, with `code`. |"), table);
        assertTrue(table.contains("| `nested.leaf` | integer | `3` |  |  | Leaf. |"), table);
        assertFalse(table.contains("&quot;"), "no HTML escaping in Markdown: " + table);
        assertEquals(2, table.lines().filter(l -> l.startsWith("| `")).count(), table);
    }

    @Test
    void updateFillsOnlyTheSectionBetweenMarkers() throws IOException {
        writeChart("# -- Count.\ncount: 1\n", null);
        Path readme = dir.resolve("README.md");
        Files.writeString(
                readme,
                "# Title\n\nProse.\n\n" + ReadmeSection.START + "\nold table\n" + ReadmeSection.END
                        + "\n\nMore prose.\n");
        DocsUpdate update = ChartDocs.update(dir, readme, DocsTemplate.defaultTemplate());
        assertFalse(update.upToDate());
        assertTrue(update.expected().startsWith("# Title\n\nProse.\n\n" + ReadmeSection.START + "\n"));
        assertTrue(update.expected().endsWith(ReadmeSection.END + "\n\nMore prose.\n"));
        assertFalse(update.expected().contains("old table"));
        assertTrue(update.expected().contains("| `count` | integer | `1` |  |  | Count. |"));
        String message = update.outOfDateMessage("mvn runway:docs");
        assertTrue(message.contains("run `mvn runway:docs`"), message);
        assertTrue(message.contains("committed: old table"), message);

        Files.writeString(readme, update.expected());
        assertTrue(ChartDocs.update(dir, readme, DocsTemplate.defaultTemplate()).upToDate());
    }

    @Test
    void missingReadmeIsCreatedWithTitleAndMarkers() throws IOException {
        writeChart("# -- Count.\ncount: 1\n", null);
        DocsUpdate update = ChartDocs.update(dir, dir.resolve("README.md"), DocsTemplate.defaultTemplate());
        assertEquals("", update.current());
        assertTrue(update.expected().startsWith("# demo\n\n## Values\n\n" + ReadmeSection.START + "\n"));
        assertTrue(update.outOfDateMessage("x").contains("does not exist"));
    }

    @Test
    void schemaTypesRequiredAndEnumsReachTheRow() throws IOException {
        writeChart("""
                mode: fast
                size: 1
                """, """
                {"type":"object","required":["mode"],"definitions":{"n":{"oneOf":[{"type":"integer"},{"type":"string"}]}},
                 "properties":{"mode":{"type":"string","enum":["fast","slow"],"description":"From the schema."},
                               "size":{"$ref":"#/definitions/n"}}}
                """);
        List<ValueRow> rows = ChartDocs.rows(dir);
        assertEquals(
                new ValueRow(
                        "mode", "string", "\"fast\"", true, "one of \"fast\", \"slow\"", "From the schema.", false),
                rows.get(0));
        assertEquals("integer or string", rows.get(1).type());
    }

    @Test
    void customTemplateSeesChartAndRawValues() throws IOException {
        writeChart("# -- Count.\ncount: 1\n", null);
        String out = ChartDocs.valuesTable(
                dir,
                DocsTemplate.of(
                        "custom", "{{chart.name}} {{chart.version}}\n{{#rows}}{{raw.key}}={{raw.default}}\n{{/rows}}"));
        assertEquals("demo 1.2.3\ncount=1\n", out);
    }

    @Test
    void badInputsGiveMessagesNamingTheFile() throws IOException {
        writeChart("a: [1\n", null);
        DocsException yaml = assertThrows(DocsException.class, () -> ChartDocs.rows(dir));
        assertTrue(
                yaml.getMessage().contains("values.yaml") && yaml.getMessage().contains("not valid YAML"),
                yaml.getMessage());

        writeChart("a: 1\n", "{ nope");
        DocsException json = assertThrows(DocsException.class, () -> ChartDocs.rows(dir));
        assertTrue(json.getMessage().contains("values.schema.json:1:"), json.getMessage());

        DocsException noChart = assertThrows(
                DocsException.class,
                () -> ChartDocs.update(dir.resolve("nowhere"), dir.resolve("R.md"), DocsTemplate.defaultTemplate()));
        assertTrue(noChart.getMessage().contains("Chart.yaml does not exist"), noChart.getMessage());

        writeChart("a: 1\n", null);
        Files.writeString(dir.resolve("README.md"), ReadmeSection.START + "\n");
        DocsException markers = assertThrows(
                DocsException.class,
                () -> ChartDocs.update(dir, dir.resolve("README.md"), DocsTemplate.defaultTemplate()));
        assertTrue(markers.getMessage().contains("but not " + ReadmeSection.END), markers.getMessage());
    }

    /**
     * A chart from elsewhere whose values.yaml is /dev/zero or larger than any chart file Helm loads: refused at once
     * with the file's name (the unbounded read ran the heap out).
     */
    @Test
    void valuesThatAreADeviceOrTooLargeAreRefused() throws IOException {
        writeChart("a: 1\n", null);
        Files.delete(dir.resolve("values.yaml"));
        Files.createSymbolicLink(dir.resolve("values.yaml"), Path.of("/dev/zero"));
        DocsException device = assertThrows(DocsException.class, () -> ChartDocs.rows(dir));
        assertTrue(device.getMessage().contains("values.yaml is a character device"), device.getMessage());

        Files.delete(dir.resolve("values.yaml"));
        try (java.io.RandomAccessFile file =
                new java.io.RandomAccessFile(dir.resolve("values.yaml").toFile(), "rw")) {
            file.setLength(40L << 20); // sparse: no disk space used
        }
        DocsException large = assertThrows(DocsException.class, () -> ChartDocs.rows(dir));
        assertTrue(large.getMessage().contains("values.yaml has more than 5242880 bytes"), large.getMessage());
    }

    private void writeChart(String values, String schema) throws IOException {
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 1.2.3\n");
        Files.writeString(dir.resolve("values.yaml"), values);
        Path schemaFile = dir.resolve("values.schema.json");
        if (schema == null) {
            Files.deleteIfExists(schemaFile);
        } else {
            Files.writeString(schemaFile, schema);
        }
    }

    private static ValueRow row(List<ValueRow> rows, String key) {
        return rows.stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in "
                        + rows.stream().map(ValueRow::key).toList()));
    }
}
