package dev.runway.render.flux;

/** Flux would fail the reconciliation; the message is the controller's own text where it has one. */
public final class FluxSubstitutionException extends RuntimeException {
    public FluxSubstitutionException(String message) {
        super(message);
    }
}
