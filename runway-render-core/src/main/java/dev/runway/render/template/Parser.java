package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.template.Node.BranchKind;
import dev.runway.render.template.Token.Kind;
import dev.runway.render.text.TextPositions;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds parse trees from tokens with the grammar and checks of Go's text/template/parse (parse.go): actions,
 * control structures, {@code define}/{@code block}, variables declared before use, functions known at parse time.
 */
final class Parser {
    private final String parseName;
    private final String text;
    /** The lexer's tokens as an array: the parser runs interpreted in a cold JVM, where a List.get is a call. */
    private final Token[] tokens;
    /** The text's lines, for the line of a position. */
    private final TextPositions positions;

    private final TemplateSet functions;
    private final List<Tree> trees = new ArrayList<>();
    private int index;
    private Token last;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    /**
     * Position of the action being parsed (-1 outside actions), for "unclosed action started at" errors; its line is
     * looked up only for such an error, not for every action.
     */
    private int actionPos = -1;

    private Parser(String parseName, String text, TemplateSet functions) {
        this.parseName = parseName;
        this.text = text;
        this.tokens = Lexer.lex(text).toArray(new Token[0]);
        this.positions = new TextPositions(text);
        this.functions = functions;
    }

    /** Parses a file; the first tree is the file's own (named {@code name}), then its definitions in order. */
    static List<Tree> parse(String name, String text, TemplateSet functions) {
        Parser p = new Parser(name, text, functions);
        Node.ListNode root = p.parseTop();
        List<Tree> result = new ArrayList<>();
        result.add(new Tree(name, name, text, root));
        result.addAll(p.trees);
        return result;
    }

    // --- token access ---

    /** The token at {@code i}; past the end, the last one (EOF or ERROR), as Go's parser keeps returning it. */
    private Token at(int i) {
        return i < tokens.length ? tokens[i] : tokens[tokens.length - 1];
    }

    private Token next() {
        last = at(index);
        index++;
        return last;
    }

    private Token peek() {
        return at(index);
    }

    private void backup() {
        index--;
    }

    private Token nextNonSpace() {
        Token t = peekNonSpace();
        index++;
        return t;
    }

    /** Skips spaces and returns the next token without consuming it (it is {@link #last}, as after a next()). */
    private Token peekNonSpace() {
        Token t = at(index);
        while (t.kind() == Kind.SPACE) {
            t = at(++index);
        }
        last = t;
        return t;
    }

    TemplateParseException error(String reason) {
        return new TemplateParseException(parseName, lineOf(last != null ? last.pos() : 0), reason);
    }

    /**
     * The line of a position: 1 + the newlines before it, by binary search over the line starts, because every
     * action asks and counting from the start made a template of many actions take quadratic time (issue 15).
     */
    private int lineOf(int pos) {
        return positions.line(pos);
    }

    private TemplateParseException unexpected(Token token, String context) {
        if (token.kind() == Kind.ERROR) {
            String extra = "";
            int actionLine = actionPos < 0 ? 0 : lineOf(actionPos);
            if (actionLine != 0 && actionLine != lineOf(token.pos())) {
                extra = (token.val().endsWith(" action") ? " started at " : " in action started at ") + parseName + ":"
                        + actionLine;
            }
            return error(token.val() + extra);
        }
        return error("unexpected " + token + " in " + context);
    }

    private Token expect(Kind kind, String context) {
        Token t = nextNonSpace();
        if (t.kind() != kind) {
            throw unexpected(t, context);
        }
        return t;
    }

    // --- structure ---

    private Node.ListNode parseTop() {
        List<Node> nodes = new ArrayList<>();
        int startPos = peek().pos();
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.LEFT_DELIM) {
                int mark = index;
                next();
                if (nextNonSpace().kind() == Kind.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = mark;
            }
            nodes.add(textOrAction());
        }
        if (peek().kind() == Kind.ERROR) {
            throw error(peek().val());
        }
        return new Node.ListNode(startPos, nodes);
    }

    private void parseDefinition() {
        Token nameToken = nextNonSpace();
        if (nameToken.kind() != Kind.STRING && nameToken.kind() != Kind.RAW_STRING) {
            throw unexpected(nameToken, "define clause");
        }
        String name = unquote(nameToken);
        expect(Kind.RIGHT_DELIM, "define clause");
        List<String> savedVars = vars;
        vars = new ArrayList<>(List.of("$"));
        ItemList body = itemList();
        if (!(body.end instanceof End)) {
            throw error("unexpected " + body.end + " in define clause");
        }
        vars = savedVars;
        addTree(new Tree(name, parseName, text, body.list));
    }

    private void addTree(Tree tree) {
        for (int i = 0; i < trees.size(); i++) {
            Tree old = trees.get(i);
            if (old.name().equals(tree.name())) {
                if (old.isEmpty()) {
                    trees.set(i, tree);
                    return;
                }
                if (!tree.isEmpty()) {
                    throw error("template: multiple definition of template " + GoStrconv.quote(tree.name()));
                }
                return;
            }
        }
        trees.add(tree);
    }

    /** Markers for {{end}} and {{else}}, which end an item list. */
    private record End(int pos) implements Marker {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    private record Else(int pos) implements Marker {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }

    private interface Marker {}

    private record ItemList(Node.ListNode list, Object end) {}

    private ItemList itemList() {
        List<Node> nodes = new ArrayList<>();
        int startPos = peekNonSpace().pos();
        while (peekNonSpace().kind() != Kind.EOF) {
            if (peekNonSpace().kind() == Kind.ERROR) {
                throw error(nextNonSpace().val());
            }
            Object n = textOrActionOrMarker();
            if (n instanceof Marker) {
                return new ItemList(new Node.ListNode(startPos, nodes), n);
            }
            nodes.add((Node) n);
        }
        throw error("unexpected EOF");
    }

    private Node textOrAction() {
        Object n = textOrActionOrMarker();
        if (n instanceof Marker) {
            throw error("unexpected " + n);
        }
        return (Node) n;
    }

    private Object textOrActionOrMarker() {
        Token t = nextNonSpace();
        return switch (t.kind()) {
            case TEXT -> new Node.TextNode(t.pos(), t.val());
            case LEFT_DELIM -> {
                actionPos = t.pos();
                try {
                    yield action();
                } finally {
                    actionPos = -1;
                }
            }
            case COMMENT -> new Node.CommentNode(t.pos(), t.val());
            default -> throw unexpected(t, "input");
        };
    }

    private Object action() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case BLOCK -> {
                return blockControl();
            }
            case BREAK -> {
                return breakOrContinue(t, "break");
            }
            case CONTINUE -> {
                return breakOrContinue(t, "continue");
            }
            case ELSE -> {
                return elseControl();
            }
            case END -> {
                return new End(expect(Kind.RIGHT_DELIM, "end").pos());
            }
            case IF -> {
                return branch(BranchKind.IF, "if");
            }
            case RANGE -> {
                return branch(BranchKind.RANGE, "range");
            }
            case TEMPLATE -> {
                return templateControl();
            }
            case WITH -> {
                return branch(BranchKind.WITH, "with");
            }
            default -> {
                backup();
                Token first = peek();
                return new Node.ActionNode(first.pos(), pipeline("command", Kind.RIGHT_DELIM));
            }
        }
    }

    private Node breakOrContinue(Token t, String word) {
        Token next = nextNonSpace();
        if (next.kind() != Kind.RIGHT_DELIM) {
            throw unexpected(next, "{{" + word + "}}");
        }
        if (rangeDepth == 0) {
            throw error("{{" + word + "}} outside {{range}}");
        }
        return word.equals("break") ? new Node.BreakNode(t.pos()) : new Node.ContinueNode(t.pos());
    }

    private Object elseControl() {
        Token p = peekNonSpace();
        if (p.kind() == Kind.IF || p.kind() == Kind.WITH) {
            // "else if" and "else with": the nested control parses the rest of this action.
            return new Else(p.pos());
        }
        return new Else(expect(Kind.RIGHT_DELIM, "else").pos());
    }

    private Node branch(BranchKind kind, String context) {
        int savedVars = vars.size();
        try {
            Node.PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
            if (kind == BranchKind.RANGE) {
                rangeDepth++;
            }
            ItemList body = itemList();
            if (kind == BranchKind.RANGE) {
                rangeDepth--;
            }
            Node.ListNode elseList = null;
            if (body.end instanceof Else e) {
                Kind chained = kind == BranchKind.IF ? Kind.IF : kind == BranchKind.WITH ? Kind.WITH : null;
                if (chained != null && peekNonSpace().kind() == chained) {
                    nextNonSpace();
                    Node nested = branch(kind, context);
                    elseList = new Node.ListNode(e.pos(), List.of(nested));
                } else {
                    ItemList rest = itemList();
                    if (!(rest.end instanceof End)) {
                        throw error("expected end; found " + rest.end);
                    }
                    elseList = rest.list;
                }
            }
            return new Node.BranchNode(kind, pipe.pos(), pipe, body.list, elseList);
        } finally {
            while (vars.size() > savedVars) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private String unquote(Token t) {
        try {
            return GoStrconv.unquote(t.val());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private String templateName(Token t, String context) {
        if (t.kind() == Kind.STRING || t.kind() == Kind.RAW_STRING) {
            return unquote(t);
        }
        throw unexpected(t, context);
    }

    private Node templateControl() {
        Token nameToken = nextNonSpace();
        String name = templateName(nameToken, "template clause");
        Node.PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline("template clause", Kind.RIGHT_DELIM);
        }
        return new Node.TemplateNode(nameToken.pos(), name, pipe);
    }

    private Node blockControl() {
        Token nameToken = nextNonSpace();
        String name = templateName(nameToken, "block clause");
        Node.PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline("block clause", Kind.RIGHT_DELIM);
        }
        List<String> savedVars = vars;
        int savedRange = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        ItemList body = itemList();
        vars = savedVars;
        rangeDepth = savedRange;
        if (!(body.end instanceof End)) {
            throw error("unexpected " + body.end + " in block clause");
        }
        addTree(new Tree(name, parseName, text, body.list));
        return new Node.TemplateNode(nameToken.pos(), name, pipe);
    }

    // --- pipelines ---

    private Node.PipeNode pipeline(String context, Kind end) {
        Token first = peekNonSpace();
        int pipePos = first.pos();
        List<Node.VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        while (true) {
            Token v = peekNonSpace();
            if (v.kind() != Kind.VARIABLE) {
                break;
            }
            int variableIndex = index;
            nextNonSpace();
            Token nextTok = peekNonSpace();
            if (nextTok.kind() == Kind.ASSIGN || nextTok.kind() == Kind.DECLARE) {
                isAssign = nextTok.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(new Node.VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                break;
            } else if (nextTok.kind() == Kind.CHAR && nextTok.val().equals(",")) {
                nextNonSpace();
                decl.add(new Node.VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else {
                // "$x foo" or "$x}}": $x is an operand, not a declaration; put it back.
                index = variableIndex;
                break;
            }
        }
        List<Node.CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token t = nextNonSpace();
            if (t.kind() == end) {
                if (cmds.isEmpty()) {
                    throw error("missing value for " + context);
                }
                for (int i = 1; i < cmds.size(); i++) {
                    Node firstArg = cmds.get(i).args().get(0);
                    if (firstArg instanceof Node.BoolNode
                            || firstArg instanceof Node.DotNode
                            || firstArg instanceof Node.NilNode
                            || firstArg instanceof Node.NumberNode
                            || firstArg instanceof Node.StringNode) {
                        throw error("non executable command in pipeline stage " + (i + 1));
                    }
                }
                return new Node.PipeNode(pipePos, isAssign, List.copyOf(decl), List.copyOf(cmds));
            }
            switch (t.kind()) {
                case BOOL,
                        CHAR_CONSTANT,
                        DOT,
                        FIELD,
                        IDENTIFIER,
                        NUMBER,
                        COMPLEX,
                        NIL,
                        RAW_STRING,
                        STRING,
                        VARIABLE,
                        LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private Node.CommandNode command() {
        int cmdPos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token t = next();
            if (t.kind() == Kind.SPACE) {
                continue;
            }
            if (t.kind() == Kind.RIGHT_DELIM || t.kind() == Kind.RIGHT_PAREN) {
                backup();
            } else if (t.kind() != Kind.PIPE) {
                throw unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new Node.CommandNode(cmdPos, List.copyOf(args));
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().kind() == Kind.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().kind() == Kind.FIELD) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof Node.FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                node = new Node.FieldNode(chainPos, List.copyOf(all));
            } else if (node instanceof Node.VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                node = new Node.VariableNode(chainPos, List.copyOf(all));
            } else if (node instanceof Node.BoolNode
                    || node instanceof Node.StringNode
                    || node instanceof Node.NumberNode
                    || node instanceof Node.NilNode
                    || node instanceof Node.DotNode) {
                throw error("unexpected . after term " + GoStrconv.quote(node.toString()));
            } else {
                node = new Node.ChainNode(chainPos, node, List.copyOf(fields));
            }
        }
        return node;
    }

    /** Go's maxStackDepth for nested parenthesized pipelines. */
    private static final int MAX_STACK_DEPTH = 10_000;

    private int stackDepth;

    private Node term() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case IDENTIFIER -> {
                if (!functions.hasFunction(t.val())) {
                    throw error("function " + GoStrconv.quote(t.val()) + " not defined");
                }
                return new Node.IdentifierNode(t.pos(), t.val());
            }
            case DOT -> {
                return new Node.DotNode(t.pos());
            }
            case NIL -> {
                return new Node.NilNode(t.pos());
            }
            case VARIABLE -> {
                if (!vars.contains(t.val())) {
                    throw error("undefined variable " + GoStrconv.quote(t.val()));
                }
                return new Node.VariableNode(t.pos(), List.of(t.val()));
            }
            case FIELD -> {
                return new Node.FieldNode(t.pos(), List.of(t.val().substring(1)));
            }
            case BOOL -> {
                return new Node.BoolNode(t.pos(), t.val().equals("true"));
            }
            case CHAR_CONSTANT, NUMBER, COMPLEX -> {
                return NumberParser.parse(t, this);
            }
            case LEFT_PAREN -> {
                // parse.go maxStackDepth: 10000 nested parenthesized pipelines parse, one more does not.
                if (stackDepth >= MAX_STACK_DEPTH) {
                    throw error("max expression depth exceeded");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            }
            case STRING, RAW_STRING -> {
                return new Node.StringNode(t.pos(), t.val(), unquote(t));
            }
            default -> {
                backup();
                return null;
            }
        }
    }
}
