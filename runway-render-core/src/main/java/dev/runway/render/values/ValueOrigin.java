package dev.runway.render.values;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a user value came from: a values file (with the line and column of the value) or a command-line flag
 * such as {@code --set image.tag=1.2}.
 */
public record ValueOrigin(String source, Optional<SourcePosition> position) {
    public ValueOrigin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(position, "position");
    }

    public static ValueOrigin file(SourcePosition position) {
        return new ValueOrigin(position.file(), Optional.of(position));
    }

    public static ValueOrigin flag(String flagAndValue) {
        return new ValueOrigin(flagAndValue, Optional.empty());
    }

    @Override
    public String toString() {
        return position.map(SourcePosition::toString).orElse(source);
    }
}
