package dev.runway.render.unittest;

import java.util.List;

/** A validator's verdict and its failure lines. */
record Outcome(boolean passed, List<String> info) {
    Outcome {
        info = List.copyOf(info);
    }

    static Outcome pass() {
        return new Outcome(true, List.of());
    }

    static Outcome fail(List<String> info) {
        return new Outcome(false, info);
    }
}
