package dev.runway.render.memo;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept for reuse across renders, at most a fixed number of them: a renderer is long-lived and shared, and
 * its inputs (values, kube versions, subchart selections) come from outside, so a table that grew with every new key
 * would grow without end. When it is full, new answers are simply not kept and are worked out again each time. Safe
 * for concurrent use; threads racing on a nearly full table may each add one answer beyond the bound.
 *
 * @param <K> what an answer is looked up by (immutable, with value equality)
 * @param <V> the answer (immutable)
 */
public final class BoundedMemo<K, V> {
    private final ConcurrentHashMap<K, V> kept = new ConcurrentHashMap<>();
    private final int capacity;

    public BoundedMemo(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The answer kept for {@code key}, or null. */
    public V get(K key) {
        return kept.get(key);
    }

    /** Keeps {@code answer} for {@code key} unless the table is full (then it is dropped). */
    public void keep(K key, V answer) {
        if (!full()) {
            kept.putIfAbsent(key, answer);
        }
    }

    /** Whether a new answer would be dropped: lets a caller skip work done only to keep one. */
    public boolean full() {
        return kept.size() >= capacity;
    }

    /** How many answers are kept. */
    public int size() {
        return kept.size();
    }
}
