package dev.runway.render.values;

/**
 * Limits on a values file, so that a hostile or broken file fails with a clear message instead of exhausting
 * memory or the stack.
 *
 * @param maxChars         longest file, in characters
 * @param maxDepth         deepest nesting of maps and lists
 * @param maxAliases       most aliases ({@code *name}) in one file
 * @param maxExpandedNodes most values once every alias is expanded (stops "billion laughs")
 */
public record ValuesLimits(int maxChars, int maxDepth, int maxAliases, long maxExpandedNodes) {
    /**
     * Generous for real values files: 8 MiB, 100 levels, 1000 aliases, 250,000 values after expansion. Real values
     * files have at most a few thousand values (the largest charts' values.yaml some 3,000), so 250,000 is still far
     * beyond them; at one million, reading needed more than 256 MB of heap (snakeyaml's node tree alone is some 220
     * bytes a value, and the decoded values 50 to 130 more), where 250,000 of any shape are read or refused within
     * 128 MB.
     */
    public static final ValuesLimits DEFAULT = new ValuesLimits(8 * 1024 * 1024, 100, 1000, 250_000L);

    public ValuesLimits {
        if (maxChars <= 0 || maxDepth <= 0 || maxAliases < 0 || maxExpandedNodes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
