package dev.runway.render.values;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One values file as read: its Go values (a mutable {@code map[string]interface{}}) and where each value and
 * each key starts in the file.
 */
public record ValuesDocument(String source, Map<String, Object> values, ValuePositions positions) {
    public ValuesDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(positions, "positions");
    }

    /** A document whose positions are given as maps from paths to where their values and keys start. */
    public ValuesDocument(
            String source,
            Map<String, Object> values,
            Map<ValuesPath, SourcePosition> valuePositions,
            Map<ValuesPath, SourcePosition> keyPositions) {
        this(source, values, ValuePositions.of(valuePositions, keyPositions));
    }

    /** Where the value at {@code path} starts, if this file has it. */
    public Optional<SourcePosition> positionOf(ValuesPath path) {
        return positions.value(path);
    }

    /** Where the key of the map entry at {@code path} starts, if this file has it. */
    public Optional<SourcePosition> keyPositionOf(ValuesPath path) {
        return positions.key(path);
    }
}
