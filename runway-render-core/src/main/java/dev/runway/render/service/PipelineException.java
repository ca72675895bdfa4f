package dev.runway.render.service;

import java.util.List;

/**
 * The service pipeline stopped on bad input (an environment plan on bad configuration, a render on a broken chart or
 * values): the message says what is wrong and how to fix it, as the build tool should show it. Carries the warnings
 * found before it stopped, so they can still be reported.
 */
public final class PipelineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> warnings;

    PipelineException(String message, Throwable cause, List<String> warnings) {
        super(message, cause);
        this.warnings = List.copyOf(warnings);
    }

    /** The warnings found before the pipeline stopped, each once, in the order found. */
    public List<String> warnings() {
        return warnings;
    }
}
