package dev.runway.render.snapshot;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which snapshot: {@code <testClass>/<method>[-<name>].yaml} under the snapshot root.
 *
 * @param testClass the folder: the test class's simple name, nested classes joined with dots
 *                  ({@code ChartTest.Defaults})
 * @param method    the test method
 * @param name      a name for one of several snapshots in the same test, or empty; a YAML file's name
 *                  ({@code oidc-values.yaml}, as a parameterized test over values files has it) loses its extension,
 *                  so the snapshot is {@code perValuesFile-oidc-values.yaml}, not {@code perValuesFile-oidc-values.yaml.yaml}
 */
public record SnapshotId(String testClass, String method, String name) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.$]+");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    public static final String EXTENSION = ".yaml";

    public SnapshotId {
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(method, "method");
        name = withoutYamlExtension(Objects.requireNonNullElse(name, ""));
        if (!SAFE.matcher(testClass).matches() || testClass.startsWith(".")) {
            throw new IllegalArgumentException(
                    "snapshot class folder '" + testClass + "' must be a Java class name (letters, digits, _ . $)");
        }
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("snapshot method '" + method + "' may only use letters, digits and _"
                    + " (SnapshotId.of replaces other characters, for example Kotlin's spaces, with _)");
        }
        if (!name.isEmpty() && (!SAFE_NAME.matcher(name).matches() || name.startsWith("."))) {
            throw new IllegalArgumentException("snapshot name '" + name + "' may only use letters, digits and "
                    + "_ . - (it becomes part of a file name on every platform)");
        }
    }

    private static String withoutYamlExtension(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String extension : new String[] {".yaml", ".yml"}) {
            if (lower.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    /** The snapshot of a test method; nested classes become {@code Outer.Inner}. */
    public static SnapshotId of(Class<?> testClass, String method, String name) {
        return new SnapshotId(folderOf(testClass), fileSafeMethod(method), name);
    }

    /** A method name as it appears in file names: characters other than letters, digits and _ become _. */
    public static String fileSafeMethod(String method) {
        return method.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The folder name of a test class: its name without the package, {@code $} replaced by {@code .}. */
    public static String folderOf(Class<?> testClass) {
        String binary = testClass.getName();
        String simple = binary.substring(binary.lastIndexOf('.') + 1);
        return simple.replace('$', '.');
    }

    /** The file name: {@code <method>.yaml} or {@code <method>-<name>.yaml}. */
    public String fileName() {
        return (name.isEmpty() ? method : method + "-" + name) + EXTENSION;
    }

    /** The path under the snapshot root. */
    public Path relativePath() {
        return Path.of(testClass, fileName());
    }

    /** The method a snapshot file belongs to, from its file name (method names cannot contain '-'). */
    static String methodOfFile(String fileName) {
        String base =
                fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
        int dash = base.indexOf('-');
        return dash < 0 ? base : base.substring(0, dash);
    }

    @Override
    public String toString() {
        return testClass + "/" + (name.isEmpty() ? method : method + "-" + name);
    }
}
