package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of named templates sharing one function map, like Go's {@code template.Template} with its associated
 * templates. Files are parsed into it one by one; a later definition of a name replaces an earlier one unless
 * the later one is empty (Go's associate rule). Safe to execute from several threads once parsing is done.
 */
public final class TemplateSet {
    private final String name;
    private final Map<String, TemplateFunction> functions;
    private final Map<String, Tree> trees;

    /** @param name the set's own name, which Go quotes in "no template ... associated with template" errors */
    public TemplateSet(String name, Map<String, TemplateFunction> functions) {
        // A FunctionTable is kept as it is: it is unmodifiable already, and copying it would create every function.
        // Any other map goes into a HashMap rather than Map.copyOf: every function call in every render looks its
        // name up here, and the cached String hash plus identity check beat the immutable map's probing (measured
        // on runway-eks).
        this(
                name,
                functions instanceof FunctionTable table
                        ? table
                        : Collections.unmodifiableMap(new HashMap<>(functions)),
                new HashMap<>());
    }

    private TemplateSet(String name, Map<String, TemplateFunction> functions, Map<String, Tree> trees) {
        this.name = name;
        this.functions = functions;
        this.trees = trees;
    }

    public String name() {
        return name;
    }

    /** A copy that can take more definitions without changing this set (Go's Clone, as Helm's tpl uses it). */
    public TemplateSet copy() {
        return new TemplateSet(name, functions, new HashMap<>(trees));
    }

    /**
     * Parses {@code text} as the template {@code templateName}, adding its {@code define}s and {@code block}s.
     *
     * @throws TemplateParseException with Go's message when the text does not parse
     */
    public void parse(String templateName, String text) {
        parseNew(templateName, text);
    }

    /**
     * Go's {@code t.New(templateName).Parse(text)}: adds the text's {@code define}s as {@link #parse} does and returns
     * the tree of the text itself, which is what {@code t.Execute} runs even when an empty text (blanks and comments)
     * did not replace a non-empty template of the same name in the set (Helm's tpl relies on this: nested tpl of an
     * empty string prints nothing instead of the enclosing tpl's text).
     */
    public Tree parseNew(String templateName, String text) {
        List<Tree> parsed = Parser.parse(templateName, text, this);
        for (Tree tree : parsed) {
            Tree old = trees.get(tree.name());
            if (old != null && tree.isEmpty()) {
                continue;
            }
            trees.put(tree.name(), tree);
        }
        return parsed.get(0);
    }

    public boolean has(String templateName) {
        return trees.containsKey(templateName);
    }

    boolean hasFunction(String function) {
        return functions.containsKey(function) || Builtins.has(function);
    }

    TemplateFunction function(String function) {
        return functions.get(function);
    }

    Tree tree(String templateName) {
        return trees.get(templateName);
    }

    /**
     * Executes the named template with {@code data} as dot and returns its output.
     *
     * @throws TemplateExecException with Go's message when execution fails
     */
    public String execute(String templateName, Object data, ExecutionScope scope) {
        Tree tree = trees.get(templateName);
        if (tree == null) {
            throw new TemplateExecException("template: no template " + GoStrconv.quote(templateName)
                    + " associated with template " + GoStrconv.quote(name));
        }
        return execute(tree, data, scope);
    }

    /** Executes a tree {@link #parseNew} returned, with this set's templates and functions. */
    public String execute(Tree tree, Object data, ExecutionScope scope) {
        // Every include executes here: its text goes to a builder the render lends and takes back, so that a
        // render's many includes reuse a few builders (grown once) instead of growing a new one each.
        StringBuilder out = scope.borrowBuilder();
        try {
            new Executor(this, tree, out, scope, 0).run(data);
            return out.toString();
        } finally {
            scope.returnBuilder(out);
        }
    }
}
