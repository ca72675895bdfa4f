package dev.runway.render.template;

import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * text/template's predefined functions (funcs.go). A function of the same name in the template set's function
 * map wins, as in Go. {@code and} and {@code or} are evaluated lazily by the executor.
 */
final class Builtins {
    private Builtins() {}

    static boolean has(String name) {
        return get(name) != null;
    }

    static boolean isLazy(String name) {
        return name.equals("and") || name.equals("or");
    }

    /**
     * The builtin of this name, or null. A switch rather than a map filled at class initialisation, and one enum
     * rather than a lambda per builtin: in a fresh JVM each lambda is a class spun at its first use (about half a
     * millisecond each, interpreted), and a render calls ten or more builtins.
     */
    static TemplateFunction get(String name) {
        return switch (name) {
            case "and" -> Builtin.AND;
            case "or" -> Builtin.OR;
            case "not" -> Builtin.NOT;
            case "len" -> Builtin.LEN;
            case "index" -> Builtin.INDEX;
            case "slice" -> Builtin.SLICE;
            case "print" -> Builtin.PRINT;
            case "println" -> Builtin.PRINTLN;
            case "printf" -> Builtin.PRINTF;
            case "html" -> Builtin.HTML;
            case "js" -> Builtin.JS;
            case "urlquery" -> Builtin.URLQUERY;
            case "call" -> Builtin.CALL;
            case "eq" -> Builtin.EQ;
            case "ne" -> Builtin.NE;
            case "lt" -> Builtin.LT;
            case "le" -> Builtin.LE;
            case "gt" -> Builtin.GT;
            case "ge" -> Builtin.GE;
            default -> null;
        };
    }

    private enum Builtin implements TemplateFunction {
        AND,
        OR,
        NOT,
        LEN,
        INDEX,
        SLICE,
        PRINT,
        PRINTLN,
        PRINTF,
        HTML,
        JS,
        URLQUERY,
        CALL,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE;

        /**
         * and, or, not and call pass values on; the others read their strings whole (len, index and slice count a
         * string's UTF-8 bytes), and none walks a list or map.
         */
        @Override
        public ArgumentReads argumentReads() {
            return switch (this) {
                case AND, OR, NOT, CALL -> ArgumentReads.NONE;
                default -> ArgumentReads.STRINGS;
            };
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            return switch (this) {
                case AND, OR -> lazyOnly();
                case NOT -> {
                    arity("not", a, 1);
                    yield !GoValues.truth(a.get(0));
                }
                case LEN -> {
                    arity("len", a, 1);
                    yield length(a.get(0));
                }
                case INDEX -> {
                    atLeast("index", a, 1);
                    yield index(a.get(0), a.subList(1, a.size()));
                }
                case SLICE -> {
                    atLeast("slice", a, 1);
                    yield slice(a.get(0), a.subList(1, a.size()));
                }
                case PRINT -> GoFmt.sprint(a.toArray());
                case PRINTLN -> GoFmt.sprintln(a.toArray());
                case PRINTF -> {
                    atLeast("printf", a, 1);
                    if (!(a.get(0) instanceof String format)) {
                        throw new TemplateArityException(
                                "wrong type for value; expected string; got " + GoValues.typeName(a.get(0)));
                    }
                    yield GoFmt.sprintf(format, a.subList(1, a.size()).toArray());
                }
                case HTML -> Escapers.html(evalArgs(a));
                case JS -> Escapers.js(evalArgs(a));
                case URLQUERY -> Escapers.urlQuery(evalArgs(a));
                case CALL -> {
                    // a.get(0) is the callee's name, inserted by the executor.
                    if (a.size() < 2) {
                        throw new TemplateArityException("wrong number of args for call: want at least 1 got 0");
                    }
                    Object fn = a.get(1);
                    if (fn instanceof TemplateFunction f) {
                        yield f.call(c, new ArrayList<>(a.subList(2, a.size())));
                    }
                    if (fn == null) {
                        throw new TemplateFunctionException("call of nil");
                    }
                    throw new TemplateFunctionException(
                            "non-function " + a.get(0) + " of type " + GoValues.typeName(fn));
                }
                case EQ -> {
                    atLeast("eq", a, 1);
                    yield Comparisons.eq(a.get(0), a.subList(1, a.size()));
                }
                case NE -> {
                    arity("ne", a, 2);
                    yield !Comparisons.eq(a.get(0), a.subList(1, 2));
                }
                case LT -> {
                    arity("lt", a, 2);
                    yield Comparisons.lt(a.get(0), a.get(1));
                }
                case LE -> {
                    arity("le", a, 2);
                    yield Comparisons.lt(a.get(0), a.get(1)) || Comparisons.eq(a.get(0), a.subList(1, 2));
                }
                case GT -> {
                    arity("gt", a, 2);
                    boolean lt = Comparisons.lt(a.get(0), a.get(1));
                    yield !(lt || Comparisons.eq(a.get(0), a.subList(1, 2)));
                }
                case GE -> {
                    arity("ge", a, 2);
                    yield !Comparisons.lt(a.get(0), a.get(1));
                }
            };
        }
    }

    private static Object lazyOnly() {
        throw new IllegalStateException("and/or are evaluated by the executor");
    }

    private static void arity(String name, List<Object> a, int want) {
        if (a.size() != want) {
            throw new TemplateArityException(
                    "wrong number of args for " + name + ": want " + want + " got " + a.size());
        }
    }

    private static void atLeast(String name, List<Object> a, int want) {
        if (a.size() < want) {
            throw new TemplateArityException(
                    "wrong number of args for " + name + ": want at least " + want + " got " + a.size());
        }
    }

    /** Go's evalArgs: one string as is, otherwise fmt.Sprint with nil shown as {@code <no value>}. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        Object[] printable =
                args.stream().map(v -> v == null ? "<no value>" : v).toArray();
        return GoFmt.sprint(printable);
    }

    private static int length(Object raw) throws TemplateFunctionException {
        if (raw == null) {
            throw new TemplateFunctionException("reflect: call of reflect.Value.Type on zero Value");
        }
        Object v = raw instanceof Executor.Iface i ? i.value() : raw;
        if (v == null) {
            throw new TemplateFunctionException("len of nil pointer");
        }
        if (v instanceof String s) {
            return GoValues.byteLength(s);
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        if (v instanceof Object[] a) {
            return a.length;
        }
        if (v instanceof GoStruct s && s.goLength() >= 0) {
            return s.goLength();
        }
        throw new TemplateFunctionException("len of type " + GoValues.typeName(v));
    }

    private static Object index(Object item, List<Object> indexes) throws TemplateFunctionException {
        if (item == null) {
            throw new TemplateFunctionException("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == null) {
                throw new TemplateFunctionException("index of nil pointer");
            }
            if (item instanceof List<?> list) {
                int x = indexArg(index, list.size());
                if (x == list.size()) {
                    throw new TemplateFunctionException("reflect: slice index out of range");
                }
                item = list.get(x);
            } else if (item instanceof String s) {
                byte[] bytes = GoValues.utf8(s);
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new TemplateFunctionException("reflect: string index out of range");
                }
                item = bytes[x] & 0xff;
            } else if (item instanceof byte[] bytes) {
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new TemplateFunctionException("reflect: slice index out of range");
                }
                item = bytes[x] & 0xff;
            } else if (item instanceof Map<?, ?> map) {
                if (index == null) {
                    item = null;
                    continue;
                }
                if (!(index instanceof String key)) {
                    throw new TemplateFunctionException(
                            "value has type " + GoValues.typeName(index) + "; should be string");
                }
                item = map.get(key);
            } else {
                throw new TemplateFunctionException("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    private static int indexArg(Object index, int cap) throws TemplateFunctionException {
        if (index == null) {
            throw new TemplateFunctionException("cannot index slice/array with nil");
        }
        if (!GoValues.isIntegral(index)) {
            throw new TemplateFunctionException("cannot index slice/array with type " + GoValues.typeName(index));
        }
        long x = ((Number) index).longValue();
        if (x < 0 || x > cap) {
            throw new TemplateFunctionException("index out of range: " + x);
        }
        return (int) x;
    }

    private static Object slice(Object item, List<Object> indexes) throws TemplateFunctionException {
        if (item == null) {
            throw new TemplateFunctionException("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new TemplateFunctionException("too many slice indexes: " + indexes.size());
        }
        int len;
        byte[] bytes = null;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new TemplateFunctionException("cannot 3-index slice a string");
            }
            bytes = GoValues.utf8(s);
            len = bytes.length;
        } else if (item instanceof List<?> l) {
            len = l.size();
        } else {
            throw new TemplateFunctionException("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, len, len};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), len);
        }
        if (idx[0] > idx[1]) {
            throw new TemplateFunctionException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new TemplateFunctionException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return GoBytes.string(bytes, idx[0], idx[1]);
        }
        return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
    }
}
