package dev.runway.render.flux;

import java.util.List;

/**
 * A node of a parsed Flux envsubst template (the fork of drone/envsubst in fluxcd/pkg/envsubst/parse/node.go).
 * Offsets are char offsets in the text that was parsed.
 */
public sealed interface EnvsubstNode {

    /** Literal text, with Flux's {@code $$} escapes already removed. */
    record Text(String value) implements EnvsubstNode {}

    /**
     * One {@code ${...}} expression.
     *
     * @param param    the variable name ({@code gcp_project_id})
     * @param operator the operator as the Flux parser names it: {@code ""} for {@code ${var}}, {@code ":="},
     *                 {@code ":-"}, {@code "="}, {@code ":"} (substring), {@code "#"}, {@code "##"}, {@code "%"},
     *                 {@code "%%"}, {@code "/"}, {@code "//"}, {@code "/#"}, {@code "/%"}, {@code ","}, {@code ",,"},
     *                 {@code "^"}, {@code "^^"}; {@code ${#var}} (length) has operator {@code "#"} and no arguments
     * @param args     the operator's arguments; each may itself hold nested expressions
     * @param start    offset of the {@code $}
     * @param end      offset just after the closing {@code }}
     */
    record Func(String param, String operator, List<EnvsubstNode> args, int start, int end) implements EnvsubstNode {
        public Func {
            args = List.copyOf(args);
        }

        /** Whether the operator supplies a fallback, so strict mode tolerates an unset variable. */
        public boolean hasDefault() {
            return Envsubst.isDefaultOperator(operator);
        }
    }

    /** A sequence of nodes, in order. */
    record Sequence(List<EnvsubstNode> nodes) implements EnvsubstNode {
        public Sequence {
            nodes = List.copyOf(nodes);
        }
    }
}
