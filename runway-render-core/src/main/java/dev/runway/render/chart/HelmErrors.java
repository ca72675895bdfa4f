package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.template.ChainedMessages;
import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateParseException;
import java.util.ArrayList;
import java.util.List;

/** Helm's rewording of template errors (engine.cleanupParseError and reformatExecErrorMsg). */
final class HelmErrors {
    private HelmErrors() {}

    /** {@code parse error at (file:line): reason}, the reason being the last ": "-separated part. */
    static String parseError(String file, TemplateParseException e) {
        String[] tokens = e.getMessage().split(": ", -1);
        if (tokens.length == 1) {
            return "parse error in (" + file + "): " + e.getMessage();
        }
        return "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1];
    }

    /**
     * A {@code required} or {@code fail} message becomes {@code execution error at (file:line:col): message} in
     * both versions. Otherwise Helm 3 prints Go's message unchanged, and Helm 4 prints each template error of the
     * chain on its own lines (see {@link #traced}).
     */
    static String execError(String file, TemplateExecException e, HelmVersion version) {
        String message = e.getMessage();
        String[] tokens = message.split(": ", 3);
        if (tokens.length != 3) {
            return "execution error in (" + file + "): " + message;
        }
        // Helm's warnRegex is greedy: from the first start marker to the last end marker.
        String errMsg = tokens[2];
        int start = errMsg.indexOf(EngineFunctions.ERR_START);
        int end = errMsg.lastIndexOf(EngineFunctions.ERR_END);
        if (start != -1 && end != -1 && start < end) {
            return "execution error at (" + tokens[1] + "): "
                    + errMsg.substring(start + EngineFunctions.ERR_START.length(), end);
        }
        return version.isHelm4() ? traced(e) : message;
    }

    /** One link of Helm 4's trace: where, what was executing, and the message. */
    private record Traceable(String location, String executing, String message) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (!location.isEmpty()) {
                b.append(location).append("\n  ");
            }
            if (!executing.isEmpty()) {
                b.append(executing).append("\n    ");
            }
            if (!message.isEmpty()) {
                b.append(message).append('\n');
            }
            return b.toString();
        }
    }

    /**
     * Helm 4's reformatExecErrorMsg: walks Go's error chain (the exception's causes stand for errors.Unwrap: a
     * function's error wrapped by "error calling X: %w", the template error an include returned), parses each
     * message as a text/template error and prints location, {@code executing "..." at <...>:} and cause on
     * separate lines, one block per distinct link. When a link is not a template error (a function's own error,
     * tpl's "error during tpl function execution"), Helm gives up and prints Go's message unchanged, as Helm 3.
     */
    private static String traced(TemplateExecException e) {
        List<Traceable> links = new ArrayList<>();
        for (Throwable current = e; current != null; current = current.getCause()) {
            Traceable link = parse(current);
            if (link == null) {
                return e.getMessage();
            }
            if (links.isEmpty() || !links.get(links.size() - 1).equals(link)) {
                links.add(link);
            }
        }
        StringBuilder b = new StringBuilder();
        links.forEach(b::append);
        return b.toString().strip();
    }

    /** Marks a link that a head of its message does not settle: a longer head is read. */
    private static final Traceable UNSETTLED = new Traceable("", "", "");

    /**
     * parseTemplateExecErrorString of a link's message, reading only as much of it as needed: each link's message
     * holds the messages of all links below it (Go's %w), so reading every link whole would take time and memory
     * quadratic in the chain's length (1,000 nested includes). A head settles the parse when every search succeeds
     * within it (a first occurrence found in a prefix is the first in the whole), else a head four times as long is
     * read, up to the whole message.
     */
    private static Traceable parse(Throwable link) {
        for (int limit = 256; ; limit = (int) Math.min(Integer.MAX_VALUE, 4L * limit)) {
            String head = ChainedMessages.head(link, limit);
            if (head == null) {
                return null;
            }
            boolean whole = head.length() < limit;
            Traceable parsed = parse(head, whole);
            // A settled result of a head is of the "executing" form, never equal to UNSETTLED.
            if (whole || !UNSETTLED.equals(parsed)) {
                return parsed;
            }
        }
    }

    /**
     * parseTemplateExecErrorString: null when the message is not one of text/template's error forms. When
     * {@code whole} is false, {@code s} is only the head of the message and any result the rest could change is
     * {@link #UNSETTLED}.
     */
    private static Traceable parse(String s, boolean whole) {
        String prefix = "template: ";
        if (!s.startsWith(prefix)) {
            return whole ? null : UNSETTLED;
        }
        String remainder = s.substring(prefix.length());
        if (remainder.startsWith("no template ")) {
            return whole ? new Traceable("", "", s) : UNSETTLED;
        }
        int idx = remainder.indexOf(": executing ");
        if (idx != -1) {
            return executing(remainder, idx, whole);
        }
        if (!whole) {
            return UNSETTLED;
        }
        int sep = remainder.lastIndexOf(": ");
        if (sep == -1) {
            return null;
        }
        return new Traceable(remainder.substring(0, sep), "", cutChained(remainder.substring(sep + 2)));
    }

    /** The form {@code <template>: executing "<name>" at <<node>>: <message>}. */
    private static Traceable executing(String remainder, int idx, boolean whole) {
        Traceable notThisForm = whole ? null : UNSETTLED;
        String after = remainder.substring(idx + ": executing ".length());
        if (after.isEmpty() || after.charAt(0) != '"') {
            return notThisForm;
        }
        int endQuote = after.indexOf('"', 1);
        if (endQuote == -1) {
            return notThisForm;
        }
        String afterFunc = after.substring(endQuote + 1);
        if (!afterFunc.startsWith(" at <")) {
            return notThisForm;
        }
        String afterAt = afterFunc.substring(" at <".length());
        int endLoc = afterAt.indexOf(">: ");
        if (endLoc == -1) {
            return notThisForm;
        }
        String message = afterAt.substring(endLoc + ">: ".length());
        int cut = message.indexOf(" template:");
        if (cut == -1 && !whole) {
            return UNSETTLED;
        }
        return new Traceable(
                remainder.substring(0, idx),
                "executing \"" + after.substring(1, endQuote) + "\" at <" + afterAt.substring(0, endLoc) + ">:",
                cut == -1 ? message : message.substring(0, cut));
    }

    /** Drops a chained error's text: its own link of the chain prints it. */
    private static String cutChained(String message) {
        int cut = message.indexOf(" template:");
        return cut == -1 ? message : message.substring(0, cut);
    }
}
