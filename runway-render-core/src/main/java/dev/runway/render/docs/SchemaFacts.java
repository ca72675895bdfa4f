package dev.runway.render.docs;

import java.util.List;
import java.util.Objects;

/**
 * What a values.schema.json says about one value, in words fit for a table.
 *
 * @param type        the JSON types, joined with " or " ({@code integer or string}); empty when the schema says none
 * @param required    the parent object lists the key in {@code required}
 * @param allowed     the {@code enum} values, as JSON text
 * @param constraints bounds in words ({@code 1 to 65535}, {@code at least 600}, {@code 2 to 26 characters})
 * @param description the schema's {@code description}, or empty
 * @param defaultJson the schema's {@code default} as JSON text, or empty
 */
public record SchemaFacts(
        String type,
        boolean required,
        List<String> allowed,
        String constraints,
        String description,
        String defaultJson) {
    public static final SchemaFacts NONE = new SchemaFacts("", false, List.of(), "", "", "");

    public SchemaFacts {
        Objects.requireNonNull(type, "type");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultJson, "defaultJson");
    }
}
