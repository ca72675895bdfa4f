package dev.runway.render.flux;

/**
 * Flux's envsubst refused the text. {@link #getMessage()} is Flux's own error text ({@code bad substitution},
 * {@code missing closing brace}, {@code unable to parse variable name}, ...) so users can match it with the
 * Kustomization's status; {@link #offset()} is where the parser stopped and {@link #expressionStart()} the
 * <code>${</code> it was reading (both char offsets in the parsed text, -1 when unknown).
 */
public final class EnvsubstException extends RuntimeException {

    /** The error kinds of fluxcd/pkg/envsubst/parse/parse.go and template.go. */
    public enum Kind {
        BAD_SUBSTITUTION("bad substitution"),
        MISSING_CLOSING_BRACE("missing closing brace"),
        PARSE_VARIABLE_NAME("unable to parse variable name"),
        PARSE_FUNC_SUBSTITUTION("unable to parse substitution within function"),
        PARSE_DEFAULT_FUNCTION("unable to parse default function"),
        /**
         * Not Flux's: expressions nested more than {@link EnvsubstParser#MAX_NESTING} deep, which no manifest needs
         * and which would overflow the stack of the parser and of everything that walks its tree.
         */
        NESTED_TOO_DEEPLY("expressions nested more than " + EnvsubstParser.MAX_NESTING
                + " deep; runway-render refuses them (Flux reads them): nest fewer defaults"),
        /**
         * Not Flux's: a tolerant parse (which reads on past errors to report them all) met more malformed expressions
         * than it checks ({@link EnvsubstParser#MAX_ERRORS}, or re-reading the text too often) and stopped there.
         */
        TOO_MANY_ERRORS("too many malformed expressions; the rest of the text was not checked"),
        VARIABLE_NOT_SET("variable not set (strict mode)"),
        /** A Go runtime panic inside Flux's envsubst (a substring with a negative length). */
        PANIC("runtime error");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Kind kind;
    private final int offset;
    private final int expressionStart;

    public EnvsubstException(Kind kind, String message, int offset, int expressionStart) {
        this(kind, message, offset, expressionStart, true);
    }

    /**
     * {@code stackTrace} false for errors that are a tolerant parse's findings, never thrown to a caller: filling in
     * the stack of an error a hundred expressions deep cost half a millisecond each.
     */
    EnvsubstException(Kind kind, String message, int offset, int expressionStart, boolean stackTrace) {
        super(message, null, false, stackTrace);
        this.kind = kind;
        this.offset = offset;
        this.expressionStart = expressionStart;
    }

    public Kind kind() {
        return kind;
    }

    public int offset() {
        return offset;
    }

    public int expressionStart() {
        return expressionStart;
    }
}
