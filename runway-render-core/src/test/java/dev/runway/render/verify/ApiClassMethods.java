package dev.runway.render.verify;

import dev.runway.render.verify.KubeSchema.JavaType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public methods, fields, superclass and interfaces of a client-java-api class, read from its class file without
 * loading it.
 *
 * <p>Test code: {@link KubeSchemaGenerator} reads client-java-api with it to write the schema resource that
 * {@link KubeSchema} reads at run time (issue 19). It was written for the run time, where loading the classes to reflect
 * on them cost most of what {@code runway:verify} added to a Maven run ({@code Class.getMethods()} on {@code AppsV1Api}
 * loads every request-builder class and model its signatures name); the generator keeps it because it gives what
 * reflection gives (ApiClassMethodsTest, KubeSchemaReflectionTest) and the API classes' signatures name OkHttp types,
 * which core leaves out.
 *
 * <p>Reads the class-file format of JVMS chapter 4 (attributes are skipped by their length).
 */
final class ApiClassMethods {

    /** A method: its name and its parameter types as binary names ({@code java.lang.String}, {@code int[]}). */
    record Method(String name, List<String> parameterTypes) {
        Method {
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * What the class file says.
     *
     * @param name          the class's binary name
     * @param superName     the superclass's binary name; null for {@code java.lang.Object}
     * @param interfaces    the binary names of the interfaces it implements directly
     * @param publicMethods its public methods (declared in it, not inherited; no constructors), in class-file order
     * @param access        its access flags ({@link #isEnum()})
     * @param fields        the fields declared in it, in class-file order (the order reflection gives them in)
     * @param staticStrings for each static field of this class that its static initialiser sets to a value built
     *                      from constants alone, the string constants of that value in order:
     *                      {@code openapiFields = new HashSet<String>(Arrays.asList("apiVersion", "kind"))} gives
     *                      {@code openapiFields -> [apiVersion, kind]}
     */
    record ClassFile(
            String name,
            String superName,
            List<String> interfaces,
            List<Method> publicMethods,
            int access,
            List<Field> fields,
            Map<String, List<String>> staticStrings) {
        ClassFile {
            interfaces = List.copyOf(interfaces);
            publicMethods = List.copyOf(publicMethods);
            fields = List.copyOf(fields);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            staticStrings.forEach((field, values) -> copy.put(field, List.copyOf(values)));
            staticStrings = Collections.unmodifiableMap(copy);
        }

        /** What {@code Class.isEnum()} says: the ACC_ENUM flag and {@code java.lang.Enum} as the superclass. */
        boolean isEnum() {
            return (access & ACC_ENUM) != 0 && "java.lang.Enum".equals(superName);
        }
    }

    /**
     * A field.
     *
     * @param name           its name
     * @param access         its access flags
     * @param type           its generic type: the Signature attribute when it has one, else its descriptor (a
     *                       descriptor is a signature without type arguments); {@link #typeOf} parses it
     * @param serializedName the value of its {@code @com.google.gson.annotations.SerializedName}; null without one
     */
    record Field(String name, int access, String type, String serializedName) {
        boolean isStatic() {
            return (access & ACC_STATIC) != 0;
        }

        boolean isPublic() {
            return (access & ACC_PUBLIC) != 0;
        }

        /** What {@code Field.isEnumConstant()} says. */
        boolean isEnumConstant() {
            return (access & ACC_ENUM) != 0;
        }
    }

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_ENUM = 0x4000;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELDREF = 9;
    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final String SERIALIZED_NAME = "Lcom/google/gson/annotations/SerializedName;";

    private ApiClassMethods() {}

    /**
     * Reads the class file of {@code className} through {@code loader}; empty when the loader has no such class
     * file.
     *
     * @throws UncheckedIOException when the class file cannot be read
     * @throws IllegalArgumentException when it is not a well-formed class file (the message names it)
     */
    static Optional<ClassFile> read(ClassLoader loader, String className) {
        String resource = className.replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file " + resource + ": " + e.getMessage(), e);
        }
        return Optional.of(parse(bytes, resource));
    }

    /**
     * Parses a class file.
     *
     * @param source names the bytes in error messages
     * @throws IllegalArgumentException when the bytes are not a well-formed class file
     */
    static ClassFile parse(byte[] bytes, String source) {
        Cursor in = new Cursor(bytes, 0, bytes.length);
        try {
            return parse(in, source);
        } catch (EOFException e) {
            throw new IllegalArgumentException(source + " is not a class file: it ends early", e);
        } catch (IOException e) {
            // The cursor fails only at its end; the other failures say what is malformed (a name's UTF-8 bytes, ...).
            throw new IllegalArgumentException(source + " is not a class file: " + e.getMessage(), e);
        }
    }

    private static ClassFile parse(Cursor in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException(source + " is not a class file: no 0xCAFEBABE magic");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        // Only the entries this reader follows are kept: where a Utf8 entry's bytes are (decoded when asked for: an
        // API class has tens of thousands and few are read, issue 19), the Utf8 index of a Class or String, and the
        // two indexes of a member reference (class, NameAndType) or a NameAndType (name, descriptor).
        int[] utf8 = new int[count];
        int[] first = new int[count];
        int[] second = new int[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case UTF8 -> {
                    utf8[i] = in.position();
                    skip(in, in.readUnsignedShort());
                }
                case CLASS, STRING -> first[i] = in.readUnsignedShort();
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 16, 19, 20 -> skip(in, 2); // MethodType, Module, Package
                case 15 -> skip(in, 3); // MethodHandle
                case 3, 4, 17, 18 -> skip(in, 4); // Integer, Float, (Invoke)Dynamic
                case 5, 6 -> { // Long and Double take two entries
                    skip(in, 8);
                    i++;
                }
                default ->
                    throw new IllegalArgumentException(
                            source + " is not a class file: constant pool entry " + i + " has the unknown tag " + tag);
            }
        }
        ConstantPool pool = new ConstantPool(source, in.bytes(), tags, utf8, first, second);
        int classAccess = in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(pool.className(in.readUnsignedShort()));
        }
        int fieldCount = in.readUnsignedShort();
        List<Field> fields = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            int access = in.readUnsignedShort();
            String fieldName = pool.utf8(in.readUnsignedShort());
            String type = pool.utf8(in.readUnsignedShort());
            String serializedName = null;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = pool.utf8(in.readUnsignedShort());
                Cursor at = body(in);
                if (attribute.equals("Signature")) {
                    type = pool.utf8(at.readUnsignedShort());
                } else if (attribute.equals("RuntimeVisibleAnnotations")) {
                    serializedName = serializedName(at, pool);
                }
            }
            fields.add(new Field(fieldName, access, type, serializedName));
        }
        int methodCount = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>();
        Map<String, List<String>> staticStrings = new LinkedHashMap<>();
        for (int i = 0; i < methodCount; i++) {
            int access = in.readUnsignedShort();
            String methodName = pool.utf8(in.readUnsignedShort());
            String descriptor = pool.utf8(in.readUnsignedShort());
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = pool.utf8(in.readUnsignedShort());
                Cursor at = body(in);
                if (methodName.equals("<clinit>") && attribute.equals("Code")) {
                    at.readUnsignedShort(); // max stack
                    at.readUnsignedShort(); // max locals
                    byte[] code = bytes(at);
                    staticStrings(code, name, pool, staticStrings);
                }
            }
            // Constructors and the static initialiser are not methods to reflection (getMethods) either.
            if ((access & ACC_PUBLIC) != 0 && !methodName.startsWith("<")) {
                methods.add(new Method(methodName, parameterTypes(descriptor, source)));
            }
        }
        skipAttributes(in); // the class's own attributes: read so a cut-off file is told from a whole one
        if (in.available() > 0) {
            throw new IllegalArgumentException(
                    source + " is not a class file: " + in.available() + " bytes follow its last attribute");
        }
        return new ClassFile(name, superName, interfaces, methods, classAccess, fields, staticStrings);
    }

    /** A cursor over the bytes of an attribute (its u4 length, then the bytes), stepping {@code in} past them. */
    private static Cursor body(Cursor in) throws IOException {
        long length = Integer.toUnsignedLong(in.readInt());
        if (length > in.available()) {
            throw new EOFException();
        }
        Cursor body = new Cursor(in.bytes(), in.position(), in.position() + (int) length);
        skip(in, length);
        return body;
    }

    /** A u4 length and that many bytes. */
    private static byte[] bytes(Cursor in) throws IOException {
        Cursor body = body(in);
        return java.util.Arrays.copyOfRange(body.bytes(), body.position(), body.position() + body.available());
    }

    /** The {@code value} of a {@code @SerializedName} among a RuntimeVisibleAnnotations attribute's; else null. */
    private static String serializedName(Cursor in, ConstantPool pool) throws IOException {
        String found = null;
        int annotations = in.readUnsignedShort();
        for (int i = 0; i < annotations; i++) {
            String type = pool.utf8(in.readUnsignedShort());
            int pairs = in.readUnsignedShort();
            for (int p = 0; p < pairs; p++) {
                String element = pool.utf8(in.readUnsignedShort());
                if (type.equals(SERIALIZED_NAME) && element.equals("value") && in.readUnsignedByte() == 's') {
                    found = pool.utf8(in.readUnsignedShort());
                } else {
                    if (type.equals(SERIALIZED_NAME) && element.equals("value")) {
                        throw new IOException("@SerializedName has a value that is not a string");
                    }
                    skipElementValue(in);
                }
            }
        }
        return found;
    }

    /** Steps over an element_value of an annotation (JVMS 4.7.16.1). */
    private static void skipElementValue(Cursor in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> skip(in, 2);
            case 'e' -> skip(in, 4);
            case '@' -> {
                skip(in, 2);
                int pairs = in.readUnsignedShort();
                for (int p = 0; p < pairs; p++) {
                    skip(in, 2);
                    skipElementValue(in);
                }
            }
            case '[' -> {
                int values = in.readUnsignedShort();
                for (int v = 0; v < values; v++) {
                    skipElementValue(in);
                }
            }
            default -> throw new IOException("an annotation element has the unknown tag " + tag);
        }
    }

    /**
     * Follows a static initialiser for the string constants of each value it stores in a static field of this class
     * that is built from constants alone: {@code new HashSet<String>(Arrays.asList("name", "port"))} is {@code new},
     * {@code dup}, int constants, {@code anewarray}, {@code ldc}, {@code aastore}, {@code invokestatic},
     * {@code invokespecial} and {@code putstatic}. Any other instruction drops the strings gathered so far, so a
     * value computed some other way gets none. Every instruction is stepped over by its length (JVMS 6.5).
     */
    private static void staticStrings(byte[] code, String owner, ConstantPool pool, Map<String, List<String>> out)
            throws IOException {
        List<String> strings = new ArrayList<>();
        int at = 0;
        while (at < code.length) {
            int opcode = code[at] & 0xFF;
            int length = instructionLength(code, at);
            if (at + length > code.length) {
                throw new IOException("an instruction at " + at + " runs past the end of the static initialiser");
            }
            switch (opcode) {
                case 0x12, 0x13 -> { // ldc, ldc_w
                    String constant = pool.string(opcode == 0x12 ? code[at + 1] & 0xFF : u2(code, at + 1));
                    if (constant == null) {
                        strings.clear();
                    } else {
                        strings.add(constant);
                    }
                }
                case 0xb3 -> { // putstatic
                    Member field = pool.member(u2(code, at + 1), FIELDREF);
                    if (field.owner().equals(owner)) {
                        out.put(field.name(), List.copyOf(strings));
                    }
                    strings.clear();
                }
                // iconst_m1..iconst_5, bipush, sipush, aastore, dup, invokespecial, invokestatic, new, anewarray
                case 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x10, 0x11, 0x53, 0x59, 0xb7, 0xb8, 0xbb, 0xbd -> {}
                default -> strings.clear();
            }
            at += length;
        }
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xFF) << 8) | (code[at + 1] & 0xFF);
    }

    private static int s4(byte[] code, int at) throws IOException {
        if (at + 4 > code.length) {
            throw new IOException("a switch at runs past the end of the static initialiser");
        }
        return ((code[at] & 0xFF) << 24)
                | ((code[at + 1] & 0xFF) << 16)
                | ((code[at + 2] & 0xFF) << 8)
                | (code[at + 3] & 0xFF);
    }

    /** The length in bytes of the instruction at {@code at} (JVMS 6.5). */
    private static int instructionLength(byte[] code, int at) throws IOException {
        int opcode = code[at] & 0xFF;
        if (opcode <= 0x0f
                || (opcode >= 0x1a && opcode <= 0x35)
                || (opcode >= 0x3b && opcode <= 0x83)
                || (opcode >= 0x85 && opcode <= 0x98)
                || (opcode >= 0xac && opcode <= 0xb1)
                || opcode == 0xbe
                || opcode == 0xbf
                || opcode == 0xc2
                || opcode == 0xc3) {
            return 1;
        }
        if (opcode == 0x10
                || opcode == 0x12
                || (opcode >= 0x15 && opcode <= 0x19)
                || (opcode >= 0x36 && opcode <= 0x3a)
                || opcode == 0xa9
                || opcode == 0xbc) {
            return 2;
        }
        if (opcode == 0x11
                || opcode == 0x13
                || opcode == 0x14
                || opcode == 0x84
                || (opcode >= 0x99 && opcode <= 0xa8)
                || (opcode >= 0xb2 && opcode <= 0xb8)
                || opcode == 0xbb
                || opcode == 0xbd
                || opcode == 0xc0
                || opcode == 0xc1
                || opcode == 0xc6
                || opcode == 0xc7) {
            return 3;
        }
        if (opcode == 0xc5) {
            return 4;
        }
        if (opcode == 0xb9 || opcode == 0xba || opcode == 0xc8 || opcode == 0xc9) {
            return 5;
        }
        if (opcode == 0xc4) { // wide: iinc takes two more bytes
            return at + 1 < code.length && (code[at + 1] & 0xFF) == 0x84 ? 6 : 4;
        }
        if (opcode == 0xaa || opcode == 0xab) { // tableswitch, lookupswitch: padded to a multiple of four
            int table = (at + 4) & ~3;
            if (opcode == 0xaa) {
                long entries = (long) s4(code, table + 8) - s4(code, table + 4) + 1;
                return checkedLength(table - at + 12 + entries * 4, at);
            }
            long pairs = s4(code, table + 4);
            return checkedLength(table - at + 8 + pairs * 8, at);
        }
        throw new IOException("the static initialiser has the unknown opcode " + opcode + " at " + at);
    }

    private static int checkedLength(long length, int at) throws IOException {
        if (length <= 0 || length > Integer.MAX_VALUE) {
            throw new IOException("a switch at " + at + " has a malformed table");
        }
        return (int) length;
    }

    /**
     * Parses a field's generic type ({@link Field#type}) as reflection's {@code getGenericType()} would resolve it:
     * {@code Ljava/util/Map<Ljava/lang/String;[B>;} is {@code java.util.Map} of {@code java.lang.String} and
     * {@code byte[]}.
     *
     * @throws IllegalArgumentException when the signature is malformed (the message names {@code source})
     */
    static JavaType typeOf(String signature, String source) {
        int[] at = {0};
        JavaType type = typeSignature(signature, at, source);
        if (at[0] != signature.length()) {
            throw malformed(signature, source);
        }
        return type;
    }

    private static JavaType typeSignature(String s, int[] at, String source) {
        if (at[0] >= s.length()) {
            throw malformed(s, source);
        }
        char c = s.charAt(at[0]);
        switch (c) {
            case '[' -> {
                at[0]++;
                JavaType component = typeSignature(s, at, source);
                // An array of a class or primitive is a Class to reflection; of anything else a GenericArrayType.
                return component.arguments().isEmpty() && !component.name().equals(JavaType.NOT_A_CLASS)
                        ? JavaType.of(component.name() + "[]")
                        : JavaType.of(JavaType.NOT_A_CLASS);
            }
            case 'T' -> { // a type variable
                int end = s.indexOf(';', at[0]);
                if (end < 0) {
                    throw malformed(s, source);
                }
                at[0] = end + 1;
                return JavaType.of(JavaType.NOT_A_CLASS);
            }
            case 'L' -> {
                at[0]++;
                return classSignature(s, at, source);
            }
            default -> {
                String primitive = primitive(c);
                if (primitive == null) {
                    throw malformed(s, source);
                }
                at[0]++;
                return JavaType.of(primitive);
            }
        }
    }

    /** After the 'L': {@code pkg/Outer<args>.Inner<args>;}. */
    private static JavaType classSignature(String s, int[] at, String source) {
        StringBuilder name = new StringBuilder();
        List<JavaType> arguments = List.of();
        while (true) {
            if (at[0] >= s.length()) {
                throw malformed(s, source);
            }
            char c = s.charAt(at[0]++);
            if (c == ';') {
                break;
            } else if (c == '<') {
                arguments = new ArrayList<>();
                while (at[0] < s.length() && s.charAt(at[0]) != '>') {
                    char w = s.charAt(at[0]);
                    if (w == '*') {
                        at[0]++;
                        arguments.add(JavaType.of(JavaType.NOT_A_CLASS));
                    } else if (w == '+' || w == '-') {
                        at[0]++;
                        typeSignature(s, at, source);
                        arguments.add(JavaType.of(JavaType.NOT_A_CLASS)); // a wildcard
                    } else {
                        arguments.add(typeSignature(s, at, source));
                    }
                }
                if (at[0] >= s.length() || arguments.isEmpty()) {
                    throw malformed(s, source);
                }
                at[0]++; // '>'
            } else if (c == '.') {
                name.append('$'); // an inner class of a parameterized outer class
            } else {
                name.append(c == '/' ? '.' : c);
            }
        }
        if (name.length() == 0) {
            throw malformed(s, source);
        }
        return new JavaType(name.toString(), arguments);
    }

    private static IllegalArgumentException malformed(String signature, String source) {
        return new IllegalArgumentException(source + " has the malformed field signature " + signature);
    }

    private static String primitive(char c) {
        return switch (c) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> null;
        };
    }

    /** The parameter types of a method descriptor ({@code (Ljava/lang/String;I)V}) as binary names. */
    static List<String> parameterTypes(String descriptor, String source) {
        if (descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            throw new IllegalArgumentException(source + " has the malformed method descriptor " + descriptor);
        }
        List<String> types = new ArrayList<>();
        int at = 1;
        while (at < descriptor.length() && descriptor.charAt(at) != ')') {
            int dimensions = 0;
            while (at < descriptor.length() && descriptor.charAt(at) == '[') {
                dimensions++;
                at++;
            }
            if (at >= descriptor.length()) {
                break;
            }
            char c = descriptor.charAt(at);
            String type;
            if (c == 'L') {
                int end = descriptor.indexOf(';', at);
                if (end < 0) {
                    throw new IllegalArgumentException(source + " has the malformed method descriptor " + descriptor
                            + " (no ';' after " + at + ")");
                }
                type = descriptor.substring(at + 1, end).replace('/', '.');
                at = end + 1;
            } else {
                type = primitive(c);
                if (type == null) {
                    throw new IllegalArgumentException(source + " has the malformed method descriptor " + descriptor
                            + " (type code '" + c + "' at " + at + ")");
                }
                at++;
            }
            types.add(type + "[]".repeat(dimensions));
        }
        if (at >= descriptor.length()) {
            throw new IllegalArgumentException(source + " has the malformed method descriptor " + descriptor);
        }
        return types;
    }

    private static void skipAttributes(Cursor in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            in.readUnsignedShort(); // name
            long length = Integer.toUnsignedLong(in.readInt());
            skip(in, length);
        }
    }

    private static void skip(Cursor in, long n) throws IOException {
        if (n > in.available()) {
            throw new EOFException();
        }
        in.skip((int) n);
    }

    /**
     * Reads big-endian numbers from a range of a byte array. Not a DataInputStream over a ByteArrayInputStream: those
     * read a byte at a time through synchronized calls, and an API class is up to 674 KB (CoreV1Api), read cold.
     */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int at;

        Cursor(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.at = start;
            this.end = end;
        }

        byte[] bytes() {
            return bytes;
        }

        int position() {
            return at;
        }

        int available() {
            return end - at;
        }

        void skip(int n) {
            at += n;
        }

        int readUnsignedByte() throws EOFException {
            if (at >= end) {
                throw new EOFException();
            }
            return bytes[at++] & 0xFF;
        }

        int readUnsignedShort() throws EOFException {
            if (end - at < 2) {
                throw new EOFException();
            }
            int value = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            at += 2;
            return value;
        }

        int readInt() throws EOFException {
            if (end - at < 4) {
                throw new EOFException();
            }
            int value = ((bytes[at] & 0xFF) << 24)
                    | ((bytes[at + 1] & 0xFF) << 16)
                    | ((bytes[at + 2] & 0xFF) << 8)
                    | (bytes[at + 3] & 0xFF);
            at += 4;
            return value;
        }
    }

    /** A field or method reference: the binary name of its class and its name. */
    private record Member(String owner, String name) {}

    /** The entries of a constant pool that this reader follows (a class, not a record: it holds arrays). */
    private static final class ConstantPool {
        private final String source;
        private final byte[] bytes;
        private final int[] tags;
        private final int[] utf8;
        private final String[] decoded;
        private final int[] first;
        private final int[] second;

        /** {@code utf8} holds where each Utf8 entry starts in {@code bytes} (its u2 length). */
        ConstantPool(String source, byte[] bytes, int[] tags, int[] utf8, int[] first, int[] second) {
            this.source = source;
            this.bytes = bytes;
            this.tags = tags;
            this.utf8 = utf8;
            this.decoded = new String[tags.length];
            this.first = first;
            this.second = second;
        }

        private void expect(int index, int tag, String what) {
            if (index <= 0 || index >= tags.length || tags[index] != tag) {
                throw new IllegalArgumentException(
                        source + " is not a class file: constant pool entry " + index + " is not a " + what + " entry");
            }
        }

        String string(int index) {
            // ldc also loads numbers and classes: only a String entry is a string constant.
            return index > 0 && index < tags.length && tags[index] == STRING ? utf8(first[index]) : null;
        }

        Member member(int index, int tag) {
            expect(index, tag, tag == FIELDREF ? "Fieldref" : "Methodref");
            expect(second[index], NAME_AND_TYPE, "NameAndType");
            return new Member(className(first[index]), utf8(first[second[index]]));
        }

        String utf8(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != UTF8) {
                throw new IllegalArgumentException(
                        source + " is not a class file: constant pool entry " + index + " is not a Utf8 entry");
            }
            String text = decoded[index];
            if (text == null) {
                text = decode(utf8[index]);
                decoded[index] = text;
            }
            return text;
        }

        /** A Utf8 entry's text: modified UTF-8 (JVMS 4.4.7), which is ASCII for nearly every name. */
        private String decode(int at) {
            int length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            for (int i = at + 2; i < at + 2 + length; i++) {
                if (bytes[i] < 0) {
                    try {
                        return new DataInputStream(new ByteArrayInputStream(bytes, at, length + 2)).readUTF();
                    } catch (IOException e) {
                        throw new IllegalArgumentException(source + " is not a class file: " + e.getMessage(), e);
                    }
                }
            }
            return new String(bytes, at + 2, length, StandardCharsets.ISO_8859_1);
        }

        String className(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != CLASS) {
                throw new IllegalArgumentException(
                        source + " is not a class file: constant pool entry " + index + " is not a Class entry");
            }
            return utf8(first[index]).replace('/', '.');
        }
    }
}
