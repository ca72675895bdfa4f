package dev.runway.render.values;

import java.util.Optional;

/**
 * A values file that cannot be read: bad YAML, a top level that is not a map, or a limit crossed.
 * The message starts with {@code file:line:column} when the place is known.
 */
public final class ValuesFileException extends RuntimeException {
    private final String file;
    private final SourcePosition position;

    public ValuesFileException(String file, SourcePosition position, String problem) {
        super((position != null ? position.toString() : file) + ": " + problem);
        this.file = file;
        this.position = position;
    }

    public String file() {
        return file;
    }

    public Optional<SourcePosition> position() {
        return Optional.ofNullable(position);
    }
}
