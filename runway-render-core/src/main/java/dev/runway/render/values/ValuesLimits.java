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
    /** Generous for real values files: 8 MiB, 100 levels, 1000 aliases, one million values after expansion. */
    public static final ValuesLimits DEFAULT = new ValuesLimits(8 * 1024 * 1024, 100, 1000, 1_000_000L);

    public ValuesLimits {
        if (maxChars <= 0 || maxDepth <= 0 || maxAliases < 0 || maxExpandedNodes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
