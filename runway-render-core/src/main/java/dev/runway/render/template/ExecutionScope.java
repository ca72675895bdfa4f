package dev.runway.render.template;

import java.util.HashMap;
import java.util.Map;

/**
 * Scratch state shared by every function call of one render (Helm keeps the include depth per template name
 * across the whole render). Not thread-safe: one scope per render.
 */
public final class ExecutionScope {
    private final Map<String, Integer> counters = new HashMap<>();

    public int counter(String key) {
        return counters.getOrDefault(key, 0);
    }

    public void setCounter(String key, int value) {
        counters.put(key, value);
    }
}
