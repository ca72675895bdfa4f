package dev.runway.render.values;

import java.util.Map;
import java.util.Objects;

/**
 * The user's values after Helm's merge of values files and {@code --set}-style flags: what the engine coalesces
 * with the chart's defaults. {@code origins} tells where each value came from.
 */
public record MergedValues(Map<String, Object> values, ValueOrigins origins) {
    public MergedValues {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(origins, "origins");
    }
}
