package dev.runway.render.template;

/**
 * Messages of wrapping errors, built when asked. Go's {@code error calling include: %w} makes each level's message
 * its own prefix followed by the whole message of the level below, so storing every level's text would keep a
 * quadratic amount of text alive through the cause chain (1,000 nested includes: about 100 MB). A chained
 * exception ({@link TemplateExecException#chained}, {@link TemplateFunctionException#chained}) stores only its
 * prefix; its message is the prefixes down the chain followed by the first eagerly stored message, byte for byte
 * what {@code prefix + cause.getMessage()} gave when it was built eagerly.
 */
public final class ChainedMessages {
    private ChainedMessages() {}

    /** The prefix of a chained exception; null when the exception stores its whole message. */
    private static String prefixOf(Throwable t) {
        if (t instanceof TemplateExecException e) {
            return e.chainPrefix();
        }
        if (t instanceof TemplateFunctionException e) {
            return e.chainPrefix();
        }
        return null;
    }

    /** The whole message of a chained exception: one pass for the length, one to copy. */
    static String build(Throwable chained) {
        long length = 0;
        Throwable t = chained;
        for (String p = prefixOf(t); p != null; p = prefixOf(t)) {
            length += p.length();
            t = t.getCause();
        }
        String end = String.valueOf(t.getMessage()); // as the eager "prefix + message" printed a null message
        length += end.length();
        StringBuilder b = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 8));
        t = chained;
        for (String p = prefixOf(t); p != null; p = prefixOf(t)) {
            b.append(p);
            t = t.getCause();
        }
        return b.append(end).toString();
    }

    /**
     * The first {@code limit} characters of {@code t.getMessage()} (all of it when shorter), without building the
     * rest: reading each link of a long chain whole would be quadratic again. Null when the message is null.
     */
    public static String head(Throwable t, int limit) {
        if (prefixOf(t) == null) {
            String m = t.getMessage();
            return m == null || m.length() <= limit ? m : m.substring(0, limit);
        }
        StringBuilder b = new StringBuilder();
        Throwable link = t;
        for (String p = prefixOf(link); p != null && b.length() < limit; p = prefixOf(link)) {
            b.append(p, 0, Math.min(p.length(), limit - b.length()));
            link = link.getCause();
        }
        if (b.length() < limit) {
            String end = String.valueOf(link.getMessage());
            b.append(end, 0, Math.min(end.length(), limit - b.length()));
        }
        return b.toString();
    }

    /** {@code t.getMessage().startsWith(start)} for a non-null message, reading only its head. */
    static boolean startsWith(Throwable t, String start) {
        if (prefixOf(t) == null) {
            String m = t.getMessage();
            return m != null && m.startsWith(start);
        }
        return head(t, start.length()).startsWith(start);
    }
}
