package dev.runway.render.unittest;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.runway.render.regexp.GoRegexp;

/** Helm's render errors split as helm-unittest splits them (test_job.go parseRenderError). */
final class RenderErrors {
    /** The file and the message of {@code execution error at (file:line:col): message} and the like. */
    static final Pattern RENDER_ERROR = GoRegexp.compile("(?msU)^(?:.+: |.+ \\()(?:(.+):\\d+:\\d+).+(?:.+>)*: (.+)$");

    private RenderErrors() {}

    /** The failing file, or null when the error names none. */
    static String file(String error) {
        Matcher m = RENDER_ERROR.matcher(error);
        return m.find() ? m.group(1) : null;
    }

    /** The message without Helm's framing: the rest after the first line, or the last part of a one-line error. */
    static String message(String error) {
        Matcher m = RENDER_ERROR.matcher(error);
        if (!m.find()) {
            return error;
        }
        String[] lines = error.split("\n", 2);
        return lines.length > 1 ? lines[1] : m.group(2);
    }
}
