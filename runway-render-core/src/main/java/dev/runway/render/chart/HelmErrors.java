package dev.runway.render.chart;

import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateParseException;

/** Helm's rewording of template errors (engine.cleanupParseError and the exec error cleanup). */
final class HelmErrors {
    private HelmErrors() {
    }

    /** {@code parse error at (file:line): reason}, the reason being the last ": "-separated part. */
    static String parseError(String file, TemplateParseException e) {
        String[] tokens = e.getMessage().split(": ", -1);
        if (tokens.length == 1) {
            return "parse error in (" + file + "): " + e.getMessage();
        }
        return "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1];
    }

    /**
     * Go's message unchanged, except that a {@code required} or {@code fail} message becomes
     * {@code execution error at (file:line:col): message}.
     */
    static String execError(String file, TemplateExecException e) {
        String message = e.getMessage();
        String[] tokens = message.split(": ", 3);
        if (tokens.length != 3) {
            return "execution error in (" + file + "): " + message;
        }
        String errMsg = tokens[2];
        int start = errMsg.indexOf(EngineFunctions.ERR_START);
        int end = errMsg.indexOf(EngineFunctions.ERR_END);
        if (start != -1 && end != -1 && start < end) {
            return "execution error at (" + tokens[1] + "): "
                    + errMsg.substring(start + EngineFunctions.ERR_START.length(), end);
        }
        return message;
    }
}
