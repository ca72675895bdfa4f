package dev.runway.render.docs;

import java.util.Objects;

/**
 * The helm-docs comment of one key in a values file: {@code # -- (type) description}, continued on the
 * following {@code #} lines.
 *
 * @param path        the dotted key path ({@code image.repository})
 * @param line        1-based line of the key
 * @param description the description with its lines joined by spaces; never null
 * @param typeHint    the {@code (type)} given right after {@code # --}, or empty
 * @param required    true when the comment starts with {@code (required)}
 */
public record ValueComment(String path, int line, String description, String typeHint, boolean required) {
    public ValueComment {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        typeHint = Objects.requireNonNullElse(typeHint, "");
    }
}
