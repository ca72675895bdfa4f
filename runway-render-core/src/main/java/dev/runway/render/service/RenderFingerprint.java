package dev.runway.render.service;

import dev.runway.render.digest.Sha256;
import dev.runway.render.io.AtomicFiles;
import dev.runway.render.servicemanifest.ServiceManifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The up-to-date check of a render, as Spotless's index and Jib's cache do it: a digest of everything that decides
 * the output (the engine, the chart's files, the values files, the service manifests, the {@code --set} kinds, the
 * environments, the release and render options, the layout), stored with the hashes of the files the render wrote.
 * When nothing of it changed and the output files still hold what was written, rendering again would write the same
 * bytes, so the goal can stop before it loads the engine.
 *
 * <p>Computed from the goal's plain {@link EnvironmentPlanner.Settings}, not from the plan: planning reads the values
 * and the manifest with the YAML reader, which is most of the class loading the check is there to avoid. Everything
 * here is {@code java.base}: file hashes and a properties file. A missing, unreadable or foreign fingerprint file
 * means "render" and is never an error. Settings are stored as hashes, so a secret given with {@code setString} does
 * not land in the build directory.
 *
 * @param entries what decides the output, by key ({@code file..runway/values.yaml}), each a hash or a short value
 * @param environments the environments the settings select, in order; their folders under the output directory
 * @param outputDirectory where the environments' folders are
 */
public record RenderFingerprint(Map<String, String> entries, List<String> environments, Path outputDirectory) {

    /** Bumped when the meaning of the entries changes: an older file then just means "render". */
    static final String FORMAT = "runway-render-fingerprint-1";

    /** More chart files than this: no fingerprint (always render) rather than a slow walk of a folder that big. */
    static final int MAX_CHART_FILES = 10_000;

    private static final String OUTPUT = "output.";

    public RenderFingerprint {
        entries = Map.copyOf(entries);
        environments = List.copyOf(environments);
    }

    /**
     * The outcome of a comparison.
     *
     * @param upToDate whether the stored fingerprint matches and every output file is as written
     * @param reason   why not, for a log line ({@code .runway/staging.yaml changed}); empty when up to date
     */
    public record Check(boolean upToDate, String reason) {}

    /**
     * The fingerprint of a render with these settings, or empty when it cannot be taken (environments that the
     * planner will refuse, a chart folder too large to walk, a file that cannot be read): the goal then renders.
     *
     * @param layout          the output layout's name ({@code SINGLE_FILE})
     * @param outputDirectory where the environments' folders go
     * @param engine          what identifies the code that renders ({@link #engineIdentity})
     */
    public static Optional<RenderFingerprint> of(
            EnvironmentPlanner.Settings settings, String layout, Path outputDirectory, String engine) {
        try {
            return Optional.of(compute(settings, layout, outputDirectory, engine));
        } catch (Unfingerprintable | IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static RenderFingerprint compute(
            EnvironmentPlanner.Settings settings, String layout, Path outputDirectory, String engine)
            throws IOException {
        Path basedir = settings.baseDirectory().toAbsolutePath().normalize();
        Map<String, String> entries = new TreeMap<>();
        entries.put("engine", engine);
        entries.put("layout", layout);
        entries.put(
                "outputDirectory", outputDirectory.toAbsolutePath().normalize().toString());
        setting(entries, "baseDirectory", basedir);
        setting(entries, "chartDirectory", settings.chartDirectory());
        setting(entries, "valuesFiles", settings.valuesFiles());
        setting(entries, "extraValuesFiles", settings.extraValuesFiles());
        setting(entries, "set", settings.set());
        setting(entries, "setString", settings.setString());
        setting(entries, "setFile", settings.setFile());
        setting(entries, "extraSet", settings.extraSet());
        setting(entries, "extraSetString", settings.extraSetString());
        setting(entries, "extraSetFile", settings.extraSetFile());
        setting(entries, "serviceId", settings.serviceId());
        setting(entries, "manifest", settings.manifest());
        setting(entries, "ignoredManifestFields", settings.ignoredManifestFields());
        setting(entries, "image", settings.image());
        setting(entries, "releaseName", settings.releaseName());
        setting(entries, "namespace", settings.namespace());
        setting(entries, "kubeVersion", settings.kubeVersion());
        setting(entries, "helmVersion", settings.helmVersion());
        setting(entries, "environments", environmentsText(settings.environments()));
        setting(entries, "environment", settings.selection());

        if (settings.chartDirectory() != null) {
            chartFiles(entries, basedir.resolve(settings.chartDirectory()), outputDirectory);
        } // the bundled chart is part of the engine's jar, which "engine" identifies

        Set<Path> files = new LinkedHashSet<>();
        if (nonNull(settings.valuesFiles()).isEmpty()) {
            files.add(basedir.resolve(RequestValues.DEFAULT_VALUES_FILE));
        }
        resolveAll(files, basedir, settings.valuesFiles());
        resolveAll(files, basedir, settings.extraValuesFiles());
        setFilePaths(files, basedir, settings.setFile());
        setFilePaths(files, basedir, settings.extraSetFile());
        List<EnvironmentPlanner.EnvironmentSettings> all =
                nonNull(settings.environments()).isEmpty()
                        ? List.of(EnvironmentPlanner.EnvironmentSettings.unnamed())
                        : settings.environments();
        Set<String> selected = EnvironmentNames.selection(settings.selection());
        List<String> names = new ArrayList<>();
        for (EnvironmentPlanner.EnvironmentSettings env : all) {
            String name = EnvironmentNames.nameOf(env, all);
            if (name == null || !EnvironmentNames.isFolderName(name)) {
                throw new Unfingerprintable(); // the planner says what is wrong
            }
            if (!selected.isEmpty() && !selected.contains(name)) {
                continue;
            }
            names.add(name);
            resolveAll(files, basedir, env.valuesFiles());
            setFilePaths(files, basedir, env.setFile());
            Path manifest = basedir.resolve(
                    env.manifest() != null
                            ? env.manifest()
                            : settings.manifest() != null ? settings.manifest() : Path.of(ServiceManifests.DEFAULT));
            files.add(manifest);
            files.add(ServiceManifests.environmentFile(manifest, name));
        }
        for (Path file : files) {
            entries.put("file." + ProjectPaths.relative(basedir, file), fileHash(file));
        }
        return new RenderFingerprint(
                entries, names, outputDirectory.toAbsolutePath().normalize());
    }

    /**
     * Compares with the fingerprint stored in {@code file} by the last successful render, and the output files with
     * the hashes stored there.
     */
    public Check check(Path file) {
        Properties stored = new Properties();
        try {
            if (!Files.isRegularFile(file)) {
                return new Check(false, "no earlier render recorded");
            }
            stored.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            return new Check(false, "the fingerprint " + file.getFileName() + " is unreadable");
        }
        if (!FORMAT.equals(stored.getProperty("format"))) {
            return new Check(false, "the fingerprint " + file.getFileName() + " is of another version");
        }
        Map<String, String> current = new TreeMap<>(entries);
        current.put("format", FORMAT);
        current.put("environments", String.join(",", environments));
        try {
            current.putAll(outputs());
        } catch (IOException | UncheckedIOException e) {
            return new Check(false, "the output cannot be read (" + e.getMessage() + ")");
        }
        Set<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(stored.stringPropertyNames());
        for (String key : keys) {
            if (!String.valueOf(current.get(key)).equals(String.valueOf(stored.getProperty(key)))) {
                return new Check(false, describe(key));
            }
        }
        return new Check(true, "");
    }

    /**
     * Stores this fingerprint with the hashes of the output files as they are now, atomically; call it after the
     * render wrote them. A failure to store only costs the next build a render, so it is reported, not thrown.
     *
     * @return empty, or why the fingerprint could not be stored
     */
    public Optional<String> write(Path file) {
        Map<String, String> properties = new TreeMap<>(entries);
        properties.put("format", FORMAT);
        properties.put("environments", String.join(",", environments));
        try {
            properties.putAll(outputs());
            // Properties.store would add a date comment, whose time zone name loads the JVM's locale data (CLDR),
            // and hash order; the lines are written here as store writes them, sorted so the file is stable.
            List<String> lines = new ArrayList<>(properties.size());
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                lines.add(propertiesLine(entry.getKey(), entry.getValue()));
            }
            Collections.sort(lines);
            AtomicFiles.writeIfChanged(
                    file,
                    "# runway:render's up-to-date check; delete it (or -Drunway.force=true) to render anyway\n"
                            + String.join("\n", lines) + "\n");
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("cannot store the render's fingerprint " + file + ": " + e.getMessage());
        }
    }

    /**
     * One {@code key=value} line as {@code Properties.store(Writer, ...)} writes it (its saveConvert without
     * unicode escapes): backslash, tab, newline, carriage return, form feed and {@code = : # !} escaped, spaces
     * escaped in the key and at the start of the value; {@link #check} reads it back with {@code Properties.load}.
     */
    static String propertiesLine(String key, String value) {
        StringBuilder line = new StringBuilder(key.length() + value.length() + 8);
        escapeProperty(line, key, true);
        line.append('=');
        escapeProperty(line, value, false);
        return line.toString();
    }

    private static void escapeProperty(StringBuilder out, String text, boolean isKey) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(i == 0 || isKey ? "\\ " : " ");
                default -> out.append(c);
            }
        }
    }

    /**
     * What identifies the code that renders: for each class, the jar it came from (name, size and modification
     * time, so a rebuilt snapshot counts as new) or the folder of classes.
     */
    public static String engineIdentity(Class<?>... classes) {
        List<String> parts = new ArrayList<>();
        for (Class<?> type : classes) {
            parts.add(codeSource(type));
        }
        return String.join(";", parts);
    }

    private static String codeSource(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return type.getName();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.getFileName() + ":" + Files.size(location) + ":"
                        + Files.getLastModifiedTime(location).toMillis();
            }
            return location.toString();
        } catch (URISyntaxException | IOException | IllegalArgumentException | SecurityException e) {
            return type.getName() + ":" + e.getClass().getSimpleName();
        }
    }

    /** The output files (YAML, as {@link OutputSync} keeps and removes them) of every environment, hashed. */
    private Map<String, String> outputs() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String environment : environments) {
            Path directory = outputDirectory.resolve(environment);
            if (!Files.isDirectory(directory)) {
                out.put(OUTPUT + environment, "absent");
                continue;
            }
            try (Stream<Path> list = Files.list(directory)) {
                for (Path entry : list.toList()) {
                    String name = entry.getFileName().toString();
                    if (OutputSync.isOutputFile(name)) {
                        out.put(OUTPUT + environment + "/" + name, fileHash(entry));
                    }
                }
            }
        }
        return out;
    }

    private static String describe(String key) {
        if (key.equals("engine")) {
            return "the plugin or engine changed";
        }
        if (key.startsWith("file.")) {
            return key.substring("file.".length()) + " changed";
        }
        if (key.startsWith("chart.")) {
            return "chart file " + key.substring("chart.".length()) + " changed";
        }
        if (key.startsWith("setting.")) {
            return "the setting " + key.substring("setting.".length()) + " changed";
        }
        if (key.startsWith(OUTPUT)) {
            return "the output " + key.substring(OUTPUT.length()) + " was edited, added or removed";
        }
        return "the " + key + " changed";
    }

    private static void chartFiles(Map<String, String> entries, Path chart, Path outputDirectory) throws IOException {
        if (!Files.isDirectory(chart)) {
            throw new Unfingerprintable(); // the planner says what is wrong
        }
        Path output = outputDirectory.toAbsolutePath().normalize();
        int count = 0;
        // Following links as the chart loader reads through them; a loop fails the walk, which means "render".
        try (Stream<Path> walk = Files.walk(chart, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : walk.sorted().toList()) {
                if (!Files.isRegularFile(file)
                        || file.toAbsolutePath().normalize().startsWith(output)) {
                    continue;
                }
                if (++count > MAX_CHART_FILES) {
                    throw new Unfingerprintable();
                }
                String relative = chart.relativize(file).toString().replace('\\', '/');
                entries.put("chart." + relative, fileHash(file));
            }
        }
    }

    /** The files of {@code --set-file} entries ({@code key=path}, several joined by commas). */
    private static void setFilePaths(Set<Path> files, Path basedir, List<String> entries) {
        for (String entry : nonNull(entries)) {
            if (entry == null) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                continue; // the planner refuses it
            }
            // Both readings of a comma, as one path and as a separator: any of them that names a file is hashed.
            candidate(files, basedir, entry.substring(equals + 1));
            int start = 0;
            while (start <= entry.length()) {
                int comma = entry.indexOf(',', start);
                String part = entry.substring(start, comma < 0 ? entry.length() : comma);
                int eq = part.indexOf('=');
                if (eq >= 0) {
                    candidate(files, basedir, part.substring(eq + 1));
                }
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
        }
    }

    private static void candidate(Set<Path> files, Path basedir, String path) {
        String trimmed = path.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        try {
            files.add(basedir.resolve(trimmed));
        } catch (java.nio.file.InvalidPathException e) {
            // not a path; the render says so
        }
    }

    /**
     * The environments' settings in the text of their records' generated toString, which earlier fingerprints hashed,
     * written out: that toString bootstraps through java.lang.runtime.ObjectMethods, which spins many method-handle
     * classes the first time in a JVM (issue 19). Null stays null ("unset").
     */
    private static void resolveAll(Set<Path> files, Path basedir, List<Path> paths) {
        for (Path path : nonNull(paths)) {
            files.add(basedir.resolve(path));
        }
    }

    static String environmentsText(List<EnvironmentPlanner.EnvironmentSettings> environments) {
        if (environments == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("[");
        for (EnvironmentPlanner.EnvironmentSettings env : environments) {
            if (text.length() > 1) {
                text.append(", ");
            }
            if (env == null) {
                text.append("null");
                continue;
            }
            text.append("EnvironmentSettings[name=")
                    .append(env.name())
                    .append(", valuesFiles=")
                    .append(env.valuesFiles())
                    .append(", set=")
                    .append(env.set())
                    .append(", setString=")
                    .append(env.setString())
                    .append(", setFile=")
                    .append(env.setFile())
                    .append(", releaseName=")
                    .append(env.releaseName())
                    .append(", namespace=")
                    .append(env.namespace())
                    .append(", committedManifests=")
                    .append(env.committedManifests())
                    .append(", manifest=")
                    .append(env.manifest())
                    .append(']');
        }
        return text.append(']').toString();
    }

    private static void setting(Map<String, String> entries, String name, Object value) {
        entries.put("setting." + name, value == null ? "unset" : hash(String.valueOf(value)));
    }

    /** A file's SHA-256, or what stands there instead ({@code absent}, {@code not a file}). */
    private static String fileHash(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "absent";
        }
        if (!Files.isRegularFile(file)) {
            return "not a file";
        }
        Sha256 digest = new Sha256();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digestHex();
    }

    private static String hash(String text) {
        return Sha256.hex(text);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Inputs that cannot be fingerprinted; the goal renders (and the planner names any problem). */
    private static final class Unfingerprintable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unfingerprintable() {
            super(null, null, false, false);
        }
    }
}
