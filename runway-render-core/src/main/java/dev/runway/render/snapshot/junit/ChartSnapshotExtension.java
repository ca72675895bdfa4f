package dev.runway.render.snapshot.junit;

import dev.runway.render.snapshot.ChartSnapshots;
import dev.runway.render.snapshot.OrphanPolicy;
import dev.runway.render.snapshot.SnapshotId;
import dev.runway.render.snapshot.SnapshotLedger;
import dev.runway.render.snapshot.SnapshotMode;
import dev.runway.render.snapshot.SnapshotOptions;
import dev.runway.render.snapshot.SnapshotOrphans;
import dev.runway.render.snapshot.SnapshotOutcome;
import dev.runway.render.snapshot.SnapshotSettings;
import dev.runway.render.snapshot.Snapshotter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 support for chart snapshots: injects a {@link Snapshotter} named after the test class and method, and
 * after each test class reports snapshot files no test uses any more (at the end of the run, also the folders of
 * test classes that no longer exist).
 *
 * <pre>{@code
 * @ExtendWith(ChartSnapshotExtension.class)
 * class PaymentsChartTest {
 *     @Test
 *     void defaults(Snapshotter snapshot) {
 *         snapshot.assertMatches(render("ci/default-values.yaml"));   // __snapshots__/PaymentsChartTest/defaults.yaml
 *     }
 * }
 * }</pre>
 *
 * <p>Options for every test of a class: {@code @RegisterExtension static ChartSnapshotExtension snapshots =
 * ChartSnapshotExtension.withOptions(SnapshotOptions.defaults().mask(...));}. Settings come from JUnit
 * configuration parameters ({@code junit-platform.properties}), system properties and environment variables, as
 * {@link SnapshotSettings} describes.
 */
public final class ChartSnapshotExtension implements ParameterResolver, TestWatcher, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ChartSnapshotExtension.class);
    private static final String REPORT_KEY = "runway.snapshot.orphans";
    private static final String WRITTEN_KEY = "runway.snapshot.written";
    private static final List<String> SETTING_KEYS = List.of(
            SnapshotSettings.UPDATE_PROPERTY,
            SnapshotSettings.CI_PROPERTY,
            SnapshotSettings.DIR_PROPERTY,
            SnapshotSettings.ORPHANS_PROPERTY);

    private final SnapshotSettings fixedSettings;
    private final SnapshotOptions options;

    /** Settings from configuration, default options: what {@code @ExtendWith} creates. */
    public ChartSnapshotExtension() {
        this(null, SnapshotOptions.defaults());
    }

    private ChartSnapshotExtension(SnapshotSettings fixedSettings, SnapshotOptions options) {
        this.fixedSettings = fixedSettings;
        this.options = options;
    }

    /** An extension whose snapshotters start with these options. */
    public static ChartSnapshotExtension withOptions(SnapshotOptions options) {
        return new ChartSnapshotExtension(null, options);
    }

    /** An extension with fixed settings instead of configuration (tests of tests, unusual layouts). */
    public static ChartSnapshotExtension withSettings(SnapshotSettings settings, SnapshotOptions options) {
        return new ChartSnapshotExtension(settings, options);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Snapshotter.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            throw new ParameterResolutionException("A Snapshotter is named after its test method: declare it as a "
                    + "parameter of a @Test (or @BeforeEach) method, not of "
                    + parameterContext.getDeclaringExecutable());
        }
        Class<?> testClass = context.getRequiredTestClass();
        ClassRecord record = classRecord(context, testClass);
        return Snapshotter.of(
                new ChartSnapshots(record.settings()), testClass, method.get().getName(), options, record);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        context.getTestMethod()
                .ifPresent(m -> classRecord(context, context.getRequiredTestClass())
                        .passed
                        .add(SnapshotId.fileSafeMethod(m.getName())));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestMethod()
                .ifPresent(m -> classRecord(context, context.getRequiredTestClass())
                        .notPassed
                        .add(SnapshotId.fileSafeMethod(m.getName())));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        testFailed(context, cause);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ClassRecord record = classRecord(context, testClass);
        Set<String> passed = new HashSet<>(record.passed);
        passed.removeAll(record.notPassed);
        SnapshotSettings settings = record.settings();
        String folder = SnapshotId.folderOf(testClass);
        List<String> sharing = runRecord(context).classesSharingFolder(testClass);
        if (sharing.size() > 1) {
            // Classes with one simple name in different packages write to one folder: their files cannot be told
            // apart, so none of them is called an orphan (update mode would delete another class's snapshots).
            String warning = "test classes " + String.join(", ", sharing) + " share the snapshot folder " + folder
                    + "; their snapshots can overwrite each other and are not checked for orphans. Rename one.";
            context.publishReportEntry(REPORT_KEY, warning);
            System.err.println("[runway snapshot] " + warning);
            return;
        }
        reportWritten(settings, record.written, context::publishReportEntry);
        List<Path> orphans = SnapshotOrphans.inClass(
                settings.root(), folder, methodsOf(testClass), passed, Set.copyOf(record.used.keySet()));
        report(settings, orphans, context::publishReportEntry);
    }

    /** Tells people which snapshot files this class wrote, so that they review and commit them. */
    private static void reportWritten(
            SnapshotSettings settings, Set<Path> written, BiConsumer<String, String> reportEntry) {
        if (written.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        message.append(written.size())
                .append(written.size() == 1 ? " snapshot" : " snapshots")
                .append(" written; review and commit:");
        written.stream()
                .map(f -> settings.root().relativize(f).toString().replace('\\', '/'))
                .sorted()
                .forEach(f -> message.append("\n  ").append(f));
        reportEntry.accept(WRITTEN_KEY, message.toString());
        System.err.println("[runway snapshot] " + message);
    }

    /** Deletes, reports or fails, as the settings say. */
    static void report(SnapshotSettings settings, List<Path> orphans, BiConsumer<String, String> reportEntry) {
        if (orphans.isEmpty()) {
            return;
        }
        OrphanPolicy policy = settings.orphans();
        if (policy == OrphanPolicy.DELETE && settings.mode() == SnapshotMode.CI) {
            policy = OrphanPolicy.WARN; // CI mode never changes files.
        }
        String message = SnapshotOrphans.describe(settings.root(), orphans, policy);
        if (policy == OrphanPolicy.FAIL) {
            throw new AssertionFailedError(message);
        }
        if (policy == OrphanPolicy.DELETE) {
            SnapshotOrphans.delete(orphans);
        }
        reportEntry.accept(REPORT_KEY, message);
        System.err.println("[runway snapshot] " + message);
    }

    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: computeIfAbsent only exists from JUnit 5.13
    private static RunRecord runRecord(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunRecord.class, k -> new RunRecord(), RunRecord.class);
    }

    private ClassRecord classRecord(ExtensionContext context, Class<?> testClass) {
        RunRecord run = runRecord(context);
        return run.classes.computeIfAbsent(testClass, c -> {
            try {
                SnapshotSettings settings = fixedSettings != null ? fixedSettings : settingsFrom(context);
                run.noteClass(c, settings);
                return new ClassRecord(settings, null);
            } catch (IllegalArgumentException e) {
                // Reported where settings are needed (parameter resolution, after the class), not in a watcher.
                return new ClassRecord(null, e);
            }
        });
    }

    private static SnapshotSettings settingsFrom(ExtensionContext context) {
        Map<String, String> properties = new HashMap<>();
        for (String key : SETTING_KEYS) {
            // JUnit looks in explicit configuration parameters, system properties, then junit-platform.properties.
            context.getConfigurationParameter(key).ifPresent(value -> properties.put(key, value));
        }
        String userDir = System.getProperty("user.dir");
        if (userDir != null) {
            properties.put("user.dir", userDir);
        }
        return SnapshotSettings.from(properties, System.getenv());
    }

    /** File-safe names of every method of the class and its superclasses. */
    private static Set<String> methodsOf(Class<?> testClass) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                names.add(SnapshotId.fileSafeMethod(m.getName()));
            }
        }
        for (Method m : testClass.getMethods()) {
            names.add(SnapshotId.fileSafeMethod(m.getName())); // interface default methods
        }
        return names;
    }

    /** What one test class did in this run. */
    private static final class ClassRecord implements SnapshotLedger {
        private final SnapshotSettings settings;
        private final IllegalArgumentException settingsError;
        final Set<String> passed = ConcurrentHashMap.newKeySet();
        final Set<String> notPassed = ConcurrentHashMap.newKeySet();
        /** Snapshot id to the text checked first in this run. */
        final Map<SnapshotId, String> used = new ConcurrentHashMap<>();

        ClassRecord(SnapshotSettings settings, IllegalArgumentException settingsError) {
            this.settings = settings;
            this.settingsError = settingsError;
        }

        /** Two checks of one snapshot in a run must agree, or the file flips between them in update mode. */
        @Override
        public void record(SnapshotId id, String text) {
            String earlier = used.putIfAbsent(id, text);
            if (earlier != null && !earlier.equals(text)) {
                throw new AssertionFailedError(
                        "Chart snapshot " + id + " was already checked in this run with "
                                + "other content. A @ParameterizedTest or @RepeatedTest needs a name per invocation, for "
                                + "example snapshot.assertMatches(chart, valuesFileName).",
                        earlier,
                        text);
            }
        }

        /** Files written or rewritten in this run: people must review and commit them. */
        final Set<Path> written = ConcurrentHashMap.newKeySet();

        @Override
        public void outcome(SnapshotOutcome outcome) {
            if (outcome.status() != SnapshotOutcome.Status.MATCHED) {
                written.add(outcome.file());
            }
        }

        SnapshotSettings settings() {
            if (settingsError != null) {
                throw new IllegalArgumentException(
                        "chart snapshot settings: " + settingsError.getMessage(), settingsError);
            }
            return settings;
        }
    }

    /**
     * The whole run: at its end (JUnit closes the root store), snapshot folders of test classes that exist nowhere
     * in the test class directories are reported.
     */
    @SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable for 5.13 and later
    static final class RunRecord implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Map<Class<?>, ClassRecord> classes = new ConcurrentHashMap<>();
        private final Map<Path, Set<Path>> classDirsByRoot = new ConcurrentHashMap<>();
        private final Map<Path, SnapshotSettings> settingsByRoot = new ConcurrentHashMap<>();
        /** Per class directory: snapshot folder name to the binary names of the classes that map to it. */
        private final Map<Path, Map<String, List<String>>> classesByFolder = new ConcurrentHashMap<>();

        void noteClass(Class<?> testClass, SnapshotSettings settings) {
            settingsByRoot.putIfAbsent(settings.root(), settings);
            classDirectory(testClass)
                    .ifPresent(dir -> classDirsByRoot
                            .computeIfAbsent(settings.root(), r -> ConcurrentHashMap.newKeySet())
                            .add(dir));
        }

        @Override
        public void close() {
            for (Map.Entry<Path, SnapshotSettings> entry : settingsByRoot.entrySet()) {
                Set<Path> dirs = classDirsByRoot.get(entry.getKey());
                if (dirs == null || dirs.isEmpty()) {
                    continue; // classes loaded from jars: cannot tell which classes exist
                }
                // Every class directory on the classpath too: Kotlin and Java test classes, for example, compile
                // to different directories, and a class not seen in this run must still count as existing.
                Set<Path> allDirs = new HashSet<>(dirs);
                allDirs.addAll(classpathDirectories());
                Set<String> known = new HashSet<>();
                for (Path dir : allDirs) {
                    known.addAll(classesByFolder(dir).keySet());
                }
                List<Path> orphans = SnapshotOrphans.inRemovedClasses(entry.getKey(), known);
                report(entry.getValue(), orphans, (key, value) -> {});
            }
        }

        /** Directory roots of the classpath (jar entries do not answer {@code getResources("")}). */
        private static Set<Path> classpathDirectories() {
            Set<Path> result = new HashSet<>();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = ChartSnapshotExtension.class.getClassLoader();
            }
            try {
                Enumeration<URL> roots = loader.getResources("");
                while (roots.hasMoreElements()) {
                    URL url = roots.nextElement();
                    if ("file".equals(url.getProtocol())) {
                        Path dir = Path.of(url.toURI());
                        if (Files.isDirectory(dir)) {
                            result.add(dir);
                        }
                    }
                }
            } catch (IOException | URISyntaxException | IllegalArgumentException e) {
                return Set.of(); // fall back to the directories of the classes that ran
            }
            return result;
        }

        private static Optional<Path> classDirectory(Class<?> testClass) {
            CodeSource source = testClass.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            try {
                Path location = Path.of(source.getLocation().toURI());
                return Files.isDirectory(location) ? Optional.of(location) : Optional.empty();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** The classes (binary names) in the test class's directory whose snapshot folder is the test class's. */
        List<String> classesSharingFolder(Class<?> testClass) {
            return classDirectory(testClass)
                    .map(dir -> classesByFolder(dir).getOrDefault(SnapshotId.folderOf(testClass), List.of()))
                    .orElse(List.of());
        }

        private Map<String, List<String>> classesByFolder(Path classDirectory) {
            return classesByFolder.computeIfAbsent(classDirectory, RunRecord::scan);
        }

        /** Snapshot folder names ({@code Outer.Inner}) of every class file under a class directory. */
        private static Map<String, List<String>> scan(Path classDirectory) {
            Map<String, List<String>> folders = new HashMap<>();
            try (Stream<Path> files = Files.walk(classDirectory)) {
                files.filter(p -> p.getFileName().toString().endsWith(".class")).forEach(p -> {
                    String relative = classDirectory.relativize(p).toString().replace('\\', '/');
                    String binaryName = relative.substring(0, relative.length() - ".class".length())
                            .replace('/', '.');
                    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
                    folders.computeIfAbsent(simple.replace('$', '.'), k -> new ArrayList<>())
                            .add(binaryName);
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list test classes in " + classDirectory, e);
            }
            folders.values().forEach(list -> list.sort(null));
            return folders;
        }
    }
}
