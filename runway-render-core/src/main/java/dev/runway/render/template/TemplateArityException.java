package dev.runway.render.template;

/**
 * Thrown by a function when Go would reject the call before running it (wrong number or type of arguments:
 * {@code wrong number of args for quote: want 1 got 0}). The executor reports the message as is, without the
 * {@code error calling X:} prefix that a failing function gets.
 */
public class TemplateArityException extends RuntimeException {
    public TemplateArityException(String message) {
        super(message);
    }

    /**
     * The zero-based index of the rejected argument (a piped value is the last), or -1 when the call as a whole is
     * wrong (the count): then the executor reports the message at the function's name.
     */
    public int argumentIndex() {
        return -1;
    }

    /** The Go type of the rejected parameter ({@code string}, {@code int}, ...), or null with no index. */
    public String expectedType() {
        return null;
    }
}
