package dev.runway.render.template;

/** A template function failed; the message is the Go error text, without the {@code error calling X:} prefix. */
public class TemplateFunctionException extends Exception {
    /** Non-null for a {@link #chained} exception: its message is this prefix followed by the cause's message. */
    private final String chainPrefix;

    public TemplateFunctionException(String message) {
        super(message);
        this.chainPrefix = null;
    }

    public TemplateFunctionException(String message, Throwable cause) {
        super(message, cause);
        this.chainPrefix = null;
    }

    /**
     * Without a stack trace of its own: the innermost cause has the one that tells where the render failed, and at
     * each of 1,000 nested includes the JVM would otherwise walk and keep a stack of 1,024 frames (tens of MB).
     */
    private TemplateFunctionException(Throwable cause, String chainPrefix) {
        super(null, cause, true, false);
        this.chainPrefix = chainPrefix;
    }

    /**
     * A function's error wrapping a template's ({@code include}, {@code tpl}): the message is
     * {@code prefix + cause.getMessage()}, built only when asked ({@link ChainedMessages}).
     */
    public static TemplateFunctionException chained(String prefix, Throwable cause) {
        return new TemplateFunctionException(java.util.Objects.requireNonNull(cause, "cause"), prefix);
    }

    final String chainPrefix() {
        return chainPrefix;
    }

    @Override
    public String getMessage() {
        return chainPrefix == null ? super.getMessage() : ChainedMessages.build(this);
    }
}
