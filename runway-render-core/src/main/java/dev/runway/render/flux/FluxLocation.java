package dev.runway.render.flux;

/**
 * Where something sits in the rendered output.
 *
 * @param resource {@code Kind/namespace/name}
 * @param source   the template the manifest came from
 * @param path     the field path, {@code (key of) <path>} for a mapping key, {@code (comment)} in a comment
 * @param context  VALUE, KEY, COMMENT or OTHER
 * @param style    the YAML style of the scalar holding it: plain, double-quoted, single-quoted, literal, folded, or
 *                 empty outside scalars
 * @param line     1-based line in the output (or in the manifest when the output is unknown)
 * @param column   1-based column
 */
public record FluxLocation(
        String resource, String source, String path, Context context, String style, int line, int column) {

    /** What part of the YAML the text is in. */
    public enum Context {
        VALUE,
        KEY,
        COMMENT,
        OTHER
    }
}
