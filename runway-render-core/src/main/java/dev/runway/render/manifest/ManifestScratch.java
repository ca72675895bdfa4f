package dev.runway.render.manifest;

/**
 * The array the head scanner copies each rendered document into, kept per thread by whoever renders many times (a
 * {@code HelmRenderer}), so that a render does not allocate a copy of its longest document. Only arrays of up to
 * {@link #MAX_KEPT} characters are kept: a longer document gets an array of its own that is dropped after the scan,
 * so what a thread keeps stays bounded whatever a chart prints. Safe to share between threads.
 */
public final class ManifestScratch {
    /** The longest array kept per thread (128 KB). */
    static final int MAX_KEPT = 1 << 16;

    /**
     * Null until this thread's first array is kept: a plain ThreadLocal, as withInitial's lambda costs a class spin
     * in a fresh JVM (issue 19). Per instance on purpose: the arrays go with their renderer.
     */
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<char[]> kept = new ThreadLocal<>();

    /** An array of at least {@code length} characters for this thread's next scan; its contents are undefined. */
    char[] chars(int length) {
        char[] chars = kept.get();
        if (chars != null && chars.length >= length) {
            return chars;
        }
        chars = new char[length];
        if (length <= MAX_KEPT) {
            kept.set(chars);
        }
        return chars;
    }
}
