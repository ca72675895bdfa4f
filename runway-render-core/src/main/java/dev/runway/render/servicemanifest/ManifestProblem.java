package dev.runway.render.servicemanifest;

import dev.runway.render.values.SourcePosition;
import java.util.Objects;

/**
 * One thing wrong with a Runway service manifest, at its place in the file.
 *
 * @param position the file, line and column of the field (or of the file's start)
 * @param field    the field's path ({@code spec.container_port}), or empty for the whole file
 * @param message  what is wrong and how to fix it
 */
public record ManifestProblem(SourcePosition position, String field, String message) {
    public ManifestProblem {
        Objects.requireNonNull(position, "position");
        field = Objects.requireNonNullElse(field, "");
        Objects.requireNonNull(message, "message");
    }

    /** {@code .runway/runway.yml:7:3: spec.regions: ...}. */
    @Override
    public String toString() {
        return position + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
