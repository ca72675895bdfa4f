package dev.runway.render.flux;

/**
 * A {@code $$} in plain text, which Flux's envsubst prints as one {@code $} (scan.go scanEscaped).
 *
 * @param text            the escaped text up to the end of the following word ({@code $${var}}, {@code $$word})
 * @param keepsPlaceholder whether it escapes a {@code ${...}}, which Flux then prints literally
 * @param location        where it is
 */
public record DollarEscape(String text, boolean keepsPlaceholder, FluxLocation location) {}
