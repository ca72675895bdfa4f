package dev.runway.render.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of every built-in Kubernetes kind, as the official Kubernetes Java client's generated models
 * ({@code io.kubernetes:client-java-api}) give it: field names from {@code @SerializedName}, field types from the Java
 * field types, required fields from {@code openapiRequiredFields}. Nothing here lists fields by hand.
 *
 * <p>It is read from {@link KubeSchemaResource}, which {@code KubeSchemaGenerator} (test code) writes from the client's
 * class files and a test keeps current; the client is a test dependency only (issue 19: reading its class files cost
 * a cold {@code runway:verify} about 144 ms CPU, and the jar and its dependencies about 13 of the 55 POMs Maven read
 * for the plugin).
 *
 * <p>Which kinds exist in which group/version comes from the generated API classes: {@code AppsV1Api} has
 * {@code createNamespacedDeployment(String, V1Deployment)}, so {@code apps/v1 Deployment} is a namespaced kind
 * whose shape is {@code V1Deployment}.
 */
final class KubeSchema {

    /** The Kubernetes release that client-java-api 27.0.0 is generated from (its OpenAPI spec). */
    static final String KUBERNETES_VERSION = "1.36";

    static final String CLIENT_VERSION = "27.0.0";

    /** The package of the client's models: a {@link JavaType} of a model names its class in it. */
    static final String MODELS = "io.kubernetes.client.openapi.models.";

    private static final List<String> VERSION_NAMES = List.of(
            "V1",
            "V2",
            "V1beta1",
            "V1beta2",
            "V1beta3",
            "V2beta1",
            "V2beta2",
            "V1alpha1",
            "V1alpha2",
            "V1alpha3",
            "V2alpha1");

    /** The shapes of the scalar classes, by binary name. */
    private static final Map<String, Shape> SCALARS = Map.ofEntries(
            Map.entry("java.lang.String", Shape.Scalar.STRING),
            Map.entry("java.lang.Integer", Shape.Scalar.INT32),
            Map.entry("int", Shape.Scalar.INT32),
            Map.entry("java.lang.Long", Shape.Scalar.INT64),
            Map.entry("long", Shape.Scalar.INT64),
            Map.entry("java.lang.Double", Shape.Scalar.FLOAT),
            Map.entry("java.lang.Float", Shape.Scalar.FLOAT),
            Map.entry("java.math.BigDecimal", Shape.Scalar.FLOAT),
            Map.entry("java.lang.Boolean", Shape.Scalar.BOOLEAN),
            Map.entry("io.kubernetes.client.custom.IntOrString", Shape.Scalar.INT_OR_STRING),
            Map.entry("io.kubernetes.client.custom.Quantity", Shape.Scalar.QUANTITY),
            Map.entry("java.time.OffsetDateTime", Shape.Scalar.DATE_TIME),
            Map.entry("java.time.LocalDate", Shape.Scalar.DATE),
            Map.entry("byte[]", Shape.Scalar.BYTES));

    /**
     * A Java type of a model's field, as reflection's {@code Type} would give it.
     *
     * @param name      the binary name of a class ({@code java.util.List}), a primitive ({@code int}) or an array of
     *                  either ({@code byte[]}); {@link #NOT_A_CLASS} for what reflection gives as a type that is no
     *                  {@code Class} nor a parameterized class (a wildcard, a type variable, an array of a
     *                  parameterized type or of a type variable)
     * @param arguments the type arguments; empty for a type reflection gives as a plain {@code Class}
     */
    record JavaType(String name, List<JavaType> arguments) {
        static final String NOT_A_CLASS = "?";

        JavaType {
            arguments = List.copyOf(arguments);
        }

        static JavaType of(String name) {
            return new JavaType(name, List.of());
        }
    }

    /**
     * A built-in kind.
     *
     * @param modelName the binary name of its model class ({@link #objectShape} reads its fields)
     */
    record KindInfo(String apiVersion, String kind, String modelName, boolean namespaced) {}

    /** What a lookup of apiVersion/kind found. */
    sealed interface Lookup {
        record Found(KindInfo info) implements Lookup {}

        /** The group is not a built-in one: a custom resource, which this schema cannot check. */
        record NotBuiltIn(String apiVersion, String kind) implements Lookup {}

        /** A built-in group that does not serve this version (removed or never existed). */
        record VersionNotServed(String group, String version, List<String> served) implements Lookup {}

        /** A served built-in group/version that has no such kind. */
        record KindNotServed(String apiVersion, String kind, List<String> kinds) implements Lookup {}
    }

    /** The type a JSON value must have at some place of an object. */
    sealed interface Shape {
        /**
         * A model's JSON fields, by name, with their Java types. A field's shape is made only when a document has the
         * field ({@link KubeSchema#shapeOf}), so only the models a manifest reaches are read.
         *
         * @param model the binary name of the model class
         */
        record ObjectShape(String model, Map<String, JavaType> fields, Set<String> required) implements Shape {
            /** The Java type of the JSON field {@code name}, or null when the model has no such field. */
            JavaType type(String name) {
                return fields.get(name);
            }

            /** The model's simple name ({@code V1Container}): the models are top-level classes. */
            String simpleName() {
                return model.substring(model.lastIndexOf('.') + 1);
            }
        }

        record ListShape(JavaType element) implements Shape {}

        record MapShape(JavaType value) implements Shape {}

        record EnumShape(Set<String> values) implements Shape {}

        enum Scalar implements Shape {
            STRING,
            INT32,
            INT64,
            FLOAT,
            BOOLEAN,
            INT_OR_STRING,
            QUANTITY,
            DATE_TIME,
            DATE,
            BYTES,
            ANY
        }
    }

    private final Map<String, Shape.ObjectShape> shapes = new ConcurrentHashMap<>();
    private final Map<String, Optional<Map<String, KindInfo>>> groupVersions = new ConcurrentHashMap<>();

    /** Finds the model of {@code apiVersion}/{@code kind}. */
    Lookup lookup(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        Optional<Map<String, KindInfo>> kinds = kindsOf(group, version);
        if (kinds.isPresent()) {
            KindInfo info = kinds.get().get(kind);
            if (info != null) {
                return new Lookup.Found(info);
            }
            return new Lookup.KindNotServed(apiVersion, kind, List.copyOf(new TreeMap<>(kinds.get()).keySet()));
        }
        List<String> served = servedVersions(group);
        if (!served.isEmpty()) {
            return new Lookup.VersionNotServed(group, version, served);
        }
        return new Lookup.NotBuiltIn(apiVersion, kind);
    }

    /** The versions of a built-in group that the client knows, preferred (GA) first. */
    List<String> servedVersions(String group) {
        String prefix = groupPrefix(group);
        if (prefix == null) {
            return List.of();
        }
        List<String> served = new ArrayList<>();
        for (String v : VERSION_NAMES) {
            String version = v.toLowerCase(Locale.ROOT);
            if (kindsOf(group, version).isPresent()) {
                served.add(group.isEmpty() ? version : group + "/" + version);
            }
        }
        return served;
    }

    /** The kinds a group/version serves, from its generated API class; empty when there is no such class. */
    private Optional<Map<String, KindInfo>> kindsOf(String group, String version) {
        return groupVersions.computeIfAbsent(group + "/" + version, key -> loadKinds(group, version));
    }

    private Optional<Map<String, KindInfo>> loadKinds(String group, String version) {
        String prefix = groupPrefix(group);
        if (prefix == null || !version.matches("v[0-9]+((alpha|beta)[0-9]+)?")) {
            return Optional.empty();
        }
        String versionName = Character.toUpperCase(version.charAt(0)) + version.substring(1);
        Optional<Map<String, KubeSchemaResource.Kind>> api = resource().kinds(prefix + versionName + "Api");
        if (api.isEmpty()) {
            return Optional.empty();
        }
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        Map<String, KindInfo> kinds = new TreeMap<>();
        for (KubeSchemaResource.Kind kind : api.get().values()) {
            kinds.put(kind.kind(), new KindInfo(apiVersion, kind.kind(), kind.model(), kind.namespaced()));
        }
        return Optional.of(Collections.unmodifiableMap(kinds));
    }

    /** The resource, read on the first lookup (a verify that meets no built-in kind never reads it). */
    private static KubeSchemaResource resource() {
        SharedResource.Read read = SharedResource.READ;
        if (read.failure() != null) {
            throw new IllegalStateException(read.failure().getMessage(), read.failure());
        }
        return read.resource();
    }

    /**
     * The resource, read once per class loader: it is immutable, and each environment's verify makes two schemas
     * (the verifier's and the Flux safety check's field types), which read the 112 KB text four times in a
     * two-environment build (issue 19). A failure is kept as a value, so every use throws it with its message
     * rather than an ExceptionInInitializerError once and NoClassDefFoundError after.
     */
    private static final class SharedResource {
        record Read(KubeSchemaResource resource, RuntimeException failure) {}

        static final Read READ = read();

        private static Read read() {
            try {
                KubeSchemaResource read = KubeSchemaResource.load();
                if (!read.clientVersion().equals(CLIENT_VERSION)
                        || !read.kubernetesVersion().equals(KUBERNETES_VERSION)) {
                    throw new IllegalStateException(KubeSchemaResource.RESOURCE + " is of client-java-api "
                            + read.clientVersion() + " (Kubernetes " + read.kubernetesVersion() + "), KubeSchema says "
                            + CLIENT_VERSION + " (" + KUBERNETES_VERSION + "): regenerate it, see its first lines");
                }
                return new Read(read, null);
            } catch (RuntimeException e) {
                return new Read(null, e);
            }
        }
    }

    /**
     * The client's class-name prefix of a built-in group: {@code ""} -> {@code Core}, {@code apps} -> {@code Apps},
     * {@code rbac.authorization.k8s.io} -> {@code RbacAuthorization}. Null for groups that cannot be built in
     * (a dotted name outside {@code k8s.io}: custom resources).
     */
    private static String groupPrefix(String group) {
        if (group.isEmpty()) {
            return "Core";
        }
        String base;
        if (group.endsWith(".k8s.io")) {
            base = group.substring(0, group.length() - ".k8s.io".length());
        } else if (!group.contains(".")) {
            base = group;
        } else {
            return null;
        }
        StringBuilder prefix = new StringBuilder();
        for (String part : base.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isLetterOrDigit)) {
                return null;
            }
            prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return prefix.toString();
    }

    /**
     * The shape of a Java type found in a model: what reflection on the loaded classes gave (a parameterized
     * {@code List}, {@code Set} or {@code Map}, the scalar classes, enums, models), decided from names and class files.
     */
    Shape shapeOf(JavaType type) {
        if (!type.arguments().isEmpty()) {
            // The raw type of a model's parameterized field is a collection interface of java.util, loaded already.
            Class<?> raw = platformClass(type.name());
            if (raw != null && (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw))) {
                return new Shape.ListShape(type.arguments().get(0));
            }
            if (raw != null
                    && Map.class.isAssignableFrom(raw)
                    && type.arguments().size() == 2) {
                return new Shape.MapShape(type.arguments().get(1));
            }
            return Shape.Scalar.ANY;
        }
        Shape scalar = SCALARS.get(type.name());
        if (scalar != null) {
            return scalar;
        }
        // Primitives other than the numbers above (boolean, char, ...), arrays other than byte[], wildcards and
        // type variables: reflection gave no String, number, enum or model for them either.
        if (!type.name().contains(".") || type.name().endsWith("[]")) {
            return Shape.Scalar.ANY;
        }
        if (type.name().startsWith(MODELS)) {
            return objectShape(type.name());
        }
        // No model field has an enum or a model of another package as its type (KubeSchemaReflectionTest).
        return Shape.Scalar.ANY;
    }

    /** A java.* class by name (the JDK's, already loaded for the collection interfaces); null for any other. */
    private static Class<?> platformClass(String name) {
        if (!name.startsWith("java.")) {
            return null;
        }
        try {
            return Class.forName(name, false, KubeSchema.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The shape of a model class's fields; {@code model} is its binary name. */
    Shape.ObjectShape objectShape(String model) {
        return shapes.computeIfAbsent(model, this::readModel);
    }

    private Shape.ObjectShape readModel(String name) {
        // The generated models have no enums (KubeSchemaReflectionTest): every model is an object with fields.
        KubeSchemaResource.Model model = (name.startsWith(MODELS)
                        ? resource().model(name.substring(MODELS.length()))
                        : Optional.<KubeSchemaResource.Model>empty())
                .orElseThrow(() -> new IllegalStateException(KubeSchemaResource.RESOURCE + " has no model " + name
                        + ", which a kind or another model names"));
        return new Shape.ObjectShape(name, model.fields(), model.required());
    }
}
