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
}
