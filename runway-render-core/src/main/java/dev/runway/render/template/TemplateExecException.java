package dev.runway.render.template;

/**
 * Executing a template failed. The message is Go's ExecError text:
 * {@code template: file:line:col: executing "name" at <node>: reason}.
 */
public final class TemplateExecException extends RuntimeException {
    /** Non-null for a {@link #chained} exception: its message is this prefix followed by the cause's message. */
    private final String chainPrefix;

    public TemplateExecException(String message) {
        super(message);
        this.chainPrefix = null;
    }

    public TemplateExecException(String message, Throwable cause) {
        super(message, cause);
        this.chainPrefix = null;
    }

    /**
     * Without a stack trace of its own: the innermost cause has the one that tells where the render failed, and at
     * each of 1,000 nested includes the JVM would otherwise walk and keep a stack of 1,024 frames (tens of MB).
     */
    private TemplateExecException(Throwable cause, String chainPrefix) {
        super(null, cause, true, false);
        this.chainPrefix = chainPrefix;
    }

    /**
     * An error whose message is {@code prefix + cause.getMessage()}, built only when asked ({@link ChainedMessages}):
     * Go's "error calling include: %w" repeats the whole message of the level below at every level.
     */
    static TemplateExecException chained(String prefix, Throwable cause) {
        return new TemplateExecException(java.util.Objects.requireNonNull(cause, "cause"), prefix);
    }

    String chainPrefix() {
        return chainPrefix;
    }

    @Override
    public String getMessage() {
        return chainPrefix == null ? super.getMessage() : ChainedMessages.build(this);
    }
}
