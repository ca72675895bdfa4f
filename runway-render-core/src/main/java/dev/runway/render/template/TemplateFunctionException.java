package dev.runway.render.template;

/** A template function failed; the message is the Go error text, without the {@code error calling X:} prefix. */
public class TemplateFunctionException extends Exception {
    public TemplateFunctionException(String message) {
        super(message);
    }

    public TemplateFunctionException(String message, Throwable cause) {
        super(message, cause);
    }
}
