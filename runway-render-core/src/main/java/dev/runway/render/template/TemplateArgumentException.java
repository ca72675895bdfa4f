package dev.runway.render.template;

/**
 * A function's Go signature rejects an argument, which text/template reports before the call and without the
 * {@code error calling X:} prefix. With {@link #index()} and {@link #expectedType()} the executor words the error as
 * Go does for that argument ({@code expected integer; found "2"} for a literal,
 * {@code wrong type for value; expected string; got int} for a computed value) and points at the argument.
 * Without an index (index -1) the message is printed as it is, at the function's name (wrong argument count).
 */
public class TemplateArgumentException extends TemplateFunctionException {
    private final int index;
    private final String expectedType;

    /** A wrong argument count or another rejection reported at the function's name. */
    public TemplateArgumentException(String message) {
        super(message);
        this.index = -1;
        this.expectedType = null;
    }

    /**
     * @param index        the argument's position (0 = first argument after the function name; the piped value is
     *                     the last)
     * @param expectedType the parameter's Go type, as reflect prints it ({@code string}, {@code int},
     *                     {@code map[string]interface {}})
     * @param message      the text to use when the executor cannot place the argument
     */
    public TemplateArgumentException(int index, String expectedType, String message) {
        super(message);
        this.index = index;
        this.expectedType = expectedType;
    }

    public int index() {
        return index;
    }

    public String expectedType() {
        return expectedType;
    }
}
