package dev.runway.render.yaml;

/**
 * YAML or JSON that Go (go-yaml v2 / sigs.k8s.io/yaml / encoding/json) would reject. The message is the Go error text
 * (for example {@code error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context});
 * {@link #line()} and {@link #column()} locate the problem (1-based) when known, else -1.
 */
public class GoYamlException extends RuntimeException {
    private final int line;
    private final int column;

    public GoYamlException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The same problem with the message prefixed (Go's error wrapping). */
    public GoYamlException wrap(String prefix) {
        return new GoYamlException(prefix + getMessage(), line, column);
    }

    /**
     * Not Go's: the document holds more values than the project's reader builds (to bound its memory), where Go would
     * read on; callers that read again only to word Go's error can tell it from Go's own errors.
     */
    public static final class TooManyValues extends GoYamlException {
        public TooManyValues(String message, int line, int column) {
            super(message, line, column);
        }
    }
}
