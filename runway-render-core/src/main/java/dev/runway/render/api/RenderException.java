package dev.runway.render.api;

/**
 * Rendering failed. The message is Helm's own text, so it reads the same as {@code helm template}'s error
 * (for example {@code template: runway-eks/templates/x.yaml:12:20: executing ...} or
 * {@code execution error at (runway-eks/templates/x.yaml:3:4): serviceId is required}).
 */
public class RenderException extends RuntimeException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
