package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Chart.yaml (and requirements.yaml) into {@link ChartMetadata} the way Helm's loader does:
 * {@code yaml.Unmarshal} of sigs.k8s.io/yaml into {@code chart.Metadata}. That is go-yaml v2 decoding, then numbers and
 * booleans turned into text where the struct field is a string (a YAML float by Go's 32-bit {@code 'g'} format, so
 * {@code version: 1.10} reads as "1.10"'s float, "1.1"), then encoding/json decoding: keys matched to json names
 * (case-insensitively as a fallback, in sorted key order), unknown keys ignored, a null leaving a field as it was,
 * and a type mismatch reported with Go's text ({@code json: cannot unmarshal array into Go struct field
 * Metadata.home of type string}). Decoding into existing metadata (requirements.yaml after Chart.yaml) replaces
 * the fields the file names and keeps the others, down to the entries of lists of structs, which encoding/json decodes
 * into the entry already at that index (so a requirements.yaml entry without {@code condition} keeps the condition of
 * the Chart.yaml entry at the same place).
 */
final class ChartYaml {
    private static final String ERROR_PREFIX = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ";

    private ChartYaml() {}

    /** An empty Metadata, as {@code new(chart.Metadata)}. */
    static ChartMetadata empty() {
        return new ChartMetadata(Map.of(), null, null, null, false, null, null, true);
    }

    /** Decodes {@code data} (the file {@code file}) into {@code into}; Helm's message on failure. */
    static ChartMetadata decode(String text, String file, ChartMetadata into, HelmVersion version) {
        return decode(read(text, file), file, into, version);
    }

    /** The YAML of {@code file} as Chart.yaml is decoded (Go's own number types); Helm's message on failure. */
    static Object read(String text, String file) {
        try {
            return GoYaml.readYamlTyped(text, file);
        } catch (RuntimeException e) {
            throw new RenderException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes {@code yaml}, as {@link #read} returned it for {@code file}, into {@code into}. */
    static ChartMetadata decode(Object yaml, String file, ChartMetadata into, HelmVersion version) {
        try {
            return new Decoder(version.isHelm4() ? "v2" : "chart").metadata(yaml, into);
        } catch (TypeMismatch e) {
            throw new RenderException("cannot load " + file + ": " + ERROR_PREFIX + e.getMessage());
        }
    }

    /**
     * Helm 4 reads the top chart's Chart.yaml once more before loading, into {@code loader.chartBase} (just
     * apiVersion) to pick the chart format (pkg/chart/loader/load.go): a file that is no map, or an apiVersion that is
     * no string, fails there first, with that type in the message.
     */
    static void checkFormat(Object yaml) {
        String problem = null;
        if (yaml != null && !(yaml instanceof Map)) {
            problem = GoJson.jsonKind(yaml) + " into Go value of type loader.chartBase";
        } else if (yaml instanceof Map<?, ?> map) {
            for (String key : sortedKeys(map)) {
                Object v = map.get(key);
                if (match(key, "apiVersion") != null && v != null && scalarText(v) == null) {
                    problem = GoJson.jsonKind(v) + " into Go struct field chartBase.apiVersion of type string";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new RenderException("cannot load Chart.yaml: " + ERROR_PREFIX + problem);
        }
    }

    /** encoding/json's UnmarshalTypeError text after "cannot unmarshal ". */
    private static final class TypeMismatch extends Exception {
        TypeMismatch(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Decoder {
        /** Go's package of chart.Metadata as type names in errors print it (Helm 4: v2; Helm 3.21: chart). */
        private final String packageName;
        /** encoding/json keeps going after a type mismatch and reports the first one at the end. */
        private TypeMismatch first;

        Decoder(String packageName) {
            this.packageName = packageName;
        }

        ChartMetadata metadata(Object yaml, ChartMetadata into) throws TypeMismatch {
            if (yaml == null) {
                return into;
            }
            if (!(yaml instanceof Map<?, ?> map)) {
                throw new TypeMismatch(GoJson.jsonKind(yaml) + " into Go value of type " + packageName + ".Metadata");
            }
            Map<String, String> strings = new LinkedHashMap<>();
            for (String key : List.of(
                    "name",
                    "home",
                    "version",
                    "description",
                    "icon",
                    "apiVersion",
                    "condition",
                    "tags",
                    "appVersion",
                    "kubeVersion",
                    "type")) {
                strings.put(key, into.string(key));
            }
            List<String> sources = into.sources();
            List<String> keywords = into.keywords();
            List<ChartMaintainer> maintainers = into.maintainers();
            boolean deprecated = into.deprecated();
            Map<String, String> annotations = into.annotations();
            List<ChartDependency> dependencies = into.hasDependencyList() ? new ArrayList<>(into.dependencies()) : null;
            for (String key : sortedKeys(map)) {
                Object value = map.get(key);
                String field = match(
                        key,
                        "name",
                        "home",
                        "sources",
                        "version",
                        "description",
                        "keywords",
                        "maintainers",
                        "icon",
                        "apiVersion",
                        "condition",
                        "tags",
                        "appVersion",
                        "deprecated",
                        "annotations",
                        "kubeVersion",
                        "dependencies",
                        "type");
                if (field == null) {
                    continue;
                }
                String where = "Metadata." + field;
                switch (field) {
                    case "sources" -> sources = stringList(value, sources, where);
                    case "keywords" -> keywords = stringList(value, keywords, where);
                    case "maintainers" -> maintainers = maintainerList(value, maintainers, where);
                    case "deprecated" -> deprecated = bool(value, deprecated, where);
                    case "annotations" -> annotations = stringMap(value, annotations, where);
                    case "dependencies" -> dependencies = dependencyList(value, dependencies, where);
                    default -> strings.put(field, string(value, strings.get(field), where));
                }
            }
            if (first != null) {
                throw first;
            }
            return new ChartMetadata(
                    strings, sources, keywords, maintainers, deprecated, annotations, dependencies, true);
        }

        /** One entry, decoded into the entry already at its index (encoding/json reuses a slice's elements). */
        private ChartDependency dependency(Object value, ChartDependency existing, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                mismatch(value, where, packageName + ".Dependency");
                return existing;
            }
            ChartDependency base =
                    existing != null ? existing : new ChartDependency("", "", "", "", null, false, null, "");
            String name = base.name();
            String version = base.version();
            String repository = base.repository();
            String condition = base.condition();
            List<String> tags = base.tags();
            boolean enabled = base.enabled();
            List<Object> importValues = base.importValues();
            String alias = base.alias();
            for (String key : sortedKeys(map)) {
                Object v = map.get(key);
                String field = match(
                        key, "name", "version", "repository", "condition", "tags", "enabled", "import-values", "alias");
                if (field == null) {
                    continue;
                }
                String at = "Dependency.dependencies." + field;
                switch (field) {
                    case "name" -> name = string(v, name, at);
                    case "version" -> version = string(v, version, at);
                    case "repository" -> repository = string(v, repository, at);
                    case "condition" -> condition = string(v, condition, at);
                    case "tags" -> tags = stringList(v, tags, at);
                    case "enabled" -> enabled = bool(v, enabled, at);
                    case "import-values" -> importValues = interfaceList(v, importValues, at);
                    default -> alias = string(v, alias, at);
                }
            }
            return new ChartDependency(name, version, repository, condition, tags, enabled, importValues, alias);
        }

        private ChartMaintainer maintainer(Object value, ChartMaintainer existing, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                mismatch(value, where, packageName + ".Maintainer");
                return existing;
            }
            String name = existing == null ? "" : existing.name();
            String email = existing == null ? "" : existing.email();
            String url = existing == null ? "" : existing.url();
            for (String key : sortedKeys(map)) {
                Object v = map.get(key);
                String field = match(key, "name", "email", "url");
                if (field == null) {
                    continue;
                }
                String at = "Maintainer.maintainers." + field;
                switch (field) {
                    case "name" -> name = string(v, name, at);
                    case "email" -> email = string(v, email, at);
                    default -> url = string(v, url, at);
                }
            }
            return new ChartMaintainer(name, email, url);
        }

        private List<ChartDependency> dependencyList(Object value, List<ChartDependency> current, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                mismatch(value, where, "[]*" + packageName + ".Dependency");
                return current;
            }
            List<ChartDependency> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(dependency(list.get(i), current != null && i < current.size() ? current.get(i) : null, where));
            }
            return out;
        }

        private List<ChartMaintainer> maintainerList(Object value, List<ChartMaintainer> current, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                mismatch(value, where, "[]*" + packageName + ".Maintainer");
                return current;
            }
            List<ChartMaintainer> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(maintainer(list.get(i), current != null && i < current.size() ? current.get(i) : null, where));
            }
            return out;
        }

        /** A string field: numbers and booleans become text (sigs.k8s.io/yaml), null leaves the field. */
        private String string(Object value, String current, String where) {
            if (value == null) {
                return current;
            }
            String text = scalarText(value);
            if (text == null) {
                mismatch(value, where, "string");
                return current;
            }
            return text;
        }

        private boolean bool(Object value, boolean current, String where) {
            if (value == null) {
                return current;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            mismatch(value, where, "bool");
            return current;
        }

        private List<String> stringList(Object value, List<String> current, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                mismatch(value, where, "[]string");
                return current;
            }
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                out.add(string(item, "", where));
            }
            return out;
        }

        /** map[string]string: decoded into the existing map, as encoding/json does with a non-nil map. */
        private Map<String, String> stringMap(Object value, Map<String, String> current, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                mismatch(value, where, "map[string]string");
                return current;
            }
            Map<String, String> out = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            for (String key : sortedKeys(map)) {
                out.put(key, string(map.get(key), "", where));
            }
            return out;
        }

        /** []interface{}: the JSON values as they are (numbers as float64). */
        private List<Object> interfaceList(Object value, List<Object> current, String where) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                mismatch(value, where, "[]interface {}");
                return current;
            }
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(jsonValue(item));
            }
            return out;
        }

        private void mismatch(Object value, String where, String type) {
            if (first == null) {
                first = new TypeMismatch(
                        GoJson.jsonKind(value) + " into Go struct field " + where + " of type " + type);
            }
        }
    }

    /** The text sigs.k8s.io/yaml gives a scalar for a string field, or null for maps and lists. */
    private static String scalarText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return GoStrconv.formatFloat(d, 'g', -1, 32);
        }
        return null;
    }

    /** A go-yaml value as it comes out of the JSON step: numbers as float64. */
    private static Object jsonValue(Object v) {
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new RenderException(
                    "error converting YAML to JSON: json: unsupported value: " + GoStrconv.formatFloat(d, 'g', -1, 64));
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), jsonValue(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                out.add(jsonValue(item));
            }
            return out;
        }
        return v;
    }

    /** json.Marshal sorts map keys, so encoding/json sees them in byte order; the last match of a field wins. */
    private static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        keys.sort(GoJson.UTF8_ORDER);
        return keys;
    }

    /** The json field name {@code key} decodes into: an exact match, else a case-insensitive one, else null. */
    private static String match(String key, String... fields) {
        for (String f : fields) {
            if (f.equals(key)) {
                return f;
            }
        }
        for (String f : fields) {
            if (f.equalsIgnoreCase(key)) {
                return f;
            }
        }
        return null;
    }
}
