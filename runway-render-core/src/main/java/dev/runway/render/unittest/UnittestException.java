package dev.runway.render.unittest;

/** A suite file, values file or snapshot file that cannot be read; the message names the file and the problem. */
public class UnittestException extends RuntimeException {
    public UnittestException(String message) {
        super(message);
    }

    public UnittestException(String message, Throwable cause) {
        super(message, cause);
    }
}
