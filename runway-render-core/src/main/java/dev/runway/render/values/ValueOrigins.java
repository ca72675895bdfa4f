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
        return path -> Optional.empty();
    }
}
