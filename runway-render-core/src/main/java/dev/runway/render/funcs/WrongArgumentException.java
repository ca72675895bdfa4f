package dev.runway.render.funcs;

import dev.runway.render.template.TemplateArityException;

/**
 * An argument text/template itself rejects before the function runs (wrong count, wrong Go type). Go reports these
 * without the {@code error calling X:} prefix ({@code wrong type for value; expected string; got int}) and at the
 * node of the offending argument ({@code at <.Values.num>}), or at the function name for a wrong count
 * ({@code at <upper>}): {@link #argumentIndex()} says which, -1 meaning the function itself.
 */
public class WrongArgumentException extends TemplateArityException {
    private final int argumentIndex;
    private final String expectedType;

    public WrongArgumentException(String message) {
        this(message, -1, null);
    }

    public WrongArgumentException(String message, int argumentIndex, String expectedType) {
        super(message);
        this.argumentIndex = argumentIndex;
        this.expectedType = expectedType;
    }

    /**
     * The Go type of the parameter ({@code string}, {@code int}, {@code bool}, {@code map[string]interface {}},
     * {@code []interface {}}), or null for a wrong count. When the argument is a constant, Go words the error from it:
     * {@code expected string; found 1}, {@code expected integer; found "5"}, {@code expected bool; found "true"},
     * {@code cannot assign nil to string}, {@code can't handle "s" for arg of type map[string]interface {}}.
     */
    @Override
    public String expectedType() {
        return expectedType;
    }

    /** The zero-based index of the rejected argument in the call (a piped value is the last), or -1. */
    @Override
    public int argumentIndex() {
        return argumentIndex;
    }
}
