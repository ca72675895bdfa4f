package dev.runway.render.chart;

import dev.runway.render.api.RenderException;
import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.semver.SemverRange;
import dev.runway.render.template.GoStruct;
import dev.runway.render.yaml.GoJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chart.yaml as Helm's {@code chart.Metadata}: typed fields read as sigs.k8s.io/yaml reads them ({@link ChartYaml}),
 * checked and sanitized as {@code Metadata.Validate} does, and seen by templates as {@code .Chart}: the struct
 * {@code struct { chart.Metadata; IsRoot bool }} with Go's field names ({@code Name}, {@code Version},
 * {@code AppVersion}, {@code Maintainers}, ...) plus {@code IsRoot}.
 */
public final class ChartMetadata implements GoStruct, GoJson.JsonMarshaler {
    /** Prefix of Helm's chart.ValidationError. */
    static final String VALIDATION = "validation: ";

    /** The string fields, by Go field name, with their json names (in the struct's declaration order). */
    private static final Map<String, String> STRING_FIELDS = new LinkedHashMap<>();

    static {
        STRING_FIELDS.put("Name", "name");
        STRING_FIELDS.put("Home", "home");
        STRING_FIELDS.put("Version", "version");
        STRING_FIELDS.put("Description", "description");
        STRING_FIELDS.put("Icon", "icon");
        STRING_FIELDS.put("APIVersion", "apiVersion");
        STRING_FIELDS.put("Condition", "condition");
        STRING_FIELDS.put("Tags", "tags");
        STRING_FIELDS.put("AppVersion", "appVersion");
        STRING_FIELDS.put("KubeVersion", "kubeVersion");
        STRING_FIELDS.put("Type", "type");
    }

    /** chart.Metadata's fields in declaration order (fmt prints them so; Helm 4's map keeps them). */
    private static final List<String> DECLARED = List.of(
            "Name",
            "Home",
            "Sources",
            "Version",
            "Description",
            "Keywords",
            "Maintainers",
            "Icon",
            "APIVersion",
            "Condition",
            "Tags",
            "AppVersion",
            "Deprecated",
            "Annotations",
            "KubeVersion",
            "Dependencies",
            "Type");

    /** Every exported field of chart.Metadata. */
    private static final Set<String> FIELDS = Set.copyOf(DECLARED);

    private final Map<String, String> strings;
    private final List<String> sources;
    private final List<String> keywords;
    private final List<ChartMaintainer> maintainers;
    private final boolean deprecated;
    private final Map<String, String> annotations;
    private final List<ChartDependency> dependencies;
    private final boolean root;

    /**
     * @param strings      the string fields by json name ({@code name}, {@code version}, ...); absent ones are ""
     * @param sources      null when absent (Go's nil slice); so are keywords, maintainers, annotations, dependencies
     * @param maintainers  entries may be null (a YAML null in the list), which validation refuses
     * @param dependencies entries may be null, which validation refuses
     */
    ChartMetadata(
            Map<String, String> strings,
            List<String> sources,
            List<String> keywords,
            List<ChartMaintainer> maintainers,
            boolean deprecated,
            Map<String, String> annotations,
            List<ChartDependency> dependencies,
            boolean root) {
        this.strings = Map.copyOf(strings);
        this.sources = sources == null ? null : List.copyOf(sources);
        this.keywords = keywords == null ? null : List.copyOf(keywords);
        this.maintainers = maintainers == null ? null : Collections.unmodifiableList(new ArrayList<>(maintainers));
        this.deprecated = deprecated;
        this.annotations = annotations == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        this.dependencies = dependencies == null ? null : Collections.unmodifiableList(new ArrayList<>(dependencies));
        this.root = root;
    }

    /** Metadata with just name, version and apiVersion (tests, charts built in code). */
    public static ChartMetadata of(String name, String version, String apiVersion) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("version", version);
        s.put("apiVersion", apiVersion);
        return new ChartMetadata(s, null, null, null, false, null, null, true);
    }

    ChartMetadata asRoot(boolean isRoot) {
        return new ChartMetadata(
                strings, sources, keywords, maintainers, deprecated, annotations, dependencies, isRoot);
    }

    /** The same metadata with another {@code apiVersion} (the loader's v1 for a Chart.yaml without one). */
    ChartMetadata withApiVersion(String apiVersion) {
        Map<String, String> s = new LinkedHashMap<>(strings);
        s.put("apiVersion", apiVersion);
        return new ChartMetadata(s, sources, keywords, maintainers, deprecated, annotations, dependencies, root);
    }

    /** The same metadata with another {@code name} (a dependency's alias). */
    ChartMetadata withName(String name) {
        Map<String, String> s = new LinkedHashMap<>(strings);
        s.put("name", name);
        return new ChartMetadata(s, sources, keywords, maintainers, deprecated, annotations, dependencies, root);
    }

    /** The same metadata with other {@code dependencies} (null: none, as Go's nil slice). */
    ChartMetadata withDependencies(List<ChartDependency> deps) {
        return new ChartMetadata(strings, sources, keywords, maintainers, deprecated, annotations, deps, root);
    }

    /** The same Chart.yaml with {@code version} and {@code appVersion} replaced where the argument is not empty. */
    public ChartMetadata withVersions(String version, String appVersion) {
        Map<String, String> s = new LinkedHashMap<>(strings);
        if (version != null && !version.isEmpty()) {
            s.put("version", version);
        }
        if (appVersion != null && !appVersion.isEmpty()) {
            s.put("appVersion", appVersion);
        }
        return new ChartMetadata(s, sources, keywords, maintainers, deprecated, annotations, dependencies, root);
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

    public String description() {
        return string("description");
    }

    public String type() {
        return string("type");
    }

    public String kubeVersion() {
        return string("kubeVersion");
    }

    public boolean deprecated() {
        return deprecated;
    }

    /** The {@code dependencies} entries (empty when there are none). */
    public List<ChartDependency> dependencies() {
        return dependencies == null ? List.of() : dependencies;
    }

    /** {@code sources}, null when absent; so are the three below. */
    List<String> sources() {
        return sources;
    }

    List<String> keywords() {
        return keywords;
    }

    List<ChartMaintainer> maintainers() {
        return maintainers;
    }

    Map<String, String> annotations() {
        return annotations;
    }

    /** True when Chart.yaml (or requirements.yaml) has a {@code dependencies} list, even an empty one. */
    boolean hasDependencyList() {
        return dependencies != null;
    }

    String string(String jsonName) {
        return strings.getOrDefault(jsonName, "");
    }

    /**
     * Metadata.Validate (pkg/chart/v2/metadata.go, the same in Helm 3.21 and 4.1): the sanitized metadata, or a
     * {@link RenderException} with Helm's {@code validation: ...} message.
     */
    ChartMetadata validated() {
        Map<String, String> s = new LinkedHashMap<>(strings);
        for (String key :
                List.of("name", "description", "home", "icon", "condition", "tags", "appVersion", "kubeVersion")) {
            s.put(key, sanitize(s.getOrDefault(key, "")));
        }
        List<String> cleanSources = sanitizeAll(sources);
        List<String> cleanKeywords = sanitizeAll(keywords);
        String apiVersion = s.getOrDefault("apiVersion", "");
        String name = s.get("name");
        String version = s.getOrDefault("version", "");
        if (apiVersion.isEmpty()) {
            throw invalid("chart.metadata.apiVersion is required");
        }
        if (name.isEmpty()) {
            throw invalid("chart.metadata.name is required");
        }
        if (name.equals(".") || name.equals("..")) {
            throw invalid("chart.metadata.name " + GoStrconv.quote(name) + " is not allowed");
        }
        if (!name.equals(baseName(name))) {
            throw invalid("chart.metadata.name " + GoStrconv.quote(name) + " is invalid");
        }
        if (version.isEmpty()) {
            throw invalid("chart.metadata.version is required");
        }
        if (!SemverRange.isValidVersion(version)) {
            throw invalid("chart.metadata.version " + GoStrconv.quote(version) + " is invalid");
        }
        String type = s.getOrDefault("type", "");
        if (!type.isEmpty() && !type.equals("application") && !type.equals("library")) {
            throw invalid("chart.metadata.type must be application or library");
        }
        List<ChartMaintainer> cleanMaintainers = null;
        if (maintainers != null) {
            cleanMaintainers = new ArrayList<>();
            for (ChartMaintainer m : maintainers) {
                if (m == null) {
                    throw invalid("maintainers must not contain empty or null nodes");
                }
                cleanMaintainers.add(m.sanitized());
            }
        }
        List<ChartDependency> cleanDeps = null;
        if (dependencies != null) {
            cleanDeps = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ChartDependency d : dependencies) {
                if (d == null) {
                    throw invalid("dependencies must not contain empty or null nodes");
                }
                ChartDependency clean = d.validated();
                if (!seen.add(clean.effectiveName())) {
                    throw invalid(
                            "more than one dependency with name or alias " + GoStrconv.quote(clean.effectiveName()));
                }
                cleanDeps.add(clean);
            }
        }
        return new ChartMetadata(
                s, cleanSources, cleanKeywords, cleanMaintainers, deprecated, annotations, cleanDeps, root);
    }

    private static RenderException invalid(String message) {
        return new RenderException(VALIDATION + message);
    }

    /** Go's filepath.Base on a '/'-separated path. */
    private static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Each string sanitized, unmodifiable, or null for null (a loop: no stream classes for a render's one chart). */
    private static List<String> sanitizeAll(List<String> strings) {
        if (strings == null) {
            return null;
        }
        List<String> clean = new ArrayList<>(strings.size());
        for (String s : strings) {
            clean.add(sanitize(s));
        }
        return Collections.unmodifiableList(clean);
    }

    /** sanitizeString: Go's white space becomes ' ', characters that are not printable are dropped. */
    static String sanitize(String s) {
        // A loop, not String.codePoints(): its stream would load java.util.stream classes into every render.
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isGoSpace(cp)) {
                b.append(' ');
            } else if (isGoPrint(cp)) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** unicode.IsSpace. */
    private static boolean isGoSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isGoPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    // ---- .Chart in templates

    @Override
    public String goTypeName() {
        return "struct { chart.Metadata; IsRoot bool }";
    }

    @Override
    public boolean hasField(String name) {
        return FIELDS.contains(name) || name.equals("IsRoot") || name.equals("Metadata");
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "IsRoot" -> root;
            case "Metadata" -> new Embedded(this);
            case "Sources" -> strings(sources);
            case "Keywords" -> strings(keywords);
            case "Maintainers" -> maintainers == null ? GoSlice.nilInterfaces() : maintainers;
            case "Deprecated" -> deprecated;
            case "Annotations" -> annotations == null ? dev.runway.render.gofmt.GoNilMap.INSTANCE : annotations;
            case "Dependencies" -> dependencies == null ? GoSlice.nilInterfaces() : dependencies;
            default -> string(STRING_FIELDS.get(name));
        };
    }

    /**
     * {@code .Chart} in Helm 4: the metadata struct turned into a map by field name (pkg/chart/common.go
     * structToMap), with {@code IsRoot} added. Nested maintainers and dependencies become maps of their fields and
     * every slice a list (empty when absent); annotations stay a (possibly nil) map. So a missing field is no value
     * instead of an error, and the map prints and serialises with Go's field names as keys.
     */
    public Map<String, Object> asHelm4Map() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : DECLARED) {
            out.put(name, helm4Value(field(name)));
        }
        out.put("IsRoot", root);
        return out;
    }

    private static Object helm4Value(Object v) {
        if (v instanceof ChartMaintainer m) {
            return structMap(m, List.of("Name", "Email", "URL"));
        }
        if (v instanceof ChartDependency d) {
            return structMap(
                    d,
                    List.of("Name", "Version", "Repository", "Condition", "Tags", "Enabled", "ImportValues", "Alias"));
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(helm4Value(item));
            }
            return copy;
        }
        return v;
    }

    private static Map<String, Object> structMap(GoStruct struct, List<String> fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String f : fields) {
            map.put(f, helm4Value(struct.field(f)));
        }
        return map;
    }

    private static Object strings(List<String> list) {
        return list == null ? GoSlice.nilStrings() : GoSlice.ofStrings(list);
    }

    /** json.Marshal of the embedded chart.Metadata (json tags, all omitempty) and then IsRoot. */
    @Override
    public Object toJsonValue() {
        GoJson.StructObject json = metadataJson();
        json.put("IsRoot", root);
        return json;
    }

    private GoJson.StructObject metadataJson() {
        GoJson.StructObject json = new GoJson.StructObject();
        json.fieldOmitEmpty("name", name());
        json.fieldOmitEmpty("home", string("home"));
        json.fieldOmitEmpty("sources", sources);
        json.fieldOmitEmpty("version", version());
        json.fieldOmitEmpty("description", description());
        json.fieldOmitEmpty("keywords", keywords);
        json.fieldOmitEmpty("maintainers", maintainers);
        json.fieldOmitEmpty("icon", string("icon"));
        json.fieldOmitEmpty("apiVersion", apiVersion());
        json.fieldOmitEmpty("condition", string("condition"));
        json.fieldOmitEmpty("tags", string("tags"));
        json.fieldOmitEmpty("appVersion", appVersion());
        json.fieldOmitEmpty("deprecated", deprecated);
        json.fieldOmitEmpty("annotations", annotations);
        json.fieldOmitEmpty("kubeVersion", kubeVersion());
        json.fieldOmitEmpty("dependencies", dependencies);
        json.fieldOmitEmpty("type", type());
        return json;
    }

    /** fmt's %v of the struct: {{Name Home Sources Version ...} IsRoot}. */
    @Override
    public String toString() {
        return "{" + metadataString() + " " + root + "}";
    }

    /**
     * fmt's %v of chart.Metadata, fields in declaration order. Go prints the maintainer and dependency pointers inside
     * their slices as addresses, which no other program can reproduce; they print as their struct here.
     */
    private String metadataString() {
        List<String> parts = new ArrayList<>();
        for (String field : DECLARED) {
            parts.add(dev.runway.render.gofmt.GoFmt.formatValue(field(field)));
        }
        return "{" + String.join(" ", parts) + "}";
    }

    /** {@code .Chart.Metadata}: the embedded chart.Metadata on its own (no IsRoot). */
    private record Embedded(ChartMetadata metadata) implements GoStruct, GoJson.JsonMarshaler {
        @Override
        public String goTypeName() {
            return "chart.Metadata";
        }

        @Override
        public String goString() {
            return metadata.metadataString();
        }

        @Override
        public boolean hasField(String name) {
            return FIELDS.contains(name);
        }

        @Override
        public Object field(String name) {
            return metadata.field(name);
        }

        @Override
        public Object toJsonValue() {
            return metadata.metadataJson();
        }

        @Override
        public String toString() {
            return goString();
        }
    }
}
