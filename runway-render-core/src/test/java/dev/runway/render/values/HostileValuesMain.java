package dev.runway.render.values;

import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one hostile input in a JVM of its own, for {@link HostileValuesMemoryTest}, which starts it with a small heap.
 * Arguments: what reads it ({@code values}, or a template function: {@code fromYaml}, {@code fromYamlArray},
 * {@code fromJson}, {@code fromJsonArray}, or {@code template}: a chart of that one template is rendered, or {@code verify}: the file is checked as a manifest, or {@code docs}: the rows of its values table) and the file. Prints {@code read ...} and exits 0, or prints the
 * project's exception and exits 3. An OutOfMemoryError is not caught: the JVM prints it and exits 1.
 */
public final class HostileValuesMain {
    private HostileValuesMain() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        try {
            String result = switch (args[0]) {
                case "values" ->
                    ValuesFiles.standard().read(file, "values.yaml").values().size() + " top-level keys";
                case "fromYaml" -> summary(GoYaml.fromYaml(Files.readString(file)));
                case "fromYamlArray" -> summary(GoYaml.fromYamlArray(Files.readString(file)));
                case "fromJson" -> summary(GoJson.fromJson(Files.readString(file)));
                case "fromJsonArray" -> summary(GoJson.fromJsonArray(Files.readString(file)));
                case "chartValues" ->
                    summary(java.util.List.of(String.valueOf(GoYaml.read(Files.readString(file), "values.yaml"))
                            .length()));
                case "schema" -> "schema " + ValuesSchema.parse(Files.readString(file), "values.schema.json");
                case "manifest" ->
                    "manifests "
                            + dev.runway.render.manifest.ManifestStreamParser.typedDocuments(
                                            Files.readString(file), "m.yaml")
                                    .size();
                case "template" -> renderTemplate(file);
                case "verify" -> verify(file);
                case "docs" ->
                    dev.runway.render.docs.ValuesTable.rows(
                                            Files.readString(file),
                                            "values.yaml",
                                            dev.runway.render.docs.ValuesSchemaReader.empty())
                                    .size()
                            + " rows";
                default -> throw new IllegalArgumentException(args[0]);
            };
            System.out.println("read " + result);
        } catch (ValuesFileException
                | dev.runway.render.yaml.GoYamlException
                | dev.runway.render.api.RenderException
                | dev.runway.render.docs.DocsException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }

    /** Renders a chart of one template, the file's text, with no values: the rendered output's length. */
    private static String renderTemplate(Path template) throws IOException {
        Path chart = Files.createTempDirectory(template.getParent(), "chart");
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: hostile\nversion: 0.1.0\n");
        Files.createDirectory(chart.resolve("templates"));
        Files.copy(template, chart.resolve("templates").resolve("t.yaml"));
        String output = dev.runway.render.HelmRenderer.render(
                        dev.runway.render.chart.Chart.load(chart),
                        java.util.Map.of(),
                        dev.runway.render.api.RenderOptions.of("hostile", "hostile"))
                .output();
        return "rendered " + output.length() + " characters";
    }

    /** Verifies the file as one manifest file: its findings, each as {@code file:line finding}. */
    private static String verify(Path file) throws IOException {
        var result = new dev.runway.render.verify.ManifestVerifier()
                .verify(
                        java.util.List.of(
                                new dev.runway.render.verify.ManifestVerifier.Source("m.yaml", Files.readString(file))),
                        dev.runway.render.verify.VerifyOptions.namespace("default"));
        StringBuilder out = new StringBuilder("findings:");
        for (var finding : result.findings()) {
            out.append('\n')
                    .append(finding.file())
                    .append(':')
                    .append(finding.line())
                    .append(' ');
            out.append(finding.toLine());
        }
        return out.toString();
    }

    /** A function's result: its size and, for the one-entry result Helm gives on an error, that entry. */
    private static String summary(Object result) {
        int size = result instanceof java.util.Map<?, ?> map ? map.size() : ((java.util.List<?>) result).size();
        String first = result instanceof java.util.Map<?, ?> map
                ? String.valueOf(map.values().iterator().next())
                : String.valueOf(((java.util.List<?>) result).get(0));
        return size + " entries" + (size == 1 ? ": " + first : "");
    }
}
