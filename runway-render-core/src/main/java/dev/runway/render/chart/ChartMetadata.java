package dev.runway.render.chart;

import dev.runway.render.template.GoStruct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chart.yaml as templates see it in {@code .Chart}: Helm's {@code chart.Metadata} field names ({@code Name},
 * {@code Version}, {@code AppVersion}, ...) plus {@code IsRoot}. Absent strings are empty, absent lists empty.
 */
public final class ChartMetadata implements GoStruct {
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
        if (LIST_FIELDS.contains(key)) {
            return v == null ? List.of() : v;
        }
        return v == null ? "" : String.valueOf(v);
    }

    @Override
    public String toString() {
        return "{" + raw + " " + root + "}";
    }
}
