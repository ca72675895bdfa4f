package dev.runway.render.values;

import java.util.Objects;

/** A place in a values file: 1-based line and column, as editors number them. */
public record SourcePosition(String file, int line, int column) {
    public SourcePosition {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
