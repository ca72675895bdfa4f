package dev.runway.render.template;

/**
 * Executing a template failed. The message is Go's ExecError text:
 * {@code template: file:line:col: executing "name" at <node>: reason}.
 */
public final class TemplateExecException extends RuntimeException {
    public TemplateExecException(String message) {
        super(message);
    }

    public TemplateExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
