package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.annotations.SerializedName;
import dev.runway.render.verify.KubeSchema.Shape;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * KubeSchema reads the generated resource kube-schema.txt, which KubeSchemaGenerator writes from the models' class
 * files; before issue 19 it reflected on the loaded classes. Every class of client-java-api's models package must give
 * the same fields (in the same order, with the same types), required fields (in the same order) and field shapes as
 * reflection does, so no verify finding changes.
 */
class KubeSchemaReflectionTest {
    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    @Test
    void everyModelReadsAsReflectionSeesIt() throws IOException, URISyntaxException, ClassNotFoundException {
        KubeSchema schema = new KubeSchema();
        int models = 0;
        int fields = 0;
        int enums = 0;
        for (String name : modelClassNames()) {
            Class<?> model = Class.forName(name, false, getClass().getClassLoader());
            if (model.isEnum()) {
                // An enum is reached as a field's type; the whole-shape comparison below covers it there.
                enums++;
                continue;
            }
            if (model.isInterface() || Modifier.isAbstract(model.getModifiers())) {
                continue;
            }
            Reflected expected = reflect(model);
            Shape.ObjectShape actual = schema.objectShape(name);
            assertEquals(
                    List.copyOf(expected.fields().keySet()),
                    List.copyOf(actual.fields().keySet()),
                    name);
            assertEquals(List.copyOf(expected.required()), List.copyOf(actual.required()), name);
            assertEquals(model.getSimpleName(), actual.simpleName(), name);
            for (Map.Entry<String, Type> field : expected.fields().entrySet()) {
                KubeSchema.JavaType type = actual.type(field.getKey());
                assertEquals(describe(field.getValue()), describe(type), name + "." + field.getKey());
                assertEquals(
                        describe(shapeOf(field.getValue())),
                        describe(schema.shapeOf(type)),
                        name + "." + field.getKey());
                fields++;
            }
            models++;
        }
        assertTrue(models > 500 && fields > 3000, models + " models, " + fields + " fields");
        assertEquals(0, enums, "client-java-api 27 has no enum models; an enum would be compared through its field");
    }

    private static List<String> modelClassNames() throws IOException, URISyntaxException {
        Path jar = Path.of(V1Deployment.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream()
                    .map(e -> e.getName())
                    // The nested classes are the models' Gson adapter factories, no model nor a field's type.
                    .filter(n -> n.startsWith(MODELS.replace('.', '/')) && n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    private record Reflected(Map<String, Type> fields, Set<String> required) {}

    /** What KubeSchema.readModel did on the loaded class up to this change. */
    @SuppressWarnings("unchecked")
    private static Reflected reflect(Class<?> model) {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (Field field : model.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null) {
                fields.put(name.value(), field.getGenericType());
            }
        }
        Set<String> required = new LinkedHashSet<>();
        try {
            required.addAll(
                    (Set<String>) model.getField("openapiRequiredFields").get(null));
            fields.keySet()
                    .retainAll((Set<String>) model.getField("openapiFields").get(null));
        } catch (ReflectiveOperationException | ClassCastException e) {
            // no metadata: as before
        }
        return new Reflected(fields, required);
    }

    /** What KubeSchema.shapeOf gave for a reflected type up to this change, one level deep. */
    private static Object shapeOf(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                return "list of " + describe(p.getActualTypeArguments()[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "map of " + describe(p.getActualTypeArguments()[1]);
            }
            return Shape.Scalar.ANY;
        }
        if (!(type instanceof Class<?> c)) {
            return Shape.Scalar.ANY;
        }
        Map<Class<?>, Shape.Scalar> scalars = Map.ofEntries(
                Map.entry(String.class, Shape.Scalar.STRING),
                Map.entry(Integer.class, Shape.Scalar.INT32),
                Map.entry(int.class, Shape.Scalar.INT32),
                Map.entry(Long.class, Shape.Scalar.INT64),
                Map.entry(long.class, Shape.Scalar.INT64),
                Map.entry(Double.class, Shape.Scalar.FLOAT),
                Map.entry(Float.class, Shape.Scalar.FLOAT),
                Map.entry(java.math.BigDecimal.class, Shape.Scalar.FLOAT),
                Map.entry(Boolean.class, Shape.Scalar.BOOLEAN),
                Map.entry(IntOrString.class, Shape.Scalar.INT_OR_STRING),
                Map.entry(Quantity.class, Shape.Scalar.QUANTITY),
                Map.entry(OffsetDateTime.class, Shape.Scalar.DATE_TIME),
                Map.entry(LocalDate.class, Shape.Scalar.DATE),
                Map.entry(byte[].class, Shape.Scalar.BYTES));
        if (scalars.containsKey(c)) {
            return scalars.get(c);
        }
        if (c.isEnum()) {
            return "enum " + List.of(c.getEnumConstants());
        }
        if (c.getName().startsWith(MODELS)) {
            return "object " + c.getName();
        }
        return Shape.Scalar.ANY;
    }

    private static String describe(Object shape) {
        if (shape instanceof Shape.ListShape list) {
            return "list of " + describe(list.element());
        }
        if (shape instanceof Shape.MapShape map) {
            return "map of " + describe(map.value());
        }
        if (shape instanceof Shape.ObjectShape object) {
            return "object " + object.model();
        }
        if (shape instanceof Shape.EnumShape e) {
            return "enum " + e.values();
        }
        return String.valueOf(shape);
    }

    private static String describe(Type type) {
        if (type instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getTypeName()
                    + List.of(p.getActualTypeArguments()).stream()
                            .map(KubeSchemaReflectionTest::describe)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        return type instanceof Class<?> c ? c.getTypeName() : "?";
    }

    private static String describe(KubeSchema.JavaType type) {
        return type.arguments().isEmpty()
                ? type.name()
                : type.name()
                        + type.arguments().stream()
                                .map(KubeSchemaReflectionTest::describe)
                                .collect(Collectors.joining(", ", "<", ">"));
    }
}
