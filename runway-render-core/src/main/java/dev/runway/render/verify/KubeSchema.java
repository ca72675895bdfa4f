package dev.runway.render.verify;

import dev.runway.render.verify.ApiClassMethods.JavaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of every built-in Kubernetes kind, read from the official Kubernetes Java client's generated models
 * ({@code io.kubernetes:client-java-api}): field names from {@code @SerializedName}, field types from the Java
 * field types, required fields from {@code openapiRequiredFields}. Nothing here lists fields by hand.
 *
 * <p>All of it is read from the class files ({@link ApiClassMethods}); no model class is loaded. Loading one to reflect
 * on it loaded, linked and verified the model, the class of each field it declares and Gson's annotations (about 95
 * Kubernetes classes for the sample service's cold runway:verify, issue 19).
 *
 * <p>Which kinds exist in which group/version comes from the generated API classes too: {@code AppsV1Api} has
 * {@code createNamespacedDeployment(String, V1Deployment)}, so {@code apps/v1 Deployment} is a namespaced kind
 * whose shape is {@code V1Deployment}.
 */
final class KubeSchema {

    /** The Kubernetes release that client-java-api 27.0.0 is generated from (its OpenAPI spec). */
    static final String KUBERNETES_VERSION = "1.36";

    static final String CLIENT_VERSION = "27.0.0";

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final String APIS = "io.kubernetes.client.openapi.apis.";
    private static final String KUBERNETES_OBJECT = "io.kubernetes.client.common.KubernetesObject";
    private static final ClassLoader LOADER = KubeSchema.class.getClassLoader();
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

    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
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
        // The API class is read as a class file, not loaded: its methods' signatures name every model of the group
        // and a request class per method, and reflection would load them all (ApiClassMethods says more).
        Optional<ApiClassMethods.ClassFile> api = ApiClassMethods.read(LOADER, APIS + prefix + versionName + "Api");
        if (api.isEmpty()) {
            return Optional.empty();
        }
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        Map<String, KindInfo> kinds = new TreeMap<>();
        for (ApiClassMethods.Method method : api.get().publicMethods()) {
            String name = method.name();
            if (!name.startsWith("create")
                    || name.endsWith("Call")
                    || name.endsWith("WithHttpInfo")
                    || name.endsWith("Async")) {
                continue;
            }
            boolean namespaced = name.startsWith("createNamespaced") && name.length() > "createNamespaced".length();
            String resource =
                    namespaced ? name.substring("createNamespaced".length()) : name.substring("create".length());
            for (String parameter : method.parameterTypes()) {
                if (!parameter.startsWith(MODELS)) {
                    continue;
                }
                String kind = kindOfModel(parameter.substring(MODELS.length()), versionName);
                // createNamespacedPodEviction posts an Eviction to a pod's subresource: not a kind of this group.
                if (kind != null && kind.equals(resource) && isKubernetesObject(parameter)) {
                    kinds.put(kind, new KindInfo(apiVersion, kind, parameter, namespaced));
                }
            }
        }
        return Optional.of(Collections.unmodifiableMap(kinds));
    }

    /** Whether a model implements {@code KubernetesObject} (the generated models do so directly), from its class file. */
    private static boolean isKubernetesObject(String model) {
        return ApiClassMethods.read(LOADER, model)
                .map(c -> c.interfaces().contains(KUBERNETES_OBJECT))
                .orElse(false);
    }

    /** The class file of a model that an API class or another model names. */
    private static ApiClassMethods.ClassFile modelClassFile(String name) {
        return ApiClassMethods.read(LOADER, name)
                .orElseThrow(() -> new IllegalStateException(
                        "client-java-api names the model " + name + " but has no such class"));
    }

    /** {@code V1Deployment} -> {@code Deployment}; {@code CoreV1Event} -> {@code Event}. */
    private static String kindOfModel(String simple, String versionName) {
        int at = simple.indexOf(versionName);
        while (at >= 0) {
            String rest = simple.substring(at + versionName.length());
            if (!rest.isEmpty() && Character.isUpperCase(rest.charAt(0))) {
                return rest;
            }
            at = simple.indexOf(versionName, at + 1);
        }
        return null;
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
            return modelShape(type.name());
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
            return Class.forName(name, false, LOADER);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The shape of a model class's fields; {@code model} is its binary name. */
    Shape.ObjectShape objectShape(String model) {
        if (modelShape(model) instanceof Shape.ObjectShape object) {
            return object;
        }
        throw new IllegalStateException(model + " is an enum of client-java-api, not a model with fields");
    }

    /** A class of the models package: a model with fields, or an enum (a model's nested enum class). */
    private Shape modelShape(String name) {
        return shapes.computeIfAbsent(name, KubeSchema::readModel);
    }

    /**
     * Reads a model's class file as reflection read the loaded class: the non-static fields that have a
     * {@code @SerializedName} and are in {@code openapiFields}, and {@code openapiRequiredFields}; or an enum's
     * constants (their {@code @SerializedName} or name).
     */
    private static Shape readModel(String name) {
        ApiClassMethods.ClassFile file = modelClassFile(name);
        if (file.isEnum()) {
            Set<String> values = new LinkedHashSet<>();
            for (ApiClassMethods.Field constant : file.fields()) {
                if (constant.isPublic() && constant.isEnumConstant()) {
                    values.add(constant.serializedName() != null ? constant.serializedName() : constant.name());
                }
            }
            return new Shape.EnumShape(Collections.unmodifiableSet(values));
        }
        Map<String, JavaType> fields = new LinkedHashMap<>();
        Set<String> publicStatic = new HashSet<>();
        for (ApiClassMethods.Field field : file.fields()) {
            if (field.isStatic()) {
                if (field.isPublic()) {
                    publicStatic.add(field.name());
                }
            } else if (field.serializedName() != null) {
                fields.put(field.serializedName(), ApiClassMethods.typeOf(field.type(), name));
            }
        }
        Set<String> required = new LinkedHashSet<>();
        // A model without the metadata: check the fields found, require nothing.
        if (publicStatic.contains("openapiRequiredFields")) {
            // The model's sets are new HashSet<String>(Arrays.asList(...)); a HashSet made the same way from the same
            // list iterates in the same order, which is the order of the missing-field findings.
            required.addAll(new HashSet<>(file.staticStrings().getOrDefault("openapiRequiredFields", List.of())));
            if (publicStatic.contains("openapiFields")) {
                // The field list and openapiFields come from the same spec; keep only names both agree on.
                fields.keySet().retainAll(Set.copyOf(file.staticStrings().getOrDefault("openapiFields", List.of())));
            }
        }
        return new Shape.ObjectShape(name, Collections.unmodifiableMap(fields), Collections.unmodifiableSet(required));
    }
}
