package dev.runway.render.values;

import java.util.Optional;

/** Answers where the value at a path came from, for error messages. */
public interface ValueOrigins {
    /** Where the value at {@code path} was given, if it was given by the user. */
    Optional<ValueOrigin> originOf(ValuesPath path);

    /** Where the key of the map entry at {@code path} was written, if in a file. */
    default Optional<ValueOrigin> keyOriginOf(ValuesPath path) {
        return originOf(path);
    }

    /** No origins known (values built in code). */
    static ValueOrigins none() {
        // Anonymous classes, not lambdas: a lambda costs a class spin in a fresh JVM (issue 19).
        return new ValueOrigins() {
            @Override
            public Optional<ValueOrigin> originOf(ValuesPath path) {
                return Optional.empty();
            }
        };
    }

    /** These origins, and {@code fallback} for paths they do not know. */
    default ValueOrigins orElse(ValueOrigins fallback) {
        ValueOrigins first = this;
        return new ValueOrigins() {
            @Override
            public Optional<ValueOrigin> originOf(ValuesPath path) {
                Optional<ValueOrigin> origin = first.originOf(path);
                return origin.isPresent() ? origin : fallback.originOf(path);
            }

            @Override
            public Optional<ValueOrigin> keyOriginOf(ValuesPath path) {
                Optional<ValueOrigin> origin = first.keyOriginOf(path);
                return origin.isPresent() ? origin : fallback.keyOriginOf(path);
            }
        };
    }

    /**
     * Paths of {@code values} that still hold the chart's default: "&lt;chart&gt; default in values.yaml", so a
     * user knows the value is not theirs and must be set.
     */
    static ValueOrigins chartDefaults(
            String chartName, java.util.Map<String, Object> defaults, java.util.Map<String, Object> values) {
        return new ValueOrigins() {
            @Override
            public Optional<ValueOrigin> originOf(ValuesPath path) {
                if (path.isRoot()) {
                    return Optional.empty();
                }
                Optional<Object> byDefault = ValueTrees.at(defaults, path);
                // The origin is made when a problem asks for it: a first render whose values meet the schema then
                // loads no ValueOrigin class.
                return byDefault.isPresent() && byDefault.equals(ValueTrees.at(values, path))
                        ? Optional.of(ValueOrigin.flag(chartName + " default in values.yaml"))
                        : Optional.empty();
            }
        };
    }
}
