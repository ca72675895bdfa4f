package dev.runway.render.docs;

/** A chart's documentation could not be generated or is out of date; the message says what to do. */
public class DocsException extends RuntimeException {
    public DocsException(String message) {
        super(message);
    }

    public DocsException(String message, Throwable cause) {
        super(message, cause);
    }
}
