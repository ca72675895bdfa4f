package dev.runway.render.verify;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public methods, superclass and interfaces of a class, read from its class file without loading it.
 *
 * <p>Why: {@link KubeSchema} finds a group's kinds from the {@code create*} methods of the client's generated API
 * class ({@code AppsV1Api}). {@code Class.getMethods()} on that class loads every type its signatures name: each
 * request-builder class and each model of the group, about 430 classes for a small release, which is most of what
 * {@code runway:verify} adds to a Maven run. Reading the constant pool and the methods table gives the same names
 * and parameter types, and then only the models of the kinds a release uses are loaded.
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
     */
    record ClassFile(String name, String superName, List<String> interfaces, List<Method> publicMethods) {
        ClassFile {
            interfaces = List.copyOf(interfaces);
            publicMethods = List.copyOf(publicMethods);
        }
    }

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;

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
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            return parse(in, source);
        } catch (EOFException e) {
            throw new IllegalArgumentException(source + " is not a class file: it ends early", e);
        } catch (IOException e) {
            // A ByteArrayInputStream fails only at its end, and DataInputStream reports a bad name as UTFDataFormat.
            throw new IllegalArgumentException(source + " is not a class file: " + e.getMessage(), e);
        }
    }

    private static ClassFile parse(DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException(source + " is not a class file: no 0xCAFEBABE magic");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        // Only the two kinds of entries this reader follows are kept: Utf8 text and Class name indexes.
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF();
                case CLASS -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> skip(in, 2); // String, MethodType, Module, Package
                case 15 -> skip(in, 3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long and Double take two entries
                    skip(in, 8);
                    i++;
                }
                default ->
                    throw new IllegalArgumentException(
                            source + " is not a class file: constant pool entry " + i + " has the unknown tag " + tag);
            }
        }
        ConstantPool pool = new ConstantPool(source, tags, utf8, classNames);
        in.readUnsignedShort(); // access flags
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(pool.className(in.readUnsignedShort()));
        }
        int fieldCount = in.readUnsignedShort();
        for (int i = 0; i < fieldCount; i++) {
            skip(in, 6); // access flags, name, descriptor
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < methodCount; i++) {
            int access = in.readUnsignedShort();
            String methodName = pool.utf8(in.readUnsignedShort());
            String descriptor = pool.utf8(in.readUnsignedShort());
            skipAttributes(in);
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
        return new ClassFile(name, superName, interfaces, methods);
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
                type = switch (c) {
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'D' -> "double";
                    case 'F' -> "float";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'S' -> "short";
                    case 'Z' -> "boolean";
                    default ->
                        throw new IllegalArgumentException(source + " has the malformed method descriptor " + descriptor
                                + " (type code '" + c + "' at " + at + ")");
                };
                at++;
            }
            types.add(type + "[]".repeat(dimensions));
        }
        if (at >= descriptor.length()) {
            throw new IllegalArgumentException(source + " has the malformed method descriptor " + descriptor);
        }
        return types;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            in.readUnsignedShort(); // name
            long length = Integer.toUnsignedLong(in.readInt());
            skip(in, length);
        }
    }

    private static void skip(DataInputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                throw new EOFException();
            }
            left -= skipped;
        }
    }

    /** The entries of a constant pool that this reader follows (a class, not a record: it holds arrays). */
    private static final class ConstantPool {
        private final String source;
        private final int[] tags;
        private final String[] utf8;
        private final int[] classNames;

        ConstantPool(String source, int[] tags, String[] utf8, int[] classNames) {
            this.source = source;
            this.tags = tags;
            this.utf8 = utf8;
            this.classNames = classNames;
        }

        String utf8(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != UTF8) {
                throw new IllegalArgumentException(
                        source + " is not a class file: constant pool entry " + index + " is not a Utf8 entry");
            }
            return utf8[index];
        }

        String className(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != CLASS) {
                throw new IllegalArgumentException(
                        source + " is not a class file: constant pool entry " + index + " is not a Class entry");
            }
            return utf8(classNames[index]).replace('/', '.');
        }
    }
}
