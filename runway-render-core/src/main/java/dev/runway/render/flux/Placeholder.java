package dev.runway.render.flux;

/**
 * A Flux variable reference found in rendered YAML.
 *
 * @param expression the text as written, from {@code $} to the closing brace ({@code ${gcp_project_id:=x}})
 * @param variable   the variable name
 * @param form       which envsubst form it uses
 * @param operator   the operator as the Flux parser names it ({@code ""}, {@code ":="}, {@code ":"}, ...)
 * @param nested     whether it sits inside another expression's default or pattern
 * @param location   where it is
 * @param offset     char offset in the manifest text
 */
public record Placeholder(
        String expression,
        String variable,
        Form form,
        String operator,
        boolean nested,
        FluxLocation location,
        int offset) {

    /** The syntax forms of Flux's envsubst (fluxcd/pkg/envsubst README, parse.go). */
    public enum Form {
        /** {@code ${var}} */
        PLAIN,
        /** {@code ${var:=d}}, {@code ${var:-d}}, {@code ${var=d}}, {@code ${var:+d}}, {@code ${var:?d}} */
        DEFAULT,
        /** {@code ${var:pos}}, {@code ${var:pos:len}} */
        SUBSTRING,
        /** {@code ${#var}} */
        LENGTH,
        /** {@code ${var^}}, {@code ${var^^}}, {@code ${var,}}, {@code ${var,,}} */
        CASE,
        /** {@code ${var#p}}, {@code ${var##p}}, {@code ${var%p}}, {@code ${var%%p}} */
        TRIM,
        /** {@code ${var/p/r}}, {@code ${var//p/r}}, {@code ${var/#p/r}}, {@code ${var/%p/r}} */
        REPLACE;

        static Form of(EnvsubstNode.Func func) {
            String op = func.operator();
            if (op.isEmpty()) {
                return PLAIN;
            } else if (Envsubst.isDefaultOperator(op)) {
                return DEFAULT;
            } else if (op.equals(":")) {
                return SUBSTRING;
            } else if (op.equals("#") && func.args().isEmpty()) {
                return LENGTH;
            } else if (op.startsWith(",") || op.startsWith("^")) {
                return CASE;
            } else if (op.startsWith("#") || op.startsWith("%")) {
                return TRIM;
            }
            return REPLACE;
        }
    }

    /** Whether Flux can ever define this variable (its name passes Flux's validation). */
    public boolean definable() {
        return FluxVariableNames.isValid(variable);
    }
}
