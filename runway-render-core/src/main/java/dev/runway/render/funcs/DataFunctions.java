package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import java.util.List;
import java.util.Map;

/** Helm's serialisation functions (toYaml, fromYaml, toJson, fromJson, toToml) and Sprig's JSON variants. */
final class DataFunctions {

    private DataFunctions() {}

    /** Texts longer than this are parsed each time rather than remembered for the render. */
    private static final int MAX_REMEMBERED_YAML = 16 * 1024;

    /**
     * A fromYaml text as a key of the render's remembered results. Written-out equals and hashCode: records' generated
     * ones bootstrap through java.lang.runtime.ObjectMethods, which spins many method-handle classes the first time
     * in a JVM (issue 19).
     */
    private record FromYamlKey(String text) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FromYamlKey k && text.equals(k.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /**
     * Helm's fromYaml. Helpers often parse the same small text many times in one render (a labels helper included
     * into every document, then read back with fromYaml): the first parse is kept for the render and later calls
     * get a fresh copy of it, since templates may change the map they get ({@code set}, {@code unset}).
     */
    private static Map<String, Object> fromYaml(FunctionContext c, String text) {
        if (!(c instanceof TemplateContext t) || text.length() > MAX_REMEMBERED_YAML) {
            return GoYaml.fromYaml(text);
        }
        FromYamlKey key = new FromYamlKey(text);
        Object kept = t.scope().remembered(key);
        if (kept != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) GoValues.deepCopy(kept);
            return copy;
        }
        Map<String, Object> parsed = GoYaml.fromYaml(text);
        t.scope().remember(key, GoValues.deepCopy(parsed));
        return parsed;
    }

    /** This theme's function {@code name}, one of the names FunctionTheme lists for it (FunctionTheme.create checks). */
    static TemplateFunction lookup(String name) {
        return new DataFunction(name);
    }

    /**
     * The YAML and JSON functions: one class that switches on the name rather than a lambda per function: in a fresh
     * JVM each lambda is a class spun at its first use (about half a millisecond, interpreted), and a render calls
     * several.
     */
    private static final class DataFunction implements TemplateFunction {
        private final String name;
        private final ResultCharge charge;

        DataFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
            this.charge =
                    name.startsWith("from") || name.equals("mustFromJson") ? ResultCharge.TREE : ResultCharge.TOP_LEVEL;
        }

        @Override
        public ResultCharge resultCharge() {
            return charge;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "toYaml" -> {
                    Args.count("toYaml", a, 1);
                    return GoYaml.toYaml(a.get(0));
                }
                case "mustToYaml" -> {
                    Args.count("mustToYaml", a, 1);
                    try {
                        return GoYaml.mustToYaml(a.get(0));
                    } catch (GoYamlException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "toYamlPretty" -> {
                    Args.count("toYamlPretty", a, 1);
                    return GoYaml.toYamlPretty(a.get(0));
                }
                case "fromYaml" -> {
                    Args.count("fromYaml", a, 1);
                    return fromYaml(c, Args.string(a, 0));
                }
                case "fromYamlArray" -> {
                    Args.count("fromYamlArray", a, 1);
                    return GoYaml.fromYamlArray(Args.string(a, 0));
                }
                case "toJson" -> {
                    Args.count("toJson", a, 1);
                    return GoJson.toJson(a.get(0));
                }
                case "mustToJson" -> {
                    Args.count("mustToJson", a, 1);
                    try {
                        return GoJson.marshal(a.get(0));
                    } catch (GoJson.GoJsonException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "toPrettyJson" -> {
                    Args.count("toPrettyJson", a, 1);
                    return GoJson.toPrettyJson(a.get(0));
                }
                case "mustToPrettyJson" -> {
                    Args.count("mustToPrettyJson", a, 1);
                    try {
                        return GoJson.marshalIndent(a.get(0));
                    } catch (GoJson.GoJsonException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "toRawJson", "mustToRawJson" -> {
                    Args.count("toRawJson", a, 1);
                    try {
                        return GoJson.marshalRaw(a.get(0));
                    } catch (GoJson.GoJsonException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "fromJson" -> {
                    Args.count("fromJson", a, 1);
                    return GoJson.fromJson(Args.string(a, 0));
                }
                case "fromJsonArray" -> {
                    Args.count("fromJsonArray", a, 1);
                    return GoJson.fromJsonArray(Args.string(a, 0));
                }
                case "mustFromJson" -> {
                    Args.count("mustFromJson", a, 1);
                    try {
                        return GoJson.read(Args.string(a, 0));
                    } catch (GoYamlException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "fromToml" -> {
                    Args.count("fromToml", a, 1);
                    return TomlReader.fromToml(Args.string(a, 0));
                }
                case "toToml" -> {
                    Args.count("toToml", a, 1);
                    return Toml.encode(a.get(0));
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }
}
