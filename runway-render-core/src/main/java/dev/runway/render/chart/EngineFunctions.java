package dev.runway.render.chart;

import dev.runway.render.template.ExecutionScope;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateArgumentException;
import dev.runway.render.template.TemplateArityException;
import dev.runway.render.template.TemplateContext;
import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.template.TemplateParseException;
import dev.runway.render.template.TemplateSet;
import dev.runway.render.template.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions Helm's engine adds itself: include (with Helm's recursion limit), tpl, required, fail and
 * lookup (an empty map, as with {@code helm template} and no cluster).
 */
public final class EngineFunctions {
    /** Helm's recursionMaxNums: an include may nest this deep per template name. */
    static final int INCLUDE_RECURSION_LIMIT = 1000;
    /**
     * tpl nesting (a value rendered with tpl that calls tpl again). Helm has no limit and crashes on Go's stack
     * limit; this stops endless tpl recursion quickly with a message instead. Only tpl calls nested directly in
     * one another count: an include in between starts a new count, so a chain include, tpl, include, tpl, ... runs
     * into Helm's own include limit first, with Helm's message (conformance case lang-tpl/include-in-tpl-recursion).
     */
    static final int TPL_NESTING_LIMIT = 100;
    /** Helm wraps messages of required and fail in these, to recover them from Go's error chain. */
    static final String ERR_START = "HELM_ERR_START";

    static final String ERR_END = "HELM_ERR_END";

    private EngineFunctions() {}

    public static Map<String, TemplateFunction> functions() {
        Map<String, TemplateFunction> m = new LinkedHashMap<>();
        for (Engine f : Engine.values()) {
            m.put(f.functionName, f);
        }
        return m;
    }

    /**
     * The functions as one enum rather than five method references: in a fresh JVM each method reference is a class
     * spun at its first use, and every render builds this map.
     */
    private enum Engine implements TemplateFunction {
        INCLUDE("include"),
        TPL("tpl"),
        REQUIRED("required"),
        FAIL("fail"),
        LOOKUP("lookup");

        private final String functionName;

        Engine(String functionName) {
            this.functionName = functionName;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            return switch (this) {
                case INCLUDE -> include(c, a);
                case TPL -> tpl(c, a);
                case REQUIRED -> required(a);
                case FAIL -> fail(a);
                case LOOKUP -> lookup(c, a);
            };
        }

        @Override
        public ResultCharge resultCharge() {
            return this == INCLUDE || this == TPL ? ResultCharge.NONE : ResultCharge.TOP_LEVEL;
        }

        /** tpl parses its text whole (a text of comments writes nothing); the others pass their arguments on. */
        @Override
        public ArgumentReads argumentReads() {
            return this == TPL ? ArgumentReads.STRINGS : ArgumentReads.NONE;
        }
    }

    private static TemplateContext context(FunctionContext c) {
        if (c instanceof TemplateContext t) {
            return t;
        }
        throw new IllegalStateException("include and tpl need the template engine's context");
    }

    private static void arity(String name, List<Object> a, int want) {
        if (a.size() != want) {
            throw new TemplateArityException(
                    "wrong number of args for " + name + ": want " + want + " got " + a.size());
        }
    }

    /**
     * The i-th argument of a {@code string} parameter. Go's text/template rejects anything else before the call, at
     * the argument ({@code wrong type for value; expected string; got interface {}} for a missing value).
     */
    private static String string(List<Object> a, int i) throws TemplateArgumentException {
        if (a.get(i) instanceof String s) {
            return s;
        }
        throw new TemplateArgumentException(
                i,
                "string",
                "wrong type for value; expected string; got " + dev.runway.render.gofmt.GoFmt.typeName(a.get(i)));
    }

    private static Object include(FunctionContext c, List<Object> a) throws TemplateFunctionException {
        arity("include", a, 2);
        String name = string(a, 0);
        TemplateContext ctx = context(c);
        ExecutionScope scope = ctx.scope();
        int[] depth = scope.includeDepth(name);
        if (depth[0] > INCLUDE_RECURSION_LIMIT) {
            throw new TemplateFunctionException(
                    "rendering template has a nested reference name: " + name + ": unable to execute template");
        }
        depth[0]++;
        int tplNesting = scope.tplNesting();
        scope.setTplNesting(0);
        try {
            return ctx.templates().execute(name, a.get(1), scope);
        } catch (TemplateExecException e) {
            // The message is the included template's, read when asked: it holds every include below this one.
            throw TemplateFunctionException.chained("", e);
        } finally {
            scope.setTplNesting(tplNesting);
            depth[0]--;
        }
    }

    private static Object tpl(FunctionContext c, List<Object> a) throws TemplateFunctionException {
        arity("tpl", a, 2);
        String text = string(a, 0);
        TemplateContext ctx = context(c);
        ExecutionScope scope = ctx.scope();
        int nesting = scope.tplNesting();
        if (nesting >= TPL_NESTING_LIMIT) {
            throw new TemplateFunctionException("tpl is nested more than " + TPL_NESTING_LIMIT + " levels deep; a"
                    + " value rendered with tpl probably calls tpl on itself");
        }
        scope.setTplNesting(nesting + 1);
        try {
            return tplOnce(ctx, text, a.get(1));
        } finally {
            scope.setTplNesting(scope.tplNesting() - 1);
        }
    }

    private static Object tplOnce(TemplateContext ctx, String text, Object dot) throws TemplateFunctionException {
        TemplateSet copy = ctx.templates().copy();
        Tree tree;
        try {
            // engine.go tplFun: t.New(parent.Name()).Parse(tpl), then t.Execute runs the new text even when it is
            // empty and the set keeps the enclosing tpl's non-empty template of that name.
            tree = copy.parseNew(copy.name(), text);
        } catch (TemplateParseException e) {
            throw new TemplateFunctionException("cannot parse template " + quote(text) + ": " + e.getMessage(), e);
        }
        try {
            return copy.execute(tree, dot, ctx.scope()).replace("<no value>", "");
        } catch (TemplateExecException e) {
            throw TemplateFunctionException.chained("error during tpl function execution for " + quote(text) + ": ", e);
        }
    }

    private static String quote(String s) {
        return dev.runway.render.gofmt.GoFmt.sprintf("%q", s);
    }

    private static Object required(List<Object> a) throws TemplateFunctionException {
        arity("required", a, 2);
        String warn = string(a, 0);
        Object val = a.get(1);
        if (val == null || "".equals(val)) {
            throw new TemplateFunctionException(ERR_START + warn + ERR_END);
        }
        return val;
    }

    private static Object fail(List<Object> a) throws TemplateFunctionException {
        arity("fail", a, 1);
        throw new TemplateFunctionException(ERR_START + string(a, 0) + ERR_END);
    }

    private static Object lookup(FunctionContext c, List<Object> a) throws TemplateArgumentException {
        arity("lookup", a, 4);
        for (int i = 0; i < a.size(); i++) {
            string(a, i);
        }
        ClusterLookup cluster = c instanceof TemplateContext t ? t.scope().service(ClusterLookup.class) : null;
        if (cluster != null) {
            return cluster.lookup((String) a.get(0), (String) a.get(1), (String) a.get(2), (String) a.get(3));
        }
        return new LinkedHashMap<String, Object>();
    }
}
