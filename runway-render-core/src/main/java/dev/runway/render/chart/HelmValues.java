package dev.runway.render.chart;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.GoMethodMap;
import dev.runway.render.template.TemplateArityException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helm's {@code Values} type ({@code chartutil.Values} in Helm 3, {@code common.Values} in Helm 4): the map behind
 * {@code .Values} and {@code .Template}, a view of the render's own map (so {@code set} and {@code unset} change what
 * every template sees, as in Go), with the type's methods: {@code AsMap}, {@code YAML}, {@code Table} and
 * {@code PathValue}. As in Go, a method wins over a key of the same name.
 */
final class HelmValues extends GoMethodMap implements GoFmt.GoTyped, GoValues.NamedMap {
    private final Map<String, Object> map;
    private final String goPackage;

    HelmValues(Map<String, Object> map, String goPackage) {
        this.map = map;
        this.goPackage = goPackage;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map.entrySet();
    }

    @Override
    public Object get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        return map.put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return map.remove(key);
    }

    @Override
    public Map<String, Object> underlying() {
        return map;
    }

    @Override
    public Map<String, Object> withEntries(Map<String, Object> entries) {
        return new HelmValues(entries, goPackage);
    }

    @Override
    public String goTypeName() {
        return goPackage + ".Values";
    }

    @Override
    public String goString() {
        return GoFmt.formatValue(map);
    }

    @Override
    public TemplateFunction method(String name) {
        // Every .Values.key read asks here first; Go methods are exported (upper case), values keys mostly are not,
        // and the string switch below hashes the name.
        if (name.isEmpty() || name.charAt(0) < 'A' || name.charAt(0) > 'Z') {
            return null;
        }
        return switch (name) {
            case "AsMap" ->
                (c, a) -> {
                    arity(name, a, 0);
                    // AsMap returns the map itself, as a map[string]interface{}.
                    return map.isEmpty() ? new LinkedHashMap<String, Object>() : map;
                };
            case "YAML" ->
                (c, a) -> {
                    arity(name, a, 0);
                    try {
                        return GoYaml.marshal(map);
                    } catch (GoJson.GoJsonException e) {
                        throw new TemplateFunctionException("error marshaling into JSON: " + e.getMessage());
                    } catch (GoYamlException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                };
            case "Table" ->
                (c, a) -> {
                    arity(name, a, 1);
                    return new HelmValues(table(string(a)), goPackage);
                };
            case "PathValue" ->
                (c, a) -> {
                    arity(name, a, 1);
                    return pathValue(string(a));
                };
            default -> null;
        };
    }

    /** Values.Table: the map at a dotted path of maps. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> table(String path) throws TemplateFunctionException {
        Map<String, Object> table = map;
        for (String key : path.split("\\.", -1)) {
            if (!table.containsKey(key) || !(table.get(key) instanceof Map)) {
                throw new TemplateFunctionException(GoFmt.sprintf("%q is not a table", key));
            }
            table = (Map<String, Object>) table.get(key);
        }
        return table;
    }

    /** Values.PathValue: the value (not a map) at a dotted path. */
    private Object pathValue(String path) throws TemplateFunctionException {
        if (path.isEmpty()) {
            throw new TemplateFunctionException("YAML path cannot be empty");
        }
        int dot = path.lastIndexOf('.');
        String key = path.substring(dot + 1);
        Map<String, Object> table;
        try {
            table = dot < 0 ? map : table(path.substring(0, dot));
        } catch (TemplateFunctionException e) {
            throw new TemplateFunctionException(GoFmt.sprintf("%q is not a value", key));
        }
        if (table.containsKey(key) && !(table.get(key) instanceof Map)) {
            return table.get(key);
        }
        throw new TemplateFunctionException(GoFmt.sprintf("%q is not a value", key));
    }

    private static void arity(String name, List<Object> a, int want) {
        if (a.size() != want) {
            throw new TemplateArityException(
                    "wrong number of args for " + name + ": want " + want + " got " + a.size());
        }
    }

    private static String string(List<Object> a) {
        if (a.get(0) instanceof String s) {
            return s;
        }
        throw new TemplateArityException("wrong type for value; expected string; got " + GoFmt.typeName(a.get(0)));
    }
}
