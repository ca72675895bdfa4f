package dev.runway.render.verify;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * A built-in kind.
     *
     * @param modelName the binary name of its model class; {@link #model()} loads it when a check needs its fields
     */
    record KindInfo(String apiVersion, String kind, String modelName, boolean namespaced) {
        Class<?> model() {
            return loadModel(modelName);
        }
    }

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
         * A model's JSON fields, by name. The fields are kept as {@link Field}s and their generic types resolved only
         * when a document has the field ({@link #type}): resolving every field's type up front loaded the model of
         * each list element of every model reached (a cold runway:verify loaded about a third of its Kubernetes
         * classes for fields the manifests never set, issue 19).
         */
        record ObjectShape(Class<?> model, Map<String, Field> fields, Set<String> required) implements Shape {
            /** The Java type of the JSON field {@code name}, or null when the model has no such field. */
            Type type(String name) {
                Field field = fields.get(name);
                return field == null ? null : field.getGenericType();
            }
        }

        record ListShape(Type element) implements Shape {}

        record MapShape(Type value) implements Shape {}

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

    private final Map<Class<?>, Shape.ObjectShape> objects = new ConcurrentHashMap<>();
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

    /** Whether a model implements {@link KubernetesObject} (the generated models do so directly), from its class file. */
    private static boolean isKubernetesObject(String model) {
        return ApiClassMethods.read(LOADER, model)
                .map(c -> c.interfaces().contains(KubernetesObject.class.getName()))
                .orElse(false);
    }

    /** Loads a model class named by an API class; it initialises when readModel reads its static field lists. */
    static Class<?> loadModel(String name) {
        try {
            return Class.forName(name, false, LOADER);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "client-java-api names the model " + name + " in an API class but has no such class", e);
        }
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

    /** The shape of a Java type found in a model. */
    Shape shapeOf(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                return new Shape.ListShape(p.getActualTypeArguments()[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return new Shape.MapShape(p.getActualTypeArguments()[1]);
            }
            return Shape.Scalar.ANY;
        }
        if (!(type instanceof Class<?> c)) {
            return Shape.Scalar.ANY;
        }
        if (c == String.class) {
            return Shape.Scalar.STRING;
        }
        if (c == Integer.class || c == int.class) {
            return Shape.Scalar.INT32;
        }
        if (c == Long.class || c == long.class) {
            return Shape.Scalar.INT64;
        }
        if (c == Double.class || c == Float.class || c == java.math.BigDecimal.class) {
            return Shape.Scalar.FLOAT;
        }
        if (c == Boolean.class) {
            return Shape.Scalar.BOOLEAN;
        }
        if (c == IntOrString.class) {
            return Shape.Scalar.INT_OR_STRING;
        }
        if (c == Quantity.class) {
            return Shape.Scalar.QUANTITY;
        }
        if (c == OffsetDateTime.class) {
            return Shape.Scalar.DATE_TIME;
        }
        if (c == LocalDate.class) {
            return Shape.Scalar.DATE;
        }
        if (c == byte[].class) {
            return Shape.Scalar.BYTES;
        }
        if (c.isEnum()) {
            Set<String> values = new LinkedHashSet<>();
            for (Field constant : c.getFields()) {
                if (constant.isEnumConstant()) {
                    SerializedName sn = constant.getAnnotation(SerializedName.class);
                    values.add(sn != null ? sn.value() : constant.getName());
                }
            }
            return new Shape.EnumShape(values);
        }
        if (c.getName().startsWith(MODELS)) {
            return objectShape(c);
        }
        return Shape.Scalar.ANY;
    }

    Shape.ObjectShape objectShape(Class<?> model) {
        return objects.computeIfAbsent(model, KubeSchema::readModel);
    }

    @SuppressWarnings("unchecked")
    private static Shape.ObjectShape readModel(Class<?> model) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : model.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null) {
                fields.put(name.value(), field);
            }
        }
        Set<String> required = new LinkedHashSet<>();
        try {
            Object declared = model.getField("openapiRequiredFields").get(null);
            required.addAll((Set<String>) declared);
            Object known = model.getField("openapiFields").get(null);
            // The field list and openapiFields come from the same spec; keep only names both agree on.
            fields.keySet().retainAll((Set<String>) known);
        } catch (ReflectiveOperationException | ClassCastException e) {
            // A model without the metadata: check the fields we found, require nothing.
        }
        return new Shape.ObjectShape(model, Collections.unmodifiableMap(fields), Collections.unmodifiableSet(required));
    }
}
