package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The class-file reader must see exactly what reflection sees, without loading the class. */
class ApiClassMethodsTest {
    private static final ClassLoader LOADER = ApiClassMethodsTest.class.getClassLoader();

    /** A class with every kind of parameter and constant the reader has to step over. */
    @SuppressWarnings("unused") // read as a class file
    static final class Sample extends Thread implements Serializable, Supplier<String> {
        private static final long serialVersionUID = 1L;
        static final long BIG = 1L << 40;
        static final double RATIO = 0.25;
        static final float F = 1.5f;
        static final String TEXT = "text \u00e9 \ud83d\ude00";
        private int field;

        public void primitives(byte b, char c, double d, float f, int i, long j, short s, boolean z) {}

        public String[][] arrays(int[] a, List<String>[] lists, Map<String, Object>[][] maps) {
            return new String[0][];
        }

        public static Object nothing() {
            return (Supplier<Long>) () -> BIG;
        }

        private void hidden(String s) {}

        void packagePrivate(String s) {}

        @Override
        public String get() {
            return TEXT + RATIO + F + field;
        }
    }

    /** An enum as the models generator would write one, with a constant renamed for JSON. */
    enum Color {
        @SerializedName("r")
        RED,
        GREEN;

        static final int COUNT = 2;
    }

    /** The shape of a client-java-api model: annotated fields and static name sets filled one add at a time. */
    @SuppressWarnings({"unused", "MismatchedQueryAndUpdateOfCollection"}) // read as a class file
    static final class Model {
        public static final String SERIALIZED_NAME_ITEMS = "a-b";
        public static HashSet<String> openapiFields;
        public static HashSet<String> openapiRequiredFields;
        private static final Set<String> OTHER = new HashSet<>();
        private static String computed;
        private static String constant;

        @SerializedName(
                value = SERIALIZED_NAME_ITEMS,
                alternate = {"ab"})
        private List<Map<String, byte[]>> items;

        @SerializedName("w")
        @Deprecated
        private List<? extends Number> wildcards;

        @SerializedName("c")
        private Color color;

        private int plain;

        static {
            for (int i = 0; i < 3; i++) {
                switch (i) { // a tableswitch and a lookupswitch to step over
                    case 0 -> OTHER.add("zero");
                    case 1 -> OTHER.add("one");
                    default -> OTHER.add(String.valueOf(i));
                }
                switch (i * 1000) {
                    case 0 -> OTHER.add("small");
                    case 2000 -> OTHER.add("large");
                    default -> OTHER.add("other");
                }
            }
            openapiFields = new HashSet<String>(Arrays.asList("a-b", "w", "c"));
            openapiRequiredFields = new HashSet<String>(Arrays.asList("w"));
            OTHER.add(1L + "x");
            computed = String.valueOf(OTHER.size());
            constant = "not set from constants alone: " + computed;
        }
    }

    @Test
    void fieldsComeWithTheirSerializedNamesAndGenericSignatures() {
        ApiClassMethods.ClassFile file =
                ApiClassMethods.read(LOADER, Model.class.getName()).orElseThrow();
        List<String> expected = new ArrayList<>();
        for (Field f : Model.class.getDeclaredFields()) {
            SerializedName name = f.getAnnotation(SerializedName.class);
            expected.add(f.getName() + " " + f.getModifiers() + " " + (name == null ? null : name.value()));
        }
        assertEquals(
                expected,
                file.fields().stream()
                        .map(f -> f.name() + " " + (f.access() & 0xFFF) + " " + f.serializedName())
                        .toList());
        ApiClassMethods.Field items = file.fields().stream()
                .filter(f -> f.name().equals("items"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new KubeSchema.JavaType(
                        "java.util.List",
                        List.of(new KubeSchema.JavaType(
                                "java.util.Map",
                                List.of(
                                        KubeSchema.JavaType.of("java.lang.String"),
                                        KubeSchema.JavaType.of("byte[]"))))),
                ApiClassMethods.typeOf(items.type(), "Model.class"));
        assertEquals(
                Map.of(
                        "OTHER", List.of(),
                        "openapiFields", List.of("a-b", "w", "c"),
                        "openapiRequiredFields", List.of("w"),
                        "computed", List.of(),
                        "constant", List.of()),
                file.staticStrings());
        assertFalse(file.isEnum());
    }

    @Test
    void enumsAndTheirConstantsAreTold() {
        ApiClassMethods.ClassFile file =
                ApiClassMethods.read(LOADER, Color.class.getName()).orElseThrow();
        assertTrue(file.isEnum());
        assertEquals(
                List.of("RED r", "GREEN null"),
                file.fields().stream()
                        .filter(f -> f.isPublic() && f.isEnumConstant())
                        .map(f -> f.name() + " " + f.serializedName())
                        .toList());
    }

    @Test
    void signaturesBecomeTypesAsReflectionGivesThem() {
        KubeSchema.JavaType any = KubeSchema.JavaType.of(KubeSchema.JavaType.NOT_A_CLASS);
        assertEquals(KubeSchema.JavaType.of("int[][]"), ApiClassMethods.typeOf("[[I", "t"));
        assertEquals(KubeSchema.JavaType.of("a.B$C"), ApiClassMethods.typeOf("La/B$C;", "t"));
        assertEquals(any, ApiClassMethods.typeOf("TT;", "t"));
        assertEquals(any, ApiClassMethods.typeOf("[Ljava/util/List<Ljava/lang/String;>;", "t"));
        assertEquals(
                new KubeSchema.JavaType("java.util.List", List.of(any, any)),
                ApiClassMethods.typeOf("Ljava/util/List<*+Ljava/lang/Number;>;", "t"));
        assertEquals(
                new KubeSchema.JavaType("a.O$I", List.of(KubeSchema.JavaType.of("int[]"))),
                ApiClassMethods.typeOf("La/O<[I>.I<[I>;", "t"));
        for (String bad : List.of("", "Q", "La/B", "TT", "La/B<>;", "La/B<I", "II", "[", "L;")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ApiClassMethods.typeOf(bad, "Some.class"), bad);
            assertEquals("Some.class has the malformed field signature " + bad, e.getMessage());
        }
    }

    private static Set<String> reflected(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                out.add(m.getName()
                        + Arrays.stream(m.getParameterTypes())
                                .map(Class::getTypeName)
                                .toList());
            }
        }
        return out;
    }

    private static Set<String> read(Class<?> type) {
        ApiClassMethods.ClassFile file =
                ApiClassMethods.read(LOADER, type.getName()).orElseThrow();
        Set<String> out = new TreeSet<>();
        file.publicMethods().forEach(m -> out.add(m.name() + m.parameterTypes()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(classes = {Sample.class, AppsV1Api.class, CoreV1Api.class, String.class})
    void publicMethodsAreThoseReflectionDeclares(Class<?> type) {
        Set<String> expected = reflected(type);
        assertEquals(expected, read(type));
        assertTrue(expected.size() > 1, "the comparison must cover methods");
    }

    @Test
    void namesSuperclassAndInterfaces() {
        ApiClassMethods.ClassFile file =
                ApiClassMethods.read(LOADER, Sample.class.getName()).orElseThrow();
        assertEquals(Sample.class.getName(), file.name());
        assertEquals("java.lang.Thread", file.superName());
        assertEquals(List.of("java.io.Serializable", "java.util.function.Supplier"), file.interfaces());
        assertNull(
                ApiClassMethods.read(LOADER, "java.lang.Object").orElseThrow().superName());
    }

    @Test
    void theApiClassesCreateMethodsNameTheirModels() {
        ApiClassMethods.ClassFile api = ApiClassMethods.read(LOADER, "io.kubernetes.client.openapi.apis.AppsV1Api")
                .orElseThrow();
        assertTrue(api.publicMethods()
                .contains(new ApiClassMethods.Method(
                        "createNamespacedDeployment",
                        List.of("java.lang.String", "io.kubernetes.client.openapi.models.V1Deployment"))));
    }

    @Test
    void aMissingClassFileIsEmpty() {
        assertTrue(ApiClassMethods.read(LOADER, "io.kubernetes.client.openapi.apis.AppsV9Api")
                .isEmpty());
    }

    @Test
    void descriptorsBecomeBinaryNames() {
        assertEquals(
                List.of("int", "java.lang.String[][]", "a.B$C", "boolean[]"),
                ApiClassMethods.parameterTypes("(I[[Ljava/lang/String;La/B$C;[Z)V", "test"));
        assertEquals(List.of(), ApiClassMethods.parameterTypes("()V", "test"));
        for (String bad : List.of("", "I)V", "(Q)V", "(Ljava/lang/String", "(I", "([")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> ApiClassMethods.parameterTypes(bad, "Some.class"), bad);
            assertTrue(e.getMessage().contains("Some.class"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Sample.class, Model.class})
    void everyTruncationIsAnErrorNamingTheSource(Class<?> type) throws IOException {
        byte[] whole;
        try (InputStream in = LOADER.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            whole = in.readAllBytes();
        }
        ApiClassMethods.parse(whole, "Sample.class"); // the whole file is fine
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> ApiClassMethods.parse(cut, "Sample.class"), "" + length);
            assertTrue(e.getMessage().startsWith("Sample.class "), e.getMessage());
        }
    }

    @Test
    void otherBytesAreNotAClassFile() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ApiClassMethods.parse("not a class".getBytes(StandardCharsets.US_ASCII), "x.class"));
        assertEquals("x.class is not a class file: no 0xCAFEBABE magic", e.getMessage());
        // A Class entry pointing at itself instead of a Utf8 entry.
        byte[] selfReference = {
            (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 2, 7, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0
        };
        e = assertThrows(IllegalArgumentException.class, () -> ApiClassMethods.parse(selfReference, "y.class"));
        assertEquals("y.class is not a class file: constant pool entry 1 is not a Utf8 entry", e.getMessage());
        byte[] unknownTag = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 2, 99};
        e = assertThrows(IllegalArgumentException.class, () -> ApiClassMethods.parse(unknownTag, "z.class"));
        assertEquals("z.class is not a class file: constant pool entry 1 has the unknown tag 99", e.getMessage());
    }
}
