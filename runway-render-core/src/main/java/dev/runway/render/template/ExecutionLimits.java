package dev.runway.render.template;

/**
 * Bounds on one render, so that a template that loops without end or prints without end fails with a clear
 * message instead of hanging the build or exhausting memory. Go's text/template has no such bounds; the defaults
 * sit far above what a real chart needs (runway-eks takes a few thousand steps and a few tens of kilobytes).
 *
 * @param maxSteps       most nodes the executor may visit in one render (actions, text, branches, iterations)
 * @param maxOutputChars most characters all templates of one render may write, counting included output
 */
public record ExecutionLimits(long maxSteps, long maxOutputChars) {
    public static final ExecutionLimits DEFAULT = new ExecutionLimits(20_000_000L, 64L * 1024 * 1024);

    public ExecutionLimits {
        if (maxSteps <= 0 || maxOutputChars <= 0) {
            throw new IllegalArgumentException("execution limits must be positive");
        }
    }
}
