package dev.runway.render.flux;

import java.util.regex.Pattern;

/** The variable names kustomize-controller accepts (fluxcd/pkg kustomize/kustomize_varsub.go, varsubRegex). */
public final class FluxVariableNames {

    /** Flux's own expression; Go's {@code [:alpha:]} and {@code [:digit:]} are ASCII-only. */
    public static final String REGEX = "^[_[:alpha:]][_[:alpha:][:digit:]]*$";

    private static final Pattern PATTERN = Pattern.compile("[_A-Za-z][_A-Za-z0-9]*");

    private FluxVariableNames() {}

    public static boolean isValid(String name) {
        return PATTERN.matcher(name).matches();
    }
}
