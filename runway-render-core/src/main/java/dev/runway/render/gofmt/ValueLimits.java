package dev.runway.render.gofmt;

/**
 * Bounds on the values template functions create, so that a few lines of template cannot exhaust memory or the
 * stack: doubling a string in a loop ({@code $s = print $s $s}), a list ({@code concat $l $l}), printing a map that
 * contains itself ({@code set $d "self" $d}, where Go's fmt overflows its stack) or a value shared many times over.
 * Helm has no such bounds; these sit far above what a real chart creates (Kubernetes keeps objects under 1.5 MB).
 */
public final class ValueLimits {
    /** Most characters one function result may have (16 Mi). */
    public static final int MAX_VALUE_CHARS = 16 << 20;
    /** Most elements one list a function returns may have (4 Mi). */
    public static final int MAX_LIST_ELEMENTS = 4 << 20;
    /** Deepest nesting of maps and lists printed or copied (go-yaml and encoding/json stop at 10000 too). */
    public static final int MAX_NESTING = 10_000;

    private ValueLimits() {}

    /** A value over one of the bounds; the message names the bound and the likely cause. */
    public static final class ValueTooLargeException extends RuntimeException {
        public ValueTooLargeException(String message) {
            super(message);
        }
    }

    public static ValueTooLargeException tooLong(String what) {
        return new ValueTooLargeException(what + " would be longer than " + MAX_VALUE_CHARS
                + " characters, the most a template function may create; a template probably doubles a value in a"
                + " loop (print, cat, concat, indent or repeat of its own result)");
    }

    public static ValueTooLargeException tooManyElements() {
        return new ValueTooLargeException("a list would have more than " + MAX_LIST_ELEMENTS
                + " elements, the most a template function may create; a template probably doubles a list in a loop"
                + " (concat or append of its own result)");
    }

    public static ValueTooLargeException tooDeep(String what) {
        return new ValueTooLargeException(what + ": the value nests more than " + MAX_NESTING
                + " maps or lists deep; it probably contains itself (set $d \"self\" $d)");
    }
}
