package dev.runway.render.eks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A count ({@code 1}) or a percentage ({@code "50%"}), as {@code podDisruptionBudget.minAvailable} takes. */
public record IntOrPercent(Object value) {
    public IntOrPercent {
        Objects.requireNonNull(value, "value");
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("a count must be a whole number, not " + n);
            }
            value = n.longValue();
        } else if (!(value instanceof String)) {
            throw new IllegalArgumentException("a count or a percentage such as \"50%\", not " + value);
        }
    }

    public static IntOrPercent count(long count) {
        return new IntOrPercent(count);
    }

    public static IntOrPercent percent(int percent) {
        return new IntOrPercent(percent + "%");
    }

    @JsonCreator
    public static IntOrPercent of(Object value) {
        return new IntOrPercent(value);
    }

    @JsonValue
    @Override
    public Object value() {
        return value;
    }
}
