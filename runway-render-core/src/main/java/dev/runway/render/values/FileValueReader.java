package dev.runway.render.values;

import java.io.IOException;

/** Reads the file named by a {@code --set-file} value; returns its content as text. */
@FunctionalInterface
public interface FileValueReader {
    String read(String path) throws IOException;
}
