package dev.runway.render.values;

import java.nio.file.Path;

/**
 * Reads one values file in a JVM of its own, for {@link HostileValuesMemoryTest}, which starts it with a small heap:
 * prints {@code read <n> top-level keys} and exits 0, or prints the project's exception and exits 3. An
 * OutOfMemoryError is not caught: the JVM prints it and exits 1.
 */
public final class HostileValuesMain {
    private HostileValuesMain() {}

    public static void main(String[] args) {
        try {
            ValuesDocument document = ValuesFiles.standard().read(Path.of(args[0]), "values.yaml");
            System.out.println("read " + document.values().size() + " top-level keys");
        } catch (ValuesFileException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
