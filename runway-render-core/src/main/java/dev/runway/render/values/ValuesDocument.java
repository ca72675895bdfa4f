package dev.runway.render.values;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One values file as read: its Go values (a mutable {@code map[string]interface{}}) and where each value and
 * each key starts in the file.
 */
public record ValuesDocument(
        String source,
        Map<String, Object> values,
        Map<ValuesPath, SourcePosition> valuePositions,
        Map<ValuesPath, SourcePosition> keyPositions) {
    public ValuesDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(values, "values");
        valuePositions = Map.copyOf(valuePositions);
        keyPositions = Map.copyOf(keyPositions);
    }

    /** Where the value at {@code path} starts, if this file has it. */
    public Optional<SourcePosition> positionOf(ValuesPath path) {
        return Optional.ofNullable(valuePositions.get(path));
    }

    /** Where the key of the map entry at {@code path} starts, if this file has it. */
    public Optional<SourcePosition> keyPositionOf(ValuesPath path) {
        return Optional.ofNullable(keyPositions.get(path));
    }
}
