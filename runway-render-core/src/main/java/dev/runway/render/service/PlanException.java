package dev.runway.render.service;

import java.util.List;

/**
 * An environment plan that stopped on bad configuration: the message says what is wrong and how to fix it, as the
 * build tool should show it. Carries the warnings found before it stopped, so they can still be reported.
 */
public final class PlanException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> warnings;

    PlanException(String message, Throwable cause, List<String> warnings) {
        super(message, cause);
        this.warnings = List.copyOf(warnings);
    }

    /** The warnings found before the plan stopped, each once, in the order found. */
    public List<String> warnings() {
        return warnings;
    }
}
