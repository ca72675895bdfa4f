package dev.runway.render.values;

import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one hostile input in a JVM of its own, for {@link HostileValuesMemoryTest}, which starts it with a small heap.
 * Arguments: what reads it ({@code values}, or a template function: {@code fromYaml}, {@code fromYamlArray},
 * {@code fromJson}, {@code fromJsonArray}) and the file. Prints {@code read ...} and exits 0, or prints the
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
                default -> throw new IllegalArgumentException(args[0]);
            };
            System.out.println("read " + result);
        } catch (ValuesFileException | dev.runway.render.yaml.GoYamlException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
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
