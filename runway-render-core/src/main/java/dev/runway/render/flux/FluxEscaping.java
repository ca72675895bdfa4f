package dev.runway.render.flux;

/**
 * Writing text so that it survives Flux's substitution unchanged. envsubst turns {@code $$} into {@code $} and
 * reads <code>${</code> as the start of a variable (fluxcd/pkg envsubst/parse/scan.go); the documented escape is
 * {@code $${var}}, which prints {@code ${var}} (kustomizations.md, "Post build variable substitution").
 */
public final class FluxEscaping {

    private FluxEscaping() {}

    /** Doubles every {@code $} that is followed by {@code $} or <code>{</code>; Flux then prints {@code literal}. */
    public static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            out.append(c);
            if (c == '$' && i + 1 < literal.length()) {
                char next = literal.charAt(i + 1);
                if (next == '$' || next == '{') {
                    out.append('$');
                }
            }
        }
        return out.toString();
    }

    /** Whether Flux would change this text at all when substitution runs (a <code>${</code> or a {@code $$}). */
    public static boolean needsEscaping(String literal) {
        return literal.contains("${") || literal.contains("$$");
    }
}
