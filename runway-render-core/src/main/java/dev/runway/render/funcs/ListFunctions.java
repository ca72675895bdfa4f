package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sprig's list functions (list.go). Each {@code x} panics where {@code mustX} returns the error; both reach the
 * template as {@code error calling x: <message>}.
 */
final class ListFunctions {

    private ListFunctions() {}

    /** reflect.TypeOf(nil).Kind() dereferences a nil type: Go's runtime panic text. */
    static final String NIL_PANIC = "runtime error: invalid memory address or nil pointer dereference";

    @FunctionalInterface
    interface ListOp {
        Object apply(List<Object> list) throws TemplateFunctionException;
    }

    /** The function {@code name} (a name and its must-variant share the operation) on one list argument. */
    private static TemplateFunction listFn(String name, String errorFormat, int arity, int listIndex, ListOp op) {
        return new ListFn(name, errorFormat, arity, listIndex, op);
    }

    /** See {@link #listFn}; compact and uniq walk their list, the others take an end or copy it (charged as made). */
    private record ListFn(String name, String errorFormat, int arity, int listIndex, ListOp op)
            implements TemplateFunction {
        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            Args.count(name, a, arity);
            return op.apply(requireList(a.get(listIndex), errorFormat));
        }

        @Override
        public ArgumentReads argumentReads() {
            return switch (name) {
                case "compact", "mustCompact", "uniq", "mustUniq" -> ArgumentReads.WHOLE;
                default -> ArgumentReads.NONE;
            };
        }
    }

    static List<Object> requireList(Object v, String errorFormat) throws TemplateFunctionException {
        if (v == null) {
            throw new TemplateFunctionException(NIL_PANIC);
        }
        if (!GoValues.isList(v)) {
            throw new TemplateFunctionException(String.format(errorFormat, GoValues.kind(v)));
        }
        return GoValues.asList(v);
    }

    /** This theme's function {@code name}, created for a function map's first lookup of the name, or null. */
    static TemplateFunction lookup(String name) {
        return switch (name) {
            case "first", "mustFirst" ->
                listFn(name, "Cannot find first on type %s", 1, 0, l -> l.isEmpty() ? null : l.get(0));
            case "last", "mustLast" ->
                listFn(name, "Cannot find last on type %s", 1, 0, l -> l.isEmpty() ? null : l.get(l.size() - 1));
            case "rest", "mustRest" ->
                listFn(
                        name,
                        "Cannot find rest on type %s",
                        1,
                        0,
                        l -> l.isEmpty() ? GoSlice.nilInterfaces() : new ArrayList<>(l.subList(1, l.size())));
            case "initial", "mustInitial" ->
                listFn(
                        name,
                        "Cannot find initial on type %s",
                        1,
                        0,
                        l -> l.isEmpty() ? GoSlice.nilInterfaces() : new ArrayList<>(l.subList(0, l.size() - 1)));
            case "reverse", "mustReverse" ->
                listFn(name, "Cannot find reverse on type %s", 1, 0, l -> {
                    List<Object> out = new ArrayList<>(l);
                    java.util.Collections.reverse(out);
                    return out;
                });
            case "compact", "mustCompact" ->
                listFn(name, "Cannot compact on type %s", 1, 0, l -> {
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) {
                        if (!GoValues.isZero(o)) {
                            out.add(o);
                        }
                    }
                    return out;
                });
            case "uniq", "mustUniq" -> listFn(name, "Cannot find uniq on type %s", 1, 0, ListFunctions::uniq);
            default -> new ListFunction(name);
        };
    }

    /**
     * Sprig's list functions other than listFn's: one class that switches on the name rather than a lambda per
     * function, as the other themes do: in a fresh JVM each lambda is a class spun at its first use (issue 19).
     */
    private static final class ListFunction implements TemplateFunction {
        private final String name;
        private final ArgumentReads reads;

        ListFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
            // has and without compare with every element; the others build, copy or index (copies are charged as
            // created).
            this.reads = switch (name) {
                case "has", "mustHas", "without", "mustWithout" -> ArgumentReads.WHOLE;
                default -> ArgumentReads.NONE;
            };
        }

        @Override
        public ArgumentReads argumentReads() {
            return reads;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "list", "tuple" -> {
                    return new ArrayList<>(a);
                }
                case "append", "push", "mustAppend", "mustPush" -> {
                    Args.count("append", a, 2);
                    return push(requireList(a.get(0), "Cannot push on type %s"), a.get(1));
                }
                case "prepend", "mustPrepend" -> {
                    Args.count("prepend", a, 2);
                    List<Object> l = requireList(a.get(0), "Cannot prepend on type %s");
                    List<Object> out = new ArrayList<>();
                    out.add(a.get(1));
                    out.addAll(l);
                    return out;
                }
                case "chunk", "mustChunk" -> {
                    Args.count("chunk", a, 2);
                    int size = Args.integer(a, 0);
                    return chunk(size, requireList(a.get(1), "Cannot chunk type %s"));
                }
                case "without", "mustWithout" -> {
                    Args.atLeast("without", a, 1);
                    List<Object> l = requireList(a.get(0), "Cannot find without on type %s");
                    List<Object> omit = a.subList(1, a.size());
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) {
                        if (!inList(omit, o)) {
                            out.add(o);
                        }
                    }
                    return out;
                }
                case "has", "mustHas" -> {
                    Args.count("has", a, 2);
                    Object haystack = a.get(1);
                    if (haystack == null) {
                        return false;
                    }
                    return inList(requireList(haystack, "Cannot find has on type %s"), a.get(0));
                }
                case "slice", "mustSlice" -> {
                    Args.atLeast("slice", a, 1);
                    Object v = a.get(0);
                    if (v == null) {
                        throw new TemplateFunctionException(NIL_PANIC);
                    }
                    if (!GoValues.isList(v)) {
                        throw new TemplateFunctionException(
                                "list should be type of slice or array but " + GoValues.kind(v));
                    }
                    List<Object> l = GoValues.asList(v);
                    if (l.isEmpty()) {
                        return null;
                    }
                    int start = a.size() > 1 ? Cast.toInt(a.get(1)) : 0;
                    int end = a.size() > 2 ? Cast.toInt(a.get(2)) : l.size();
                    if (end < 0 || end > l.size()) {
                        throw new TemplateFunctionException("reflect: slice index out of range");
                    }
                    if (start < 0 || start > end) {
                        throw new TemplateFunctionException("reflect: slice index out of range");
                    }
                    List<Object> out = new ArrayList<>(l.subList(start, end));
                    if (v instanceof GoSlice gs && gs.elementType().equals("string")) {
                        return GoSlice.ofStrings(
                                out.stream().map(String::valueOf).toList());
                    }
                    return out;
                }
                case "concat" -> {
                    List<Object> res = new ArrayList<>();
                    for (Object l : a) {
                        if (l == null) {
                            throw new TemplateFunctionException(NIL_PANIC);
                        }
                        if (!GoValues.isList(l)) {
                            throw new TemplateFunctionException("Cannot concat type " + GoValues.kind(l) + " as list");
                        }
                        res.addAll(GoValues.asList(l));
                    }
                    return res.isEmpty() ? GoSlice.nilInterfaces() : res;
                }
                case "until" -> {
                    Args.count("until", a, 1);
                    int count = Args.integer(a, 0);
                    return untilStep(0, count, count < 0 ? -1 : 1);
                }
                case "untilStep" -> {
                    Args.count("untilStep", a, 3);
                    return untilStep(Args.integer(a, 0), Args.integer(a, 1), Args.integer(a, 2));
                }
                case "seq" -> {
                    int[] p = new int[a.size()];
                    for (int i = 0; i < a.size(); i++) {
                        p[i] = Args.integer(a, i);
                    }
                    return seq(p);
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    private static List<Object> push(List<Object> l, Object v) {
        List<Object> out = new ArrayList<>(l);
        out.add(v);
        return out;
    }

    /**
     * Sprig's uniq: the first of each run of deep-equal elements, in order. Sprig compares each element with all kept
     * so far (quadratic: a million distinct elements took hours); strings, booleans and Go ints, for which deep
     * equality is Java's equality, are kept in a hash set instead, and only the other elements are compared one by one
     * (with each other: such an element is never deep-equal to one of those).
     */
    private static List<Object> uniq(List<Object> l) {
        List<Object> out = new ArrayList<>();
        if (l.size() <= 32) { // a chart's short list: no set
            for (Object o : l) {
                if (!inList(out, o)) {
                    out.add(o);
                }
            }
            return out;
        }
        Set<Object> scalars = new HashSet<>();
        List<Object> others = new ArrayList<>();
        for (Object o : l) {
            Class<?> c = o == null ? null : o.getClass();
            boolean fresh = (c == String.class || c == Boolean.class || c == Integer.class || c == Long.class)
                    ? scalars.add(o)
                    : !inList(others, o) && others.add(o);
            if (fresh) {
                out.add(o);
            }
        }
        return out;
    }

    static boolean inList(List<Object> haystack, Object needle) {
        for (Object h : haystack) {
            if (GoValues.deepEqual(needle, h)) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> chunk(int size, List<Object> l) throws TemplateFunctionException {
        int len = l.size();
        if (size == 0) {
            throw new TemplateFunctionException("runtime error: integer divide by zero");
        }
        int cs = (int) (Math.floor((double) (len - 1) / size) + 1);
        if (cs < 0) {
            throw new TemplateFunctionException("runtime error: makeslice: len out of range");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < cs; i++) {
            int clen = size;
            if (i == cs - 1) {
                clen = (int) Math.floor((double) len % size);
                if (clen == 0) {
                    clen = size;
                }
            }
            List<Object> part = new ArrayList<>();
            for (int j = 0; j < clen; j++) {
                int ix = i * size + j;
                if (ix >= len) {
                    throw new TemplateFunctionException("reflect: slice index out of range");
                }
                part.add(l.get(ix));
            }
            out.add(part);
        }
        return out;
    }

    /** until, untilStep and seq build at most this many numbers: a bigger list is a mistake, not a chart. */
    static final long MAX_SEQUENCE_LENGTH = 1_000_000L;

    static GoSlice untilStep(int start, int stop, int step) {
        long span = (long) stop - start;
        long length = step == 0 || Long.signum(span) != Integer.signum(step)
                ? 0
                : (Math.abs(span) + Math.abs((long) step) - 1) / Math.abs((long) step);
        if (length > MAX_SEQUENCE_LENGTH) {
            throw new IllegalArgumentException("a sequence from " + start + " to " + stop + " by " + step + " has "
                    + length + " numbers; the limit is " + MAX_SEQUENCE_LENGTH);
        }
        List<Integer> v = new ArrayList<>();
        if (stop < start) {
            if (step >= 0) {
                return GoSlice.ofInts(v);
            }
            for (long i = start; i > stop; i += step) { // long: an int would wrap past the limit and never end
                v.add((int) i);
            }
            return GoSlice.ofInts(v);
        }
        if (step <= 0) {
            return GoSlice.ofInts(v);
        }
        for (long i = start; i < stop; i += step) {
            v.add((int) i);
        }
        return GoSlice.ofInts(v);
    }

    private static String seq(int[] params) {
        int increment = 1;
        switch (params.length) {
            case 0 -> {
                return "";
            }
            case 1 -> {
                int start = 1;
                int end = params[0];
                if (end < start) {
                    increment = -1;
                }
                return join(untilStep(start, end + increment, increment));
            }
            case 3 -> {
                int start = params[0];
                int end = params[2];
                int step = params[1];
                if (end < start) {
                    increment = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                return join(untilStep(start, end + increment, step));
            }
            case 2 -> {
                int start = params[0];
                int end = params[1];
                int step = 1;
                if (end < start) {
                    step = -1;
                }
                return join(untilStep(start, end + step, step));
            }
            default -> {
                return "";
            }
        }
    }

    private static String join(List<Object> ints) {
        StringBuilder sb = new StringBuilder();
        for (Object i : ints) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(i);
        }
        return sb.toString();
    }
}
