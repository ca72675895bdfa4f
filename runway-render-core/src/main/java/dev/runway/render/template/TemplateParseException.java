package dev.runway.render.template;

/**
 * A template did not parse. {@link #getMessage()} is Go's text ({@code template: name:line: reason}); {@link #file()},
 * {@link #line()} and {@link #reason()} give the parts, which Helm rearranges into {@code parse error at (file:line)}.
 */
public final class TemplateParseException extends RuntimeException {
    private final String file;
    private final int line;
    private final String reason;

    TemplateParseException(String file, int line, String reason) {
        super("template: " + file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
