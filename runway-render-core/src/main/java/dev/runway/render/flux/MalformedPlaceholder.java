package dev.runway.render.flux;

/**
 * A <code>${</code> that Flux's envsubst cannot parse; Flux then fails the whole Kustomization with
 * {@code envsubst error: variable substitution failed: <reason>}.
 *
 * @param text     the text from the <code>${</code> to the end of its line (at most 60 characters)
 * @param reason   Flux's error text ({@code unable to parse variable name}, {@code missing closing brace}, ...)
 * @param location where it starts
 */
public record MalformedPlaceholder(String text, String reason, FluxLocation location) {}
