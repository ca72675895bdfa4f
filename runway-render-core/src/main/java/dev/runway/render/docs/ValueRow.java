package dev.runway.render.docs;

import java.util.Objects;

/**
 * One row of a chart's values table, in plain text (the Markdown escaping happens when the table is written).
 *
 * @param key          dotted key path ({@code image.repository})
 * @param type         the value's type, from the comment's {@code (type)}, the schema, or the default value
 * @param defaultValue the default from values.yaml as compact JSON ({@code "IfNotPresent"}, {@code {}}); empty when none
 * @param required     the schema requires the key, or the comment starts with {@code (required)}
 * @param allowed      what the schema allows, in words: enum values and bounds ({@code 1 to 65535}); empty when free
 * @param description  the comment's description, or the schema's
 * @param documented   the key had a {@code # --} comment in values.yaml
 */
public record ValueRow(
        String key,
        String type,
        String defaultValue,
        boolean required,
        String allowed,
        String description,
        boolean documented) {
    public ValueRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(description, "description");
    }
}
