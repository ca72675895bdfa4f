package dev.runway.render.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scratch state shared by every function call of one render (Helm keeps the include depth per template name
 * across the whole render). Not thread-safe: one scope per render.
 */
public final class ExecutionScope {
    /** How deep each template is included right now, by name: one cell per name, changed in place. */
    private final Map<String, int[]> includeDepth = new HashMap<>();

    private int tplNesting;
    /** What the caller of the render offers to functions (for example a cluster for Helm's lookup), by type. */
    private final Map<Class<?>, Object> services = new HashMap<>();
    /** Results remembered for this render only (for example a parsed fromYaml text), by the caller's key. */
    private final Map<Object, Object> remembered = new HashMap<>();

    private final ExecutionLimits limits;
    /**
     * What each function call in progress evaluated, for its argument error only (see Executor.evalCall): calls
     * nest (an argument may call a function, include runs another executor), so each takes the slots above its
     * caller's and gives them back when it returns. One array per render instead of one per call.
     */
    private Object[] argumentTrace = new Object[32];

    private int argumentTraceTop;

    /**
     * Output builders of the executions in progress, by nesting (an include runs inside its caller's execution),
     * and spare ones above: {@link #borrowBuilder} lends the one at the current level.
     */
    private final List<StringBuilder> builders = new ArrayList<>();

    private int buildersInUse;
    private long steps;
    private long outputChars;
    private long createdBytes;
    private long readChars;

    public ExecutionScope() {
        this(ExecutionLimits.DEFAULT);
    }

    public ExecutionScope(ExecutionLimits limits) {
        this.limits = limits;
    }

    /** Offers {@code service} to the functions of this render; null offers nothing. */
    public <T> ExecutionScope with(Class<T> type, T service) {
        if (service != null) {
            services.put(type, service);
        }
        return this;
    }

    /** What the render offers of this type, or null. */
    public <T> T service(Class<T> type) {
        return type.cast(services.get(type));
    }

    public ExecutionLimits limits() {
        return limits;
    }

    /** Counts one executor step; the reason to stop when the render has taken too many. */
    String step() {
        if (++steps > limits.maxSteps()) {
            return "the render took more than " + limits.maxSteps() + " steps; a template probably loops"
                    + " without end (range over a huge list, include or template calling itself)";
        }
        return null;
    }

    /** Counts written characters; the reason to stop when the render has written too much. */
    String wrote(int chars) {
        outputChars += chars;
        if (outputChars > limits.maxOutputChars()) {
            return "the render wrote more than " + limits.maxOutputChars() + " characters; a template probably"
                    + " prints without end (repeat, range or include calling itself)";
        }
        return null;
    }

    /**
     * Counts the estimated bytes one function call created (see {@link ExecutionLimits#maxCreatedBytes}); the reason
     * to stop when the render has created too much.
     */
    String created(long bytes) {
        createdBytes += bytes;
        if (createdBytes > limits.maxCreatedBytes()) {
            return "the render's function calls created more than " + limits.maxCreatedBytes() + " bytes of values"
                    + " (estimated: " + ExecutionLimits.VALUE_BYTES + " a value, " + ExecutionLimits.CHAR_BYTES
                    + " a character, " + ExecutionLimits.LIST_ELEMENT_BYTES + " a list element, "
                    + ExecutionLimits.MAP_ENTRY_BYTES + " a map entry); a template probably builds a value step by"
                    + " step in a loop (append, concat, cat, printf, set or deepCopy of its own growing result) or"
                    + " keeps many large copies: build it in one call instead (toYaml, join, or a range that prints)";
        }
        return null;
    }

    /**
     * Counts the characters one function call is about to read from its arguments (see {@link
     * ExecutionLimits#maxReadChars}); the reason to stop when the render has read too much.
     */
    String read(long chars) {
        readChars += chars;
        if (readChars > limits.maxReadChars()) {
            return "the render's function calls read more than " + limits.maxReadChars() + " characters of their"
                    + " arguments (strings over " + ExecutionLimits.FREE_READ_CHARS + " characters, and "
                    + ExecutionLimits.ELEMENT_READ_CHARS + " a list element or map entry walked, "
                    + ExecutionLimits.MATCH_READ_CHARS + " a character a regular expression matches); a template"
                    + " probably calls a function that reads a long value whole in a loop (sha256sum, contains,"
                    + " regexMatch, eq, tpl, fromYaml on a large text, has or deepEqual on a large list): call it once"
                    + " before the loop and keep its result in a variable";
        }
        return null;
    }

    /**
     * Counts every list, map and scalar in {@code tree} (a deepCopy or fromYaml result, all of it new), walking no
     * further than the budget left; the reason to stop as in {@link #created(long)}.
     */
    String createdTree(Object tree) {
        long left = limits.maxCreatedBytes() - createdBytes;
        long bytes = ExecutionLimits.VALUE_BYTES;
        ArrayDeque<Object> pending = new ArrayDeque<>();
        pending.push(tree);
        while (!pending.isEmpty() && bytes <= left) {
            Object v = pending.pop();
            Iterable<?> elements;
            if (v instanceof Map<?, ?> m) {
                bytes += (long) m.size() * ExecutionLimits.MAP_ENTRY_BYTES;
                elements = m.values();
            } else {
                List<?> l = (List<?>) v;
                bytes += (long) l.size() * ExecutionLimits.LIST_ELEMENT_BYTES;
                elements = l;
            }
            for (Object e : elements) {
                bytes += ExecutionLimits.VALUE_BYTES;
                if (e instanceof Map || e instanceof List) {
                    pending.push(e);
                }
            }
        }
        return created(bytes);
    }

    /** An empty builder for one execution's output, until {@link #returnBuilder}; executions nest strictly. */
    StringBuilder borrowBuilder() {
        if (buildersInUse == builders.size()) {
            // Most executions are includes of a few hundred characters: start there rather than grow from 16.
            builders.add(new StringBuilder(256));
        }
        StringBuilder b = builders.get(buildersInUse++);
        b.setLength(0);
        return b;
    }

    /**
     * Takes back {@code b} and every builder lent after it. Normally {@code b} is the last one lent; the ones above it
     * belong to nested executions that ended by an error thrown between their borrow and their {@code try} (a stack
     * overflow can strike there), and that error is already unwinding through this execution.
     */
    void returnBuilder(StringBuilder b) {
        for (int i = buildersInUse - 1; i >= 0; i--) {
            if (builders.get(i) == b) {
                buildersInUse = i;
                return;
            }
        }
        throw new IllegalStateException("output builder returned that was not lent");
    }

    /** Takes {@code slots} argument-trace slots above those in use; returns the first, for {@link #trace}. */
    int reserveTrace(int slots) {
        int base = argumentTraceTop;
        if (base + slots > argumentTrace.length) {
            argumentTrace = Arrays.copyOf(argumentTrace, Math.max(2 * argumentTrace.length, base + slots));
        }
        argumentTraceTop = base + slots;
        return base;
    }

    /**
     * Gives back the slots from {@code base} up (a call returned or failed). They are not cleared: a call reads only
     * the slots it wrote itself, and what they still reference lives at most until the next call that takes them or
     * the end of this render (the array is as long as the deepest nesting of calls); clearing them on every return
     * was about 2% of a warm render's CPU samples.
     */
    void releaseTrace(int base) {
        argumentTraceTop = base;
    }

    void setTrace(int slot, Object value) {
        argumentTrace[slot] = value;
    }

    Object trace(int slot) {
        return argumentTrace[slot];
    }

    /** What {@link #remember} kept under {@code key} in this render, or null. */
    public Object remembered(Object key) {
        return remembered.get(key);
    }

    /**
     * Keeps {@code value} under {@code key} for the rest of this render, up to {@value #MAX_REMEMBERED} entries (a
     * render that keeps producing new keys stops being remembered rather than growing without bound).
     */
    public void remember(Object key, Object value) {
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.put(key, value);
        }
    }

    private static final int MAX_REMEMBERED = 256;

    /** The cell holding how deep {@code template} is included right now (include changes it in place). */
    public int[] includeDepth(String template) {
        int[] depth = includeDepth.get(template);
        if (depth == null) {
            depth = new int[1];
            includeDepth.put(template, depth);
        }
        return depth;
    }

    /** How deep tpl calls are nested right now; an include starts again from zero (as Helm's tpl counter does). */
    public int tplNesting() {
        return tplNesting;
    }

    public void setTplNesting(int nesting) {
        tplNesting = nesting;
    }
}
