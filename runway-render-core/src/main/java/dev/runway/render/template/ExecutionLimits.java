package dev.runway.render.template;

/**
 * Bounds on one render, so that a template that loops without end or prints without end fails with a clear
 * message instead of hanging the build or exhausting memory. Go's text/template has no such bounds; the defaults
 * sit far above what a real chart needs (runway-eks takes a few thousand steps and a few tens of kilobytes).
 *
 * @param maxSteps       most nodes the executor may visit in one render (actions, text, branches, iterations)
 * @param maxOutputChars most characters all templates of one render may write, counting included output
 * @param maxCreatedBytes most bytes the function calls of one render may create in sum, estimated per new string,
 *                        list or map: {@link #VALUE_BYTES}, and {@link #CHAR_BYTES} per character, {@link
 *                        #LIST_ELEMENT_BYTES} per list element or {@link #MAP_ENTRY_BYTES} per map entry (for a tree
 *                        that deepCopy or fromYaml builds, every list, map and scalar in it; for set and merge, what
 *                        they add to a map): so that building a value in a loop, or keeping many large copies, ends
 *                        in seconds and bounded memory instead of running for minutes or until the heap is gone
 * @param maxReadChars   most characters the function calls of one render may read from their arguments in sum: each
 *                       string argument of a function that reads it whole (see {@code
 *                       TemplateFunction.argumentReads}), and {@link #ELEMENT_READ_CHARS} for each element of a list
 *                       or entry of a map that a function walks, {@link #MATCH_READ_CHARS} for each character a
 *                       regular expression matches, for arguments over {@link #FREE_READ_CHARS}: so that a loop
 *                       calling sha256sum, contains, regexMatch, tpl or has on a large value, which create little but
 *                       read it all at every call, ends in seconds instead of running for minutes or hours within the
 *                       steps allowed
 */
public record ExecutionLimits(long maxSteps, long maxOutputChars, long maxCreatedBytes, long maxReadChars) {
    /**
     * 128 MiB. Measured (December 2026) over 1,421 renders of public charts and the 1,837 conformance cases, the most
     * one render created was 8.8 MB (victoria-metrics-operator-crds: its CRDs read, parsed and printed again) and
     * 8.2 MB (deep-toyaml-at-max-depth). The bound is 15 times the largest, and low enough that a 256 MB heap ends a
     * hostile loop with this message rather than running out.
     */
    public static final long DEFAULT_MAX_CREATED_BYTES = 128L << 20;

    /**
     * 256 Mi characters. Measured (December 2026) over 1,544 renders of public charts and the 3,684 renders of the
     * conformance cases (each in Helm 4 and Helm 3 mode), the most one render read was 13.6 M characters
     * (argo-workflows: regular expressions over 0.85 M characters, counted {@link #MATCH_READ_CHARS} times; next
     * victoria-metrics-operator-crds, 6.1 M, its CRD texts) and 8.0 M (deep-toyaml-at-max-depth: len and sha256sum
     * of a 4 MB toYaml); runway-eks reads nothing above {@link #FREE_READ_CHARS}. The bound is 19 times the largest,
     * and low enough that a hostile loop of the slowest readers, a digest or a regular expression with groups over a
     * 16 Mi string, ends in a few seconds (16 digests, or one match).
     */
    public static final long DEFAULT_MAX_READ_CHARS = 256L << 20;

    /**
     * Arguments up to this many characters' worth are read free: within a step's cost, bounded by the steps, and most
     * arguments are this short, so the common call pays one length check per argument.
     */
    public static final int FREE_READ_CHARS = 256;
    /**
     * A character matched by a regular expression (the regex functions, semver): 20 to 150 ns against a digest's 5 to
     * 10 (measured: a hostile loop of regexMatch "(a|b)*c" or semverCompare over a 16 Mi string).
     */
    public static final int MATCH_READ_CHARS = 16;

    /** A list element or map entry a function walks (an equality test, a hash, a merge): tens of characters' work. */
    public static final int ELEMENT_READ_CHARS = 16;

    /** A new value's header: a string's two objects, a list's or map's object and its array. */
    public static final int VALUE_BYTES = 24;
    /** A string's character: Latin-1 strings keep one byte per character. */
    public static final int CHAR_BYTES = 1;
    /** A list's element: its reference (the element itself was charged when it was made). */
    public static final int LIST_ELEMENT_BYTES = 4;
    /** A map's entry: a LinkedHashMap entry (40 bytes) and its table slot. */
    public static final int MAP_ENTRY_BYTES = 48;

    public static final ExecutionLimits DEFAULT =
            new ExecutionLimits(20_000_000L, 64L * 1024 * 1024, DEFAULT_MAX_CREATED_BYTES, DEFAULT_MAX_READ_CHARS);

    public ExecutionLimits {
        if (maxSteps <= 0 || maxOutputChars <= 0 || maxCreatedBytes <= 0 || maxReadChars <= 0) {
            throw new IllegalArgumentException("execution limits must be positive");
        }
    }

    /** Steps, output and created values as given, reads bounded by the default. */
    public ExecutionLimits(long maxSteps, long maxOutputChars, long maxCreatedBytes) {
        this(maxSteps, maxOutputChars, maxCreatedBytes, DEFAULT_MAX_READ_CHARS);
    }

    /** Steps and output as given, created values and reads bounded by the defaults. */
    public ExecutionLimits(long maxSteps, long maxOutputChars) {
        this(maxSteps, maxOutputChars, DEFAULT_MAX_CREATED_BYTES);
    }
}
