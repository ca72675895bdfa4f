package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree, shaped like Go's text/template/parse nodes. {@code pos} is the char offset in the source text;
 * each node's {@code toString()} gives Go's node String() form, which error messages quote ({@code at <.Values.x>}).
 */
sealed interface Node {
    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            return nodes.stream().map(Object::toString).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record CommentNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return "{{" + text + "}}";
        }
    }

    record ActionNode(int pos, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (!decl.isEmpty()) {
                b.append(decl.stream().map(Object::toString).collect(Collectors.joining(", ")));
                b.append(isAssign ? " = " : " := ");
            }
            b.append(cmds.stream().map(Object::toString).collect(Collectors.joining(" | ")));
            return b.toString();
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            return args.stream()
                    .map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x.Field.Other}: ident[0] is the variable name with its {@code $}. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return ident.stream().map(i -> "." + i).collect(Collectors.joining());
        }
    }

    /** {@code (pipeline).Field}: a term followed by field names. */
    record ChainNode(int pos, Node node, List<String> field) implements Node {
        @Override
        public String toString() {
            String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return head + field.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /**
     * A numeric constant; {@code value} is what Go's idealConstant yields (Integer, Long or Double). {@code complex}
     * is the value of a complex or imaginary constant ({@code 1i}, {@code 1+2i}), else null.
     */
    record NumberNode(
            int pos,
            String text,
            boolean isInt,
            boolean isFloat,
            long intValue,
            double floatValue,
            dev.runway.render.gofmt.GoComplex complex)
            implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    enum BranchKind {
        IF,
        WITH,
        RANGE
    }

    /** if, with and range: the pipeline, the body and the optional else part. */
    record BranchNode(BranchKind kind, int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            return "{{" + name + " " + pipe + "}}" + list + (elseList == null ? "" : "{{else}}" + elseList) + "{{end}}";
        }
    }

    record BreakNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoStrconv.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
        }
    }
}
