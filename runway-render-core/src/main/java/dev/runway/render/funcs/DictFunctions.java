package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's dict functions (dict.go), merge and mergeOverwrite with dario.cat/mergo's rules. */
final class DictFunctions {

    private DictFunctions() {}

    /** This theme's function {@code name}, one of the names FunctionTheme lists for it (FunctionTheme.create checks). */
    static TemplateFunction lookup(String name) {
        return new DictFunction(name);
    }

    /**
     * Sprig's dict functions: one class that switches on the name rather than a lambda per function: in a fresh JVM
     * each lambda is a class spun at its first use (about half a millisecond, interpreted), and a render calls several.
     */
    private static final class DictFunction implements TemplateFunction {
        private final String name;
        private final ResultCharge charge;
        private final ArgumentReads reads;

        DictFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
            this.charge =
                    name.equals("deepCopy") || name.equals("mustDeepCopy") ? ResultCharge.TREE : ResultCharge.TOP_LEVEL;
            // The merges walk their sources whether or not they add anything; the others store, look up or copy
            // (what a copy makes is charged as created).
            this.reads =
                    name.startsWith("merge") || name.startsWith("mustMerge") ? ArgumentReads.WHOLE : ArgumentReads.NONE;
        }

        @Override
        public ArgumentReads argumentReads() {
            return reads;
        }

        @Override
        public ResultCharge resultCharge() {
            return charge;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "dict" -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    for (int i = 0; i < a.size(); i += 2) {
                        String key = GoValues.strval(a.get(i));
                        d.put(key, i + 1 < a.size() ? a.get(i + 1) : "");
                    }
                    return d;
                }
                case "get" -> {
                    Args.count("get", a, 2);
                    Map<String, Object> d = Args.map(a, 0);
                    String key = Args.string(a, 1);
                    if (d != null && d.containsKey(key)) {
                        return d.get(key);
                    }
                    return "";
                }
                case "set" -> {
                    Args.count("set", a, 3);
                    Map<String, Object> d = Args.map(a, 0);
                    String key = Args.string(a, 1);
                    if (d == null) {
                        throw new TemplateFunctionException("assignment to entry in nil map");
                    }
                    d.put(key, a.get(2));
                    return d;
                }
                case "unset" -> {
                    Args.count("unset", a, 2);
                    Map<String, Object> d = Args.map(a, 0);
                    String key = Args.string(a, 1);
                    if (d != null) {
                        d.remove(key);
                    }
                    return d;
                }
                case "hasKey" -> {
                    Args.count("hasKey", a, 2);
                    Map<String, Object> d = Args.map(a, 0);
                    String key = Args.string(a, 1);
                    return d != null && d.containsKey(key);
                }
                case "pluck" -> {
                    Args.atLeast("pluck", a, 1);
                    String key = Args.string(a, 0);
                    List<Object> res = new ArrayList<>();
                    for (int i = 1; i < a.size(); i++) {
                        Map<String, Object> d = Args.map(a, i);
                        if (d != null && d.containsKey(key)) {
                            res.add(d.get(key));
                        }
                    }
                    return res;
                }
                case "keys" -> {
                    List<String> k = new ArrayList<>();
                    for (int i = 0; i < a.size(); i++) {
                        Map<String, Object> d = Args.map(a, i);
                        if (d != null) {
                            k.addAll(d.keySet());
                        }
                    }
                    return GoSlice.ofStrings(k);
                }
                case "values" -> {
                    Args.count("values", a, 1);
                    Map<String, Object> d = Args.map(a, 0);
                    return d == null ? new ArrayList<>() : new ArrayList<>(d.values());
                }
                case "pick" -> {
                    Args.atLeast("pick", a, 1);
                    Map<String, Object> d = Args.map(a, 0);
                    Map<String, Object> res = new LinkedHashMap<>();
                    for (int i = 1; i < a.size(); i++) {
                        String k = Args.string(a, i);
                        if (d != null && d.containsKey(k)) {
                            res.put(k, d.get(k));
                        }
                    }
                    return res;
                }
                case "omit" -> {
                    Args.atLeast("omit", a, 1);
                    Map<String, Object> d = Args.map(a, 0);
                    List<String> omit = new ArrayList<>();
                    for (int i = 1; i < a.size(); i++) {
                        omit.add(Args.string(a, i));
                    }
                    Map<String, Object> res = new LinkedHashMap<>();
                    if (d != null) {
                        for (Map.Entry<String, Object> e : d.entrySet()) {
                            if (!omit.contains(e.getKey())) {
                                res.put(e.getKey(), e.getValue());
                            }
                        }
                    }
                    return res;
                }
                case "deepCopy" -> {
                    Args.count("deepCopy", a, 1);
                    return GoValues.deepCopy(a.get(0));
                }
                case "mustDeepCopy" -> {
                    Args.count("mustDeepCopy", a, 1);
                    return GoValues.deepCopy(a.get(0));
                }
                case "dig" -> {
                    if (a.size() < 3) {
                        throw new TemplateFunctionException("dig needs at least three arguments");
                    }
                    Object last = a.get(a.size() - 1);
                    Map<String, Object> dict = asPlainMap(last);
                    Object def = a.get(a.size() - 2);
                    List<String> ks = new ArrayList<>();
                    for (int i = 0; i < a.size() - 2; i++) {
                        if (!(a.get(i) instanceof String s)) {
                            throw new TemplateFunctionException("interface conversion: interface {} is "
                                    + dev.runway.render.gofmt.GoFmt.typeName(a.get(i)) + ", not string");
                        }
                        ks.add(s);
                    }
                    return dig(dict, def, ks);
                }
                case "merge", "mustMerge", "mergeOverwrite", "mustMergeOverwrite" -> {
                    Args.atLeast(name, a, 1);
                    boolean overwrite = name.contains("Overwrite");
                    Map<String, Object> dst = Args.map(a, 0);
                    if (dst == null) {
                        dst = new LinkedHashMap<>();
                    }
                    for (int i = 1; i < a.size(); i++) {
                        Map<String, Object> src = Args.map(a, i);
                        if (src != null) {
                            mergeInto(dst, src, overwrite);
                        }
                    }
                    return dst;
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    private static Object dig(Map<String, Object> dict, Object def, List<String> ks) throws TemplateFunctionException {
        String k = ks.get(0);
        if (!dict.containsKey(k)) {
            return def;
        }
        Object step = dict.get(k);
        if (ks.size() == 1) {
            return step;
        }
        return dig(asPlainMap(step), def, ks.subList(1, ks.size()));
    }

    /**
     * Sprig's dig asserts {@code v.(map[string]interface{})}, which a named map type fails even with that underlying
     * type: Helm's {@code .Values} and {@code $} (chartutil/common.Values) panic there, where a parameter of that type
     * (get, hasKey, merge) would accept them.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asPlainMap(Object v) throws TemplateFunctionException {
        if (v instanceof Map && !(v instanceof dev.runway.render.gofmt.GoFmt.GoTyped)) {
            return (Map<String, Object>) v;
        }
        throw new TemplateFunctionException("interface conversion: interface {} is "
                + dev.runway.render.gofmt.GoFmt.typeName(v) + ", not map[string]interface {}");
    }

    /** mergo's deepMerge of two map[string]interface{} (Merge, or MergeWithOverwrite when overwrite is set). */
    static void mergeInto(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
        boolean srcEmpty = src.isEmpty();
        for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
            String key = e.getKey();
            Object s = e.getValue();
            boolean dstHas = dst.containsKey(key);
            Object d = dst.get(key);
            if (s == null) {
                if (overwrite) {
                    dst.put(key, null);
                }
                continue;
            }
            if (s instanceof Map<?, ?> sm) {
                if (d instanceof Map<?, ?> dm) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> dTyped = (Map<String, Object>) dm;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> sTyped = (Map<String, Object>) sm;
                    mergeInto(dTyped, sTyped, overwrite);
                }
            } else if (GoValues.isList(s)) {
                Object dstSlice = (!dstHas || d == null) ? new ArrayList<>() : d;
                if (!srcEmpty && (overwrite || dst.isEmpty())) {
                    dstSlice = s;
                }
                dst.put(key, dstSlice);
            }
            boolean dstEmpty = !dstHas || GoValues.isZero(d);
            if (dstHas && !GoValues.isZero(d) && (GoValues.isList(s) || (s instanceof Map && d instanceof Map))) {
                continue;
            }
            if (overwrite || dstEmpty) {
                dst.put(key, s);
            }
        }
    }
}
