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
                case "fromYaml" -> GoYaml.fromYaml(Files.readString(file)).size() + " keys";
                case "fromYamlArray" ->
                    GoYaml.fromYamlArray(Files.readString(file)).size() + " items";
                case "fromJson" -> GoJson.fromJson(Files.readString(file)).size() + " keys";
                case "fromJsonArray" ->
                    GoJson.fromJsonArray(Files.readString(file)).size() + " items";
                default -> throw new IllegalArgumentException(args[0]);
            };
            System.out.println("read " + result);
        } catch (ValuesFileException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
