package dev.runway.render.regexp;

import com.google.re2j.Pattern;
import dev.runway.render.memo.BoundedMemo;

/**
 * A compiled pattern's unanchored find (how JSON schema's {@code pattern} matches) that remembers its answers for
 * short strings. RE2/J matches with its NFA, a few hundred nanoseconds per character, and a warm engine checks mostly
 * the same strings on every render (the chart's defaults survive coalescing), so one lookup replaces the match. The
 * answer depends on the text alone; the table stops growing at {@link #MAX_REMEMBERED} entries of at most
 * {@link #MAX_REMEMBERED_CHARS} characters, so hostile values cannot make it large. Safe for concurrent use.
 */
public final class RememberedFind {
    private static final int MAX_REMEMBERED = 512;
    private static final int MAX_REMEMBERED_CHARS = 256;

    private final Pattern pattern;
    private final BoundedMemo<String, Boolean> answers = new BoundedMemo<>(MAX_REMEMBERED);

    public RememberedFind(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Whether the pattern matches anywhere in {@code text}. */
    public boolean find(String text) {
        if (text.length() > MAX_REMEMBERED_CHARS) {
            return pattern.matcher(text).find();
        }
        Boolean known = answers.get(text);
        if (known != null) {
            return known;
        }
        boolean found = pattern.matcher(text).find();
        answers.keep(text, found);
        return found;
    }
}
