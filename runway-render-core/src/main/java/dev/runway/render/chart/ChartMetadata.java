package dev.runway.render.chart;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoNilMap;
import dev.runway.render.template.GoStruct;
import dev.runway.render.yaml.GoJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chart.yaml as templates see it in {@code .Chart}: Helm's {@code chart.Metadata} field names ({@code Name},
 * {@code Version}, {@code AppVersion}, ...) plus {@code IsRoot}. Absent strings are empty, absent lists empty.
 * This is Helm 3's struct; Helm 4 gives templates a map of the same fields instead ({@link #asHelm4Map()}).
 */
public final class ChartMetadata implements GoStruct, GoJson.JsonMarshaler {
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("Name", "name");
        FIELDS.put("Home", "home");
        FIELDS.put("Sources", "sources");
        FIELDS.put("Version", "version");
        FIELDS.put("Description", "description");
        FIELDS.put("Keywords", "keywords");
        FIELDS.put("Maintainers", "maintainers");
        FIELDS.put("Icon", "icon");
        FIELDS.put("APIVersion", "apiVersion");
        FIELDS.put("Condition", "condition");
        FIELDS.put("Tags", "tags");
        FIELDS.put("AppVersion", "appVersion");
        FIELDS.put("Deprecated", "deprecated");
        FIELDS.put("Annotations", "annotations");
        FIELDS.put("KubeVersion", "kubeVersion");
        FIELDS.put("Dependencies", "dependencies");
        FIELDS.put("Type", "type");
    }

    private static final Set<String> LIST_FIELDS = Set.of("sources", "keywords", "maintainers", "dependencies");

    private final Map<String, Object> raw;
    private final boolean root;

    ChartMetadata(Map<String, Object> raw, boolean root) {
        this.raw = raw;
        this.root = root;
    }

    ChartMetadata asRoot(boolean isRoot) {
        return new ChartMetadata(raw, isRoot);
    }

    /** The same Chart.yaml with {@code version} and {@code appVersion} replaced where the argument is not empty. */
    public ChartMetadata withVersions(String version, String appVersion) {
        Map<String, Object> copy = new LinkedHashMap<>(raw);
        if (version != null && !version.isEmpty()) {
            copy.put("version", version);
        }
        if (appVersion != null && !appVersion.isEmpty()) {
            copy.put("appVersion", appVersion);
        }
        return new ChartMetadata(copy, root);
    }

    public String name() {
        return string("name");
    }

    public String version() {
        return string("version");
    }

    public String appVersion() {
        return string("appVersion");
    }

    public String apiVersion() {
        return string("apiVersion");
    }

    public String type() {
        return string("type");
    }

    public String kubeVersion() {
        return string("kubeVersion");
    }

    /** The {@code dependencies} entries of Chart.yaml, as maps. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> dependencies() {
        Object d = raw.get("dependencies");
        return d instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Chart.yaml as read, in the Go value model. */
    public Map<String, Object> raw() {
        return raw;
    }

    private String string(String key) {
        Object v = raw.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    @Override
    public String goTypeName() {
        return "struct { chart.Metadata; IsRoot bool }";
    }

    @Override
    public boolean hasField(String name) {
        return FIELDS.containsKey(name) || name.equals("IsRoot") || name.equals("Metadata");
    }

    @Override
    public Object field(String name) {
        if (name.equals("IsRoot")) {
            return root;
        }
        if (name.equals("Metadata")) {
            return this;
        }
        String key = FIELDS.get(name);
        Object v = raw.get(key);
        if (key.equals("deprecated")) {
            return Boolean.TRUE.equals(v);
        }
        if (key.equals("annotations")) {
            return v == null ? Map.of() : v;
        }
        if (key.equals("maintainers")) {
            return nested(v, Nested.MAINTAINER);
        }
        if (key.equals("dependencies")) {
            return nested(v, Nested.DEPENDENCY);
        }
        if (LIST_FIELDS.contains(key)) {
            return v == null ? List.of() : v;
        }
        return v == null ? "" : String.valueOf(v);
    }

    /**
     * The structs Chart.yaml lists hold: Go's field names, the Chart.yaml keys they come from (json tags), and which
     * keys json.Marshal writes even when empty (no omitempty).
     */
    private enum Nested {
        MAINTAINER("*chart.Maintainer", new String[][] {{"Name", "name"}, {"Email", "email"}, {"URL", "url"}},
                Set.of()),
        DEPENDENCY("*chart.Dependency", new String[][] {{"Name", "name"}, {"Version", "version"},
                {"Repository", "repository"}, {"Condition", "condition"}, {"Tags", "tags"}, {"Enabled", "enabled"},
                {"ImportValues", "import-values"}, {"Alias", "alias"}}, Set.of("name", "repository"));

        final String goType;
        final String[][] fields;
        final Set<String> alwaysInJson;

        Nested(String goType, String[][] fields, Set<String> alwaysInJson) {
            this.goType = goType;
            this.fields = fields;
            this.alwaysInJson = alwaysInJson;
        }

        /** The struct's fields by Go name, typed as Go types them (strings, bool, lists). */
        Map<String, Object> fieldsOf(Object entry) {
            Map<?, ?> m = entry instanceof Map<?, ?> map ? map : Map.of();
            Map<String, Object> struct = new LinkedHashMap<>();
            for (String[] f : fields) {
                Object v = m.get(f[1]);
                if (f[0].equals("Enabled")) {
                    v = Boolean.TRUE.equals(v);
                } else if (f[0].equals("Tags") || f[0].equals("ImportValues")) {
                    v = v instanceof List<?> l ? new java.util.ArrayList<Object>(l) : new java.util.ArrayList<>();
                } else {
                    v = v == null ? "" : String.valueOf(v);
                }
                struct.put(f[0], v);
            }
            return struct;
        }

        /** json.Marshal of the struct: its json tags, empty fields left out where the tag says omitempty. */
        GoJson.StructObject json(Map<String, Object> struct) {
            GoJson.StructObject json = new GoJson.StructObject();
            for (String[] f : fields) {
                Object v = struct.get(f[0]);
                if (alwaysInJson.contains(f[1]) || !isEmpty(v)) {
                    json.field(f[1], v);
                }
            }
            return json;
        }
    }

    /** A maintainer or dependency as Helm 3 templates see it: a pointer to Go's struct. */
    private record NestedStruct(Nested kind, Map<String, Object> fields) implements GoStruct, GoJson.JsonMarshaler {
        @Override
        public String goTypeName() {
            return kind.goType;
        }

        @Override
        public boolean hasField(String name) {
            return fields.containsKey(name);
        }

        @Override
        public Object field(String name) {
            return fields.get(name);
        }

        @Override
        public Object toJsonValue() {
            return kind.json(fields);
        }

        /** Go prints the pointer's address, which differs per run; this prints what it points to. */
        @Override
        public String toString() {
            return "&{" + String.join(" ", fields.values().stream().map(GoFmt::formatValue).toList()) + "}";
        }
    }

    private static List<Object> nested(Object entries, Nested kind) {
        List<Object> out = new java.util.ArrayList<>();
        for (Object entry : entries instanceof List<?> l ? l : List.of()) {
            out.add(new NestedStruct(kind, kind.fieldsOf(entry)));
        }
        return out;
    }

    /**
     * {@code .Chart} in Helm 4: the metadata struct turned into a map by field name (Helm's structToMap), with
     * {@code IsRoot} added. Nested structs become maps, every slice a list (empty when absent), annotations stay a
     * (possibly nil) map. So a missing field is no value instead of an error, and the map prints and serialises
     * with Go's field names as keys.
     */
    public Map<String, Object> asHelm4Map() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : FIELDS.keySet()) {
            Object v = field(name);
            if (name.equals("Annotations") && raw.get("annotations") == null) {
                v = GoNilMap.INSTANCE;
            } else if (v instanceof List<?> list) {
                List<Object> copy = new java.util.ArrayList<>();
                for (Object item : list) {
                    copy.add(item instanceof NestedStruct s ? new LinkedHashMap<>(s.fields()) : item);
                }
                v = copy;
            }
            out.put(name, v);
        }
        out.put("IsRoot", root);
        return out;
    }

    private static boolean isEmpty(Object v) {
        return v == null || "".equals(v) || Boolean.FALSE.equals(v) || v instanceof List<?> l && l.isEmpty()
                || v instanceof Map<?, ?> m && m.isEmpty();
    }

    /** json.Marshal of Helm 3's {@code struct { chart.Metadata; IsRoot bool }}: Chart.yaml's keys, omitempty. */
    @Override
    public Object toJsonValue() {
        GoJson.StructObject json = new GoJson.StructObject();
        for (Map.Entry<String, String> f : FIELDS.entrySet()) {
            Object v = field(f.getKey());
            if (!isEmpty(v)) {
                json.field(f.getValue(), v);
            }
        }
        return json.field("IsRoot", root);
    }

    /** fmt's form of Helm 3's struct: field values in declaration order. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{{");
        boolean first = true;
        for (String name : FIELDS.keySet()) {
            b.append(first ? "" : " ").append(GoFmt.formatValue(field(name)));
            first = false;
        }
        return b.append("} ").append(root).append("}").toString();
    }
}
