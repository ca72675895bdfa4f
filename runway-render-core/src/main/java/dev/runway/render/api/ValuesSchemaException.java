package dev.runway.render.api;

/**
 * The values break a chart's (or a subchart's) values.schema.json. The message is Helm's text, byte for byte what
 * {@code helm template} prints; {@link #explanation()} says the same per problem in the project's words: the values
 * path, what the schema expects, what was found and the file and line (or flag) that gave the value.
 */
public final class ValuesSchemaException extends RenderException {
    static final String HEADING = "values don't meet the specifications of the schema(s) in the following chart(s):\n";

    private final String explanation;

    public ValuesSchemaException(String helmListing, String explanation) {
        super(HEADING + helmListing);
        this.explanation = explanation;
    }

    /** One line per problem: {@code <chart>:} then {@code - <path>: expected ..., found ... (values.yaml:3:7)}. */
    public String explanation() {
        return explanation;
    }
}
