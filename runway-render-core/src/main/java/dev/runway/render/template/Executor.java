package dev.runway.render.template;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.gofmt.ValueLimits;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks a parse tree and writes its output, with the semantics of Go's text/template exec.go as Helm runs it
 * (missingkey=zero). Java {@code null} is Go's invalid value ("no value"); {@link Iface} marks a value read out
 * of a map or list, whose static Go type is {@code interface {}}, which matters for nil checks and error text.
 */
final class Executor {
    /** Go caps template recursion; Helm's include has its own, lower cap. */
    private static final int MAX_EXEC_DEPTH = 100000;

    /** A value of static type interface{}: a map element or list element. */
    record Iface(Object value) {}

    private static final Iface NIL_IFACE = new Iface(null);

    /** Marks "no pipeline value yet" (Go's missingVal). */
    private static final Object MISSING = new Object();

    private static final class BreakSignal extends RuntimeException {
        BreakSignal() {
            super(null, null, false, false);
        }
    }

    private static final class ContinueSignal extends RuntimeException {
        ContinueSignal() {
            super(null, null, false, false);
        }
    }

    // Preallocated on purpose: control flow for {{break}} / {{continue}} in hot range loops; no stack trace, no state.
    @SuppressWarnings("StaticAssignmentOfThrowable")
    private static final BreakSignal BREAK = new BreakSignal();

    @SuppressWarnings("StaticAssignmentOfThrowable") // as BREAK
    private static final ContinueSignal CONTINUE = new ContinueSignal();

    private final TemplateSet set;
    private final Tree tree;
    private final StringBuilder out;
    private final ExecutionScope scope;
    private final int depth;
    private final TemplateContext context;
    /**
     * The variable stack: names and values in pairs ({@code vars[2i]} the name, {@code vars[2i + 1]} the value), one
     * array instead of two lists, since every include makes a new executor.
     */
    private Object[] vars = new Object[8];

    private int varCount;
    private Node node;

    Executor(TemplateSet set, Tree tree, StringBuilder out, ExecutionScope scope, int depth) {
        this.set = set;
        this.tree = tree;
        this.out = out;
        this.scope = scope;
        this.depth = depth;
        this.context = new TemplateContext(set, scope);
    }

    void run(Object data) {
        push("$", data);
        walk(data, tree.root());
    }

    // --- errors ---

    TemplateExecException error(String reason) {
        return error(reason, null);
    }

    /**
     * Go's ExecError at the current node. {@code wrapped} is the error Go's message wraps with %w (a function's
     * error, in "error calling X: ..."), kept as the cause so that Helm 4 can walk the chain as errors.Unwrap does.
     */
    TemplateExecException error(String reason, Throwable wrapped) {
        return new TemplateExecException(where() + reason, wrapped);
    }

    /**
     * Go's {@code error calling X: %w}: {@link #error}'s message with the function's message appended, built only
     * when asked ({@link TemplateExecException#chained}): an include's error holds the messages of all the includes
     * below it, and storing each level's text would keep a quadratic amount alive.
     */
    private TemplateExecException errorCalling(String name, TemplateFunctionException e) {
        return TemplateExecException.chained(where() + "error calling " + name + ": ", e);
    }

    /** The start of Go's ExecError message: {@code template: file:line:col: executing "name" at <node>: }. */
    private String where() {
        if (node == null) {
            return "template: " + tree.name() + ": ";
        }
        return "template: " + tree.location(node.pos()) + ": executing " + GoStrconv.quote(tree.name()) + " at <" + node
                + ">: ";
    }

    // --- variables ---

    private void push(String name, Object value) {
        if (2 * varCount + 2 > vars.length) {
            vars = java.util.Arrays.copyOf(vars, vars.length * 2);
        }
        vars[2 * varCount] = name;
        vars[2 * varCount + 1] = value;
        varCount++;
    }

    private int mark() {
        return varCount;
    }

    private void pop(int mark) {
        for (int i = 2 * mark; i < 2 * varCount; i++) {
            vars[i] = null; // no references kept to values of finished scopes
        }
        varCount = Math.min(varCount, mark);
    }

    private void setValueAt(int index, Object value) {
        vars[2 * index + 1] = value;
    }

    private void setVar(String name, Object value) {
        for (int i = varCount - 1; i >= 0; i--) {
            if (vars[2 * i].equals(name)) {
                vars[2 * i + 1] = value;
                return;
            }
        }
        throw error("undefined variable: " + name);
    }

    private Object varValue(String name) {
        for (int i = varCount - 1; i >= 0; i--) {
            if (vars[2 * i].equals(name)) {
                return vars[2 * i + 1];
            }
        }
        throw error("undefined variable: " + name);
    }

    // --- walking ---

    private void walk(Object dot, Node n) {
        node = n;
        String tooMuch = scope.step();
        if (tooMuch != null) {
            throw error(tooMuch);
        }
        if (n instanceof Node.TextNode t) {
            append(t.text());
        } else if (n instanceof Node.ActionNode a) {
            Object val = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                printValue(a, val);
            }
        } else if (n instanceof Node.ListNode list) {
            // Indexed, not for-each: this runs for every node of every render, and an iterator per list showed
            // in the allocation profile.
            List<Node> nodes = list.nodes();
            for (int i = 0, size = nodes.size(); i < size; i++) {
                walk(dot, nodes.get(i));
            }
        } else if (n instanceof Node.BranchNode b) {
            if (b.kind() == Node.BranchKind.RANGE) {
                walkRange(dot, b);
            } else {
                walkIfOrWith(dot, b);
            }
        } else if (n instanceof Node.TemplateNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof Node.BreakNode) {
            throw BREAK;
        } else if (n instanceof Node.ContinueNode) {
            throw CONTINUE;
        } else if (!(n instanceof Node.CommentNode)) {
            throw error("unknown node: " + n);
        }
    }

    private void walkIfOrWith(Object dot, Node.BranchNode b) {
        int mark = mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            if (GoValues.truth(val)) {
                walk(b.kind() == Node.BranchKind.WITH ? val : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, Node.BranchNode r) {
        node = r;
        int outerMark = mark();
        try {
            Object val = evalPipeline(dot, r.pipe());
            int mark = mark();
            int declared = r.pipe().decl().size();
            boolean iterated = false;
            if (val instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    iterated = true;
                    if (!oneIteration(r, declared, mark, i, box(list.get(i)))) {
                        break;
                    }
                }
            } else if (val instanceof Map<?, ?> map) {
                Object[] sorted = sortedEntries(map);
                for (int i = 0; i < sorted.length; i += 2) {
                    iterated = true;
                    if (!oneIteration(r, declared, mark, sorted[i], box(sorted[i + 1]))) {
                        break;
                    }
                }
            } else if (val instanceof Integer || val instanceof Long) {
                long n = ((Number) val).longValue();
                if (declared > 1) {
                    throw error("can't use " + n + " to iterate over more than one variable");
                }
                for (long i = 0; i < n; i++) {
                    iterated = true;
                    Object iv = val instanceof Integer ? (Object) (int) i : (Object) i;
                    if (!oneIteration(r, declared, mark, iv, iv)) {
                        break;
                    }
                }
            } else if (val instanceof Object[] || val instanceof byte[]) {
                throw error("range can't iterate over " + GoFmt.formatValue(val));
            } else if (val != null) {
                throw error("range can't iterate over " + GoFmt.formatValue(val));
            }
            if (!iterated && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            pop(outerMark);
        }
    }

    /** Runs the body once; false when the body said {{break}}. */
    private boolean oneIteration(Node.BranchNode r, int declared, int mark, Object index, Object elem) {
        // The last declared variable takes the element, the one before it the index (Go's setTopVar).
        if (declared > 0) {
            setValueAt(mark - 1, elem);
        }
        if (declared > 1) {
            setValueAt(mark - 2, index);
        }
        try {
            walk(elem, r.list());
        } catch (BreakSignal b) {
            return false;
        } catch (ContinueSignal c) {
            // next element
        } finally {
            pop(mark);
        }
        return true;
    }

    /**
     * The map's keys and values in Go's range order (sorted by key), as key/value pairs in one array, taken before
     * the body runs as Go's fmtsort does: the body changing the map changes neither the keys visited nor the
     * values. One array instead of a TreeMap and a list of its entries.
     */
    private static Object[] sortedEntries(Map<?, ?> map) {
        String[] keys = new String[map.size()];
        int n = 0;
        boolean stringKeys = true;
        for (Object key : map.keySet()) {
            stringKeys &= key instanceof String;
            keys[n++] = String.valueOf(key);
        }
        Object[] pairs = new Object[2 * n];
        if (!stringKeys) {
            // Not a Go map[string]...: keys that print alike collapse, as the sorted copy always did.
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sorted.put(String.valueOf(e.getKey()), e.getValue());
            }
            pairs = new Object[2 * sorted.size()];
            int i = 0;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                pairs[i++] = e.getKey();
                pairs[i++] = e.getValue();
            }
            return pairs;
        }
        java.util.Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = keys[i];
            pairs[2 * i + 1] = map.get(keys[i]);
        }
        return pairs;
    }

    private static Object box(Object v) {
        return v == null ? NIL_IFACE : new Iface(v);
    }

    private static Object unbox(Object v) {
        return v instanceof Iface i ? i.value() : v;
    }

    private void walkTemplate(Object dot, Node.TemplateNode t) {
        node = t;
        Tree target = set.tree(t.name());
        if (target == null) {
            throw error("template " + GoStrconv.quote(t.name()) + " not defined");
        }
        if (depth >= MAX_EXEC_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        Executor inner = new Executor(set, target, out, scope, depth + 1);
        inner.push("$", newDot);
        inner.walk(newDot, target.root());
    }

    // --- evaluation ---

    private Object evalPipeline(Object dot, Node.PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        List<Node.CommandNode> cmds = pipe.cmds();
        for (int i = 0, size = cmds.size(); i < size; i++) {
            value = unbox(evalCommand(dot, cmds.get(i), value));
        }
        List<Node.VariableNode> decl = pipe.decl();
        for (int i = 0, size = decl.size(); i < size; i++) {
            String name = decl.get(i).ident().get(0);
            if (pipe.isAssign()) {
                setVar(name, value);
            } else {
                push(name, value);
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if ((args != null && args.size() > 1) || fin != MISSING) {
            throw error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, Node.CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof Node.FieldNode f) {
            return evalFieldNode(dot, f, cmd.args(), fin);
        }
        if (first instanceof Node.ChainNode c) {
            return evalChainNode(dot, c, cmd.args(), fin);
        }
        if (first instanceof Node.IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof Node.PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof Node.VariableNode v) {
            return evalVariableNode(dot, v, cmd.args(), fin);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof Node.BoolNode b) {
            return b.value();
        }
        if (first instanceof Node.DotNode) {
            return dot;
        }
        if (first instanceof Node.NilNode) {
            throw error("nil is not a command");
        }
        if (first instanceof Node.NumberNode n) {
            return idealConstant(n);
        }
        if (first instanceof Node.StringNode s) {
            return s.text();
        }
        throw error("can't evaluate command " + GoStrconv.quote(first.toString()));
    }

    private Object idealConstant(Node.NumberNode n) {
        node = n;
        if (n.complex() != null) {
            return n.complex();
        }
        String text = n.text();
        boolean hexInt = text.length() > 2
                && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                && text.indexOf('p') < 0
                && text.indexOf('P') < 0;
        boolean runeInt = text.startsWith("'");
        if (n.isFloat() && !hexInt && !runeInt && NumberParser.hasFloatMark(text)) {
            return n.floatValue();
        }
        if (n.isInt()) {
            long v = n.intValue();
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        throw error(text + " overflows int");
    }

    private Object evalFieldNode(Object dot, Node.FieldNode field, List<Node> args, Object fin) {
        node = field;
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, Node.ChainNode chain, List<Node> args, Object fin) {
        node = chain;
        if (chain.node() instanceof Node.NilNode) {
            throw error("indirection through explicit nil in " + chain);
        }
        // Go does not move the error position back to the chain after evaluating its pipe: errors of the fields
        // ("can't evaluate field", a method's argument count) are reported at the pipe's last node.
        Object pipe = evalArg(dot, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.field(), args, fin);
    }

    private Object evalVariableNode(Object dot, Node.VariableNode v, List<Node> args, Object fin) {
        node = v;
        Object value = varValue(v.ident().get(0));
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.ident(), 1, args, fin);
    }

    private Object evalFieldChain(
            Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
        return evalFieldChain(dot, receiver, n, ident, 0, args, fin);
    }

    /** The fields {@code ident[from..]} in turn, the last one with the arguments. */
    private Object evalFieldChain(
            Object dot, Object receiver, Node n, List<String> ident, int from, List<Node> args, Object fin) {
        int last = ident.size() - 1;
        for (int i = from; i < last; i++) {
            receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
        }
        return evalField(dot, ident.get(last), n, args, fin, receiver);
    }

    private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver) {
        if (receiver == null) {
            return null;
        }
        boolean boxed = receiver instanceof Iface;
        Object value = unbox(receiver);
        if (value == null) {
            throw error("nil pointer evaluating interface {}." + fieldName);
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
        if (value instanceof GoStruct s) {
            TemplateFunction method = s.method(fieldName);
            if (method != null) {
                // Argument-count errors stay at the current position, "error calling" goes to the field's node.
                return evalCall(dot, method, node, n, fieldName, args, fin, false);
            }
            if (s.hasField(fieldName)) {
                if (hasArgs) {
                    throw error(fieldName + " has arguments but cannot be invoked as function");
                }
                return s.field(fieldName);
            }
            if (s.hasUnexportedField(fieldName)) {
                throw error(fieldName + " is an unexported field of struct type " + fieldTypeName(boxed, value));
            }
            if (!(value instanceof Map)) {
                throw error("can't evaluate field " + fieldName + " in type " + fieldTypeName(boxed, value));
            }
        }
        if (value instanceof GoMethodMap m) {
            // Helm's Values, on every .Values.key read: a class check instead of two interface checks (GoMethodMap).
            return mapField(dot, m, m, fieldName, n, args, fin, hasArgs);
        }
        if (value instanceof Map<?, ?> map) {
            return mapField(dot, map, map instanceof GoMethodSet m ? m : null, fieldName, n, args, fin, hasArgs);
        }
        throw error("can't evaluate field " + fieldName + " in type " + fieldTypeName(boxed, value));
    }

    /** A field read on a map: a Go method of that name if it has one, else the key's value as a nil-able interface. */
    private Object mapField(
            Object dot,
            Map<?, ?> map,
            GoMethodSet methods,
            String fieldName,
            Node n,
            List<Node> args,
            Object fin,
            boolean hasArgs) {
        TemplateFunction method = methods == null ? null : methods.method(fieldName);
        if (method != null) {
            return evalCall(dot, method, n, n, fieldName, args, fin, false);
        }
        if (hasArgs) {
            throw error(fieldName + " is not a method but has arguments");
        }
        Object result = map.get(fieldName);
        return result == null ? NIL_IFACE : new Iface(result);
    }

    /** The receiver's type as Go names it in a field error; computed only when an error is raised. */
    private static String fieldTypeName(boolean boxed, Object value) {
        return boxed ? "interface {}" : GoValues.typeName(value);
    }

    private Object evalFunction(Object dot, Node.IdentifierNode id, Node cmd, List<Node> args, Object fin) {
        node = id;
        String name = id.ident();
        TemplateFunction f = set.function(name);
        boolean builtin = false;
        if (f == null) {
            if (Builtins.isLazy(name)) {
                return evalAndOr(dot, name, args, fin);
            }
            f = Builtins.get(name);
            if (f == null) {
                throw error(GoStrconv.quote(name) + " is not a defined function");
            }
            builtin = true;
        }
        return evalCall(dot, f, id, cmd, name, args, fin, builtin);
    }

    /** and/or evaluate their arguments only as far as needed (Go 1.18). */
    private Object evalAndOr(Object dot, String name, List<Node> args, Object fin) {
        int numIn = (args == null ? 0 : args.size() - 1) + (fin != MISSING ? 1 : 0);
        if (numIn < 1) {
            throw error("wrong number of args for " + name + ": want at least 1 got 0");
        }
        boolean isOr = name.equals("or");
        Object v = null;
        for (int i = 1; args != null && i < args.size(); i++) {
            v = unbox(evalArg(dot, args.get(i)));
            if (GoValues.truth(v) == isOr) {
                return v;
            }
        }
        if (fin != MISSING) {
            v = unbox(fin);
        }
        return v;
    }

    /** {@code builtin}: f is text/template's own function (not the chart's, not a method), looked up once. */
    private Object evalCall(
            Object dot,
            TemplateFunction f,
            Node ident,
            Node at,
            String name,
            List<Node> args,
            Object fin,
            boolean builtin) {
        int capacity = (args == null ? 0 : args.size()) + 1;
        CallArguments argv = new CallArguments(capacity);
        // Only an argument error reads this: for argument i, its raw value at trace + 2i and, at trace + 2i + 1,
        // where Go's state stands after it (its last s.at, where validateType reports a wrong type). The slots are
        // the render's (ExecutionScope), taken here and given back below: this runs on every call.
        int trace = scope.reserveTrace(2 * capacity);
        try {
            return evalCall(dot, f, ident, at, name, args, fin, builtin, argv, trace);
        } finally {
            scope.releaseTrace(trace);
        }
    }

    private Object evalCall(
            Object dot,
            TemplateFunction f,
            Node ident,
            Node at,
            String name,
            List<Node> args,
            Object fin,
            boolean builtin,
            CallArguments argv,
            int trace) {
        int evaluated = 0;
        // Go's len tells a nil map element ("len of nil pointer") from no value at all; it gets the raw value.
        boolean raw = builtin && name.equals("len");
        if (builtin && name.equals("call")) {
            // Go passes call the callee's name, for its "non-function X of type T" message.
            argv.add(args != null && args.size() > 1 ? args.get(1).toString() : GoFmt.formatValue(unbox(fin)));
        }
        if (args != null) {
            for (int i = 1; i < args.size(); i++) {
                Node argNode = args.get(i);
                if (builtin && i == 1 && name.equals("printf")) {
                    argv.add(stringParameter(dot, argNode));
                    continue;
                }
                Object v = evalArg(dot, argNode);
                scope.setTrace(trace + 2 * evaluated, v);
                scope.setTrace(trace + 2 * evaluated++ + 1, node);
                if (v == NIL_IFACE && !raw) {
                    argv.addNilInterface();
                } else {
                    argv.add(raw ? v : unbox(v));
                }
            }
        }
        if (fin != MISSING) {
            scope.setTrace(trace + 2 * evaluated, fin);
            scope.setTrace(trace + 2 * evaluated++ + 1, node);
            argv.add(raw ? fin : unbox(fin));
        }
        // set, unset and merge change their first argument in place and return it: what it gains is new.
        int mapSizeBefore = argv.size() > 0 && argv.get(0) instanceof Map<?, ?> m ? m.size() : 0;
        chargeReads(f, argv, at);
        try {
            return charged(bounded(callWithWholeComplexLiterals(f, argv, args)), f, argv, mapSizeBefore, at);
        } catch (TemplateArgumentException e) {
            throw argumentError(e.index(), e.expectedType(), e.getMessage(), ident, args, trace, evaluated);
        } catch (TemplateFunctionException e) {
            // Only the head is read: an include's error holds the messages of all the includes below it.
            if (ChainedMessages.startsWith(e, "wrong number of args for ")) {
                // Go checks the count before calling: no "error calling" prefix, reported at the name.
                node = ident;
                throw error(e.getMessage());
            }
            node = at;
            throw errorCalling(name, e);
        } catch (TemplateArityException e) {
            throw argumentError(e.argumentIndex(), e.expectedType(), e.getMessage(), ident, args, trace, evaluated);
        } catch (TemplateExecException | BreakSignal | ContinueSignal e) {
            throw e;
        } catch (RuntimeException e) {
            // Go recovers a function's panic as its error (safeCall), wrapped like any other.
            node = at;
            throw error("error calling " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The call, where a parameter of type int or float64 that refuses a complex literal gets the literal's integer
     * or float value instead, as Go's evalInteger and evalFloat read a constant whose imaginary part is zero
     * ({@code 2+0i}); an interface{} parameter keeps the complex128. Signatures are checked before any work, so the
     * call is simply made again, at most once per argument.
     */
    private Object callWithWholeComplexLiterals(TemplateFunction f, CallArguments argv, List<Node> args)
            throws TemplateFunctionException {
        for (int attempt = 0; ; attempt++) {
            try {
                return f.call(context, argv);
            } catch (TemplateArgumentException e) {
                if (attempt >= argv.size() || !wholeComplexLiteral(argv, args, e.index(), e.expectedType())) {
                    throw e;
                }
            } catch (TemplateArityException e) {
                if (attempt >= argv.size() || !wholeComplexLiteral(argv, args, e.argumentIndex(), e.expectedType())) {
                    throw e;
                }
            }
        }
    }

    /** Puts the int or float value of the complex literal at argument {@code i} where parameter type {@code t} wants it. */
    private static boolean wholeComplexLiteral(CallArguments argv, List<Node> args, int i, String t) {
        if (args == null
                || i < 0
                || i + 1 >= args.size()
                || t == null
                || !(args.get(i + 1) instanceof Node.NumberNode n)
                || n.complex() == null
                || !(argv.get(i) instanceof dev.runway.render.gofmt.GoComplex)) {
            return false;
        }
        if (n.isInt() && (t.equals("int") || t.equals("int64"))) {
            // What an integer literal of the same value hands over.
            long v = n.intValue();
            argv.set(i, v == (int) v ? (Object) (int) v : (Object) v);
        } else if (n.isFloat() && t.equals("float64")) {
            argv.set(i, n.floatValue());
        } else {
            return false;
        }
        return true;
    }

    /**
     * The budget on values functions create ({@link ValueLimits}): one length check per call, so that doubling a
     * string or list in a loop stops with a message long before memory runs out.
     */
    private static Object bounded(Object result) {
        if (result instanceof String s && s.length() > ValueLimits.MAX_VALUE_CHARS) {
            throw ValueLimits.tooLong("the result");
        }
        if (result instanceof List<?> l && l.size() > ValueLimits.MAX_LIST_ELEMENTS) {
            throw ValueLimits.tooManyElements();
        }
        return result;
    }

    /**
     * Charges a new result to the render's budget on created values ({@link ExecutionLimits#maxCreatedBytes}): a few
     * field reads per call, so that building values in a loop stops in seconds, not when the heap runs out. A result
     * that is one of the arguments is not new (default, set and merge return one), except what a map argument gained.
     */
    private Object charged(Object result, TemplateFunction f, CallArguments argv, int mapSizeBefore, Node at) {
        long size;
        int bytesEach;
        if (result instanceof String s) {
            size = s.length();
            bytesEach = ExecutionLimits.CHAR_BYTES;
        } else if (result instanceof List<?> l) {
            size = l.size();
            bytesEach = ExecutionLimits.LIST_ELEMENT_BYTES;
        } else if (result instanceof Map<?, ?> m) {
            size = m.size();
            bytesEach = ExecutionLimits.MAP_ENTRY_BYTES;
        } else {
            return result;
        }
        TemplateFunction.ResultCharge charge = f.resultCharge();
        if (charge == TemplateFunction.ResultCharge.TREE && argv.size() > 0 && argv.get(0) instanceof String text) {
            // fromYaml and its kind: parsing allocates at least its text on the way, whatever it returns (an error
            // map, or nothing for a text of comments), and texts over 16 KiB are parsed again at every call.
            charge(scope.created((long) text.length() * ExecutionLimits.CHAR_BYTES), at);
        }
        if (size == 0) {
            return result;
        }
        for (int i = 0, n = argv.size(); i < n; i++) {
            if (argv.get(i) == result) {
                if (i > 0 || !(result instanceof Map) || size <= mapSizeBefore) {
                    return result;
                }
                size -= mapSizeBefore;
                break;
            }
        }
        charge(
                charge == TemplateFunction.ResultCharge.NONE
                        ? null
                        : charge == TemplateFunction.ResultCharge.TREE && !(result instanceof String)
                                ? scope.createdTree(result)
                                : scope.created(ExecutionLimits.VALUE_BYTES + size * bytesEach),
                at);
        return result;
    }

    /**
     * Charges what a call is about to read to the render's budget on reads ({@link ExecutionLimits#maxReadChars}),
     * before the work: one length check per argument, and the function's declaration read only for an argument over
     * {@link ExecutionLimits#FREE_READ_CHARS} characters' worth, so that calling a function that reads a large value
     * whole in a loop stops in seconds.
     */
    private void chargeReads(TemplateFunction f, CallArguments argv, Node at) {
        for (int i = 0, n = argv.size(); i < n; i++) {
            Object a = argv.get(i);
            long chars;
            boolean walked = false;
            if (a instanceof String s) {
                chars = s.length();
            } else if (a instanceof List<?> l) {
                chars = (long) l.size() * ExecutionLimits.ELEMENT_READ_CHARS;
                walked = true;
            } else if (a instanceof Map<?, ?> m) {
                chars = (long) m.size() * ExecutionLimits.ELEMENT_READ_CHARS;
                walked = true;
            } else {
                continue;
            }
            if (chars <= ExecutionLimits.FREE_READ_CHARS) {
                continue;
            }
            TemplateFunction.ArgumentReads reads = f.argumentReads();
            if (reads == TemplateFunction.ArgumentReads.WHOLE
                    || (reads == TemplateFunction.ArgumentReads.STRINGS && !walked)) {
                charge(scope.read(chars), at);
            } else if (reads == TemplateFunction.ArgumentReads.MATCHES && !walked) {
                charge(scope.read(chars * ExecutionLimits.MATCH_READ_CHARS), at);
            }
        }
    }

    /** Stops the render at {@code at} when a budget (created values, reads) said why ({@code tooMuch} not null). */
    private void charge(String tooMuch, Node at) {
        if (tooMuch != null) {
            node = at;
            throw error(tooMuch);
        }
    }

    /** Go's wording of an argument its signature rejects (evalArg and validateType), at the argument. */
    private TemplateExecException argumentError(
            int i, String t, String message, Node ident, List<Node> args, int trace, int evaluated) {
        int explicit = args == null ? 0 : args.size() - 1;
        if (i < 0 || t == null || i >= evaluated) {
            node = ident;
            return error(message);
        }
        if (i < explicit) {
            Node argNode = args.get(i + 1);
            node = argNode;
            if (argNode instanceof Node.NilNode) {
                return error("cannot assign nil to " + t);
            }
            if (argNode instanceof Node.NumberNode
                    || argNode instanceof Node.StringNode
                    || argNode instanceof Node.BoolNode) {
                String wanted = switch (t) {
                    case "int", "int64", "int32", "int16", "int8" -> "integer";
                    case "uint", "uint64", "uint32", "uint16", "uint8" -> "unsigned integer";
                    case "float64", "float32" -> "float";
                    case "string" -> "string";
                    case "bool" -> "bool";
                    default -> null;
                };
                return error(
                        wanted == null
                                ? "can't handle " + argNode + " for arg of type " + t
                                : "expected " + wanted + "; found " + argNode);
            }
        }
        node = (Node) scope.trace(trace + 2 * i + 1);
        Object raw = scope.trace(trace + 2 * i);
        if (raw == null) {
            return error("invalid value; expected " + t);
        }
        if (raw == NIL_IFACE) {
            return error("wrong type for value; expected " + t + "; got interface {}");
        }
        return error("wrong type for value; expected " + t + "; got " + GoFmt.typeName(unbox(raw)));
    }

    /** An argument for a Go parameter of type string: literals of other types fail as in Go's evalArg. */
    private Object stringParameter(Object dot, Node n) {
        node = n;
        if (n instanceof Node.NilNode) {
            throw error("cannot assign nil to string");
        }
        if (n instanceof Node.NumberNode || n instanceof Node.BoolNode) {
            throw error("expected string; found " + n);
        }
        Object raw = evalArg(dot, n);
        Object v = unbox(raw);
        node = n;
        if (raw == NIL_IFACE) {
            throw error("wrong type for value; expected string; got interface {}");
        }
        if (v == null) {
            throw error("invalid value; expected string");
        }
        if (!(v instanceof String)) {
            throw error("wrong type for value; expected string; got " + GoValues.typeName(v));
        }
        return v;
    }

    private Object evalArg(Object dot, Node n) {
        node = n;
        if (n instanceof Node.DotNode) {
            return dot;
        }
        if (n instanceof Node.NilNode) {
            return null;
        }
        if (n instanceof Node.FieldNode f) {
            // No arguments (null is what List.of(n) meant, without a list per field read).
            return evalFieldNode(dot, f, null, MISSING);
        }
        if (n instanceof Node.VariableNode v) {
            return evalVariableNode(dot, v, null, MISSING);
        }
        if (n instanceof Node.PipeNode p) {
            return evalPipeline(dot, p);
        }
        if (n instanceof Node.IdentifierNode id) {
            return evalFunction(dot, id, id, null, MISSING);
        }
        if (n instanceof Node.ChainNode c) {
            return evalChainNode(dot, c, null, MISSING);
        }
        if (n instanceof Node.BoolNode b) {
            return b.value();
        }
        if (n instanceof Node.NumberNode num) {
            return idealConstant(num);
        }
        if (n instanceof Node.StringNode s) {
            return s.text();
        }
        throw error("can't handle " + n + " for arg of type interface {}");
    }

    private void printValue(Node n, Object v) {
        node = n;
        Object value = unbox(v);
        if (value == null) {
            append("<no value>");
        } else if (value instanceof String s) {
            append(s);
        } else if (value instanceof GoStruct) {
            append(value.toString());
        } else {
            append(GoFmt.formatValue(value));
        }
    }

    private void append(String text) {
        String tooMuch = scope.wrote(text.length());
        if (tooMuch != null) {
            throw error(tooMuch);
        }
        out.append(text);
    }
}
