package dev.runway.render.values;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.io.BoundedFiles;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYamlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's values as {@code helm template -f a.yaml -f b.yaml --set ...} builds them (Helm's
 * {@code pkg/cli/values} {@code Options.MergeValues}): values files deep-merged in the order given, then every
 * {@code --set-json}, then {@code --set}, {@code --set-string}, {@code --set-file} and {@code --set-literal}, each
 * group in the order given, whatever order the flags had on the command line. Later sources win.
 *
 * <pre>{@code
 * MergedValues merged = UserValues.builder()
 *         .valuesFile(Path.of("values-prod.yaml"))
 *         .set("image.tag=1.4.2")
 *         .build()
 *         .merge();
 * }</pre>
 */
public final class UserValues {

    /** The kinds of source, in the order Helm applies them. */
    public enum Kind {
        VALUES_FILE("-f"),
        SET_JSON("--set-json"),
        SET("--set"),
        SET_STRING("--set-string"),
        SET_FILE("--set-file"),
        SET_LITERAL("--set-literal");

        private final String flag;

        Kind(String flag) {
            this.flag = flag;
        }

        public String flag() {
            return flag;
        }
    }

    /**
     * One source: a values file (path, in-memory text, or a document already read, such as the values a Runway
     * service manifest maps to) or one flag's argument.
     */
    public record Source(Kind kind, String argument, Path file, String text, ValuesDocument document) {
        public Source {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(argument, "argument");
        }

        public Source(Kind kind, String argument, Path file, String text) {
            this(kind, argument, file, text, null);
        }

        @Override
        public String toString() {
            return kind == Kind.VALUES_FILE ? argument : kind.flag() + " " + argument;
        }
    }

    private final List<Source> sources;
    private final ValuesFiles files;
    private final ValuesFileMemo memo;
    /** The builder's reader for --set-file, or null: files are read from {@link #fileBase}. */
    private final FileValueReader fileReader;

    private final Path fileBase;
    private final HelmVersion helmVersion;

    private UserValues(Builder builder) {
        this.sources = List.copyOf(builder.sources);
        this.files = builder.files;
        this.memo = builder.memo;
        // The disk reader is made at the first --set-file: a lambda costs a class spin in a fresh JVM (issue 19).
        this.fileReader = builder.fileReader;
        this.fileBase = builder.fileBase;
        this.helmVersion = builder.helmVersion;
    }

    /**
     * {@code --set-file} from disk: Helm reads the whole file (os.ReadFile), which for {@code /dev/zero} never ends
     * and for a named pipe waits for a writer; here only a regular file is read, up to a values file's size limit.
     * Bytes that are not UTF-8 become U+FFFD (Go keeps them, but a manifest cannot carry them either).
     */
    private static FileValueReader fileReader(Path base, ValuesLimits limits) {
        return path -> {
            byte[] bytes = BoundedFiles.read(base.resolve(path), (long) limits.maxChars() * 4);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Source> sources() {
        return sources;
    }

    /**
     * Reads and merges everything. Errors: {@link ValuesFileException} for a file (with line and column),
     * {@link SetValueException} for a flag (Helm's text, such as {@code failed parsing --set data: key "a" has no value}).
     */
    public MergedValues merge() {
        // --set a[0][0]... nests a level per index (Helm takes tens of thousands), and parsing and merging recurse.
        try {
            return mergeOnThisThread();
        } catch (StackOverflowError e) {
            return dev.runway.render.io.DeepStack.rerun(
                    this::mergeOnThisThread,
                    overflow -> new SetValueException(
                            "the values nest too deeply to merge (stack overflow): nest maps and lists less deeply"));
        }
    }

    private MergedValues mergeOnThisThread() {
        Map<String, Object> base = new LinkedHashMap<>();
        List<Provenance> provenance = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Source source : sources) {
                if (source.kind() != kind) {
                    continue;
                }
                if (kind == Kind.VALUES_FILE) {
                    for (ValuesDocument document : read(source)) {
                        // A copy: --set changes the merged maps, and a run's memo shares each document.
                        base = ValueTrees.mergeMaps(base, ValueTrees.mutableCopy(document.values()));
                        provenance.add(new Provenance(source, document, List.of()));
                    }
                } else {
                    base = apply(source, base);
                    provenance.add(new Provenance(source, null, writtenLeaves(source)));
                }
            }
        }
        return new MergedValues(base, new Origins(List.copyOf(provenance)));
    }

    /** A values file as the Helm version reads it: Helm 4 merges all its YAML documents, Helm 3 reads the first. */
    private List<ValuesDocument> read(Source source) {
        if (source.document() != null) {
            return List.of(source.document());
        }
        if (memo != null && source.file() != null) {
            return memo.read(source.file(), source.argument(), helmVersion.isHelm4());
        }
        if (helmVersion.isHelm4()) {
            return source.file() != null
                    ? files.readDocuments(source.file(), source.argument())
                    : files.readDocuments(source.text(), source.argument());
        }
        return List.of(
                source.file() != null
                        ? files.read(source.file(), source.argument())
                        : files.read(source.text(), source.argument()));
    }

    private Map<String, Object> apply(Source source, Map<String, Object> base) {
        String line = source.argument();
        if (source.kind() == Kind.SET_JSON
                && helmVersion.isHelm4()
                && line.strip().startsWith("{")) {
            return ValueTrees.mergeMaps(base, jsonObject(line));
        }
        try {
            switch (source.kind()) {
                case SET_JSON -> Strvals.parseJson(line, base);
                case SET -> Strvals.parseInto(line, base);
                case SET_STRING -> Strvals.parseIntoString(line, base);
                case SET_FILE ->
                    Strvals.parseIntoFile(
                            line, base, fileReader != null ? fileReader : fileReader(fileBase, files.limits()));
                case SET_LITERAL -> Strvals.parseLiteralInto(line, base);
                default -> throw new IllegalStateException(source.kind().name());
            }
        } catch (SetValueException e) {
            if (source.kind() == Kind.SET_JSON) {
                // Helm's text hides the cause; we keep Helm's words and add it.
                throw new SetValueException("failed parsing --set-json data " + line + " (" + e.getMessage() + ")");
            }
            throw new SetValueException("failed parsing " + source.kind().flag() + " data: " + e.getMessage());
        }
        return base;
    }

    /** Helm 4's {@code --set-json '{"a": 1}'}: a whole JSON object, merged over the values like a values file. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String line) {
        String json = line.strip();
        try {
            GoJson.Decoded decoded = GoJson.decode(json, 0);
            if (decoded.value() instanceof Map<?, ?> map
                    && json.substring(decoded.end()).isBlank()) {
                return (Map<String, Object>) map;
            }
        } catch (GoYamlException e) {
            // worded as Helm below
        }
        throw new SetValueException("failed parsing --set-json data JSON: " + line);
    }

    /** The paths a flag sets, found by applying it to an empty map (for telling where a value came from). */
    private List<ValuesPath> writtenLeaves(Source source) {
        Map<String, Object> scratch = new LinkedHashMap<>();
        try {
            switch (source.kind()) {
                case SET_JSON -> scratch = apply(source, scratch);
                case SET_STRING, SET_FILE -> Strvals.parseIntoString(source.argument(), scratch);
                case SET_LITERAL -> Strvals.parseLiteralInto(source.argument(), scratch);
                default -> Strvals.parseInto(source.argument(), scratch);
            }
        } catch (SetValueException ignored) {
            // It was applied above without error; nothing else can go wrong here.
        }
        List<ValuesPath> leaves = new ArrayList<>();
        collectLeaves(scratch, new ArrayList<>(), leaves);
        return List.copyOf(leaves);
    }

    /**
     * The path is built in one list and copied only at leaves: a --set with thousands of nested indexes would
     * otherwise copy a path per level (quadratic memory).
     */
    private static void collectLeaves(Object value, List<Object> path, List<ValuesPath> leaves) {
        if (value instanceof Map<?, ?> map && (path.isEmpty() || !map.isEmpty())) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                path.add(e.getKey());
                collectLeaves(e.getValue(), path, leaves);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    path.add(i);
                    collectLeaves(list.get(i), path, leaves);
                    path.remove(path.size() - 1);
                }
            }
        } else {
            leaves.add(new ValuesPath(path));
        }
    }

    private record Provenance(Source source, ValuesDocument document, List<ValuesPath> leaves) {
        Optional<ValueOrigin> origin(ValuesPath path, boolean key) {
            if (document != null) {
                Optional<SourcePosition> at = key
                        ? document.keyPositionOf(path).or(() -> document.positionOf(path))
                        : document.positionOf(path);
                return at.map(ValueOrigin::file);
            }
            for (ValuesPath leaf : leaves) {
                if (path.startsWith(leaf)) {
                    return Optional.of(ValueOrigin.flag(source.toString()));
                }
            }
            return Optional.empty();
        }
    }

    /** Later sources win, so the last source that holds the path is where its value came from. */
    private record Origins(List<Provenance> provenance) implements ValueOrigins {
        @Override
        public Optional<ValueOrigin> originOf(ValuesPath path) {
            return find(path, false);
        }

        @Override
        public Optional<ValueOrigin> keyOriginOf(ValuesPath path) {
            return find(path, true);
        }

        private Optional<ValueOrigin> find(ValuesPath path, boolean key) {
            for (int i = provenance.size() - 1; i >= 0; i--) {
                Optional<ValueOrigin> origin = provenance.get(i).origin(path, key);
                if (origin.isPresent()) {
                    return origin;
                }
            }
            return Optional.empty();
        }
    }

    /** Collects sources; each group keeps the order of its calls. */
    public static final class Builder {
        private final List<Source> sources = new ArrayList<>();
        private ValuesFiles files = ValuesFiles.standard();
        /** Null: values files from disk are read at every merge. */
        private ValuesFileMemo memo;
        /** Null: read from disk, relative to {@link #fileBase}, with the values files' size limit. */
        private FileValueReader fileReader;

        private Path fileBase = Path.of("");
        private HelmVersion helmVersion = HelmVersion.DEFAULT;

        private Builder() {}

        /** {@code -f file}. */
        public Builder valuesFile(Path file) {
            return valuesFile(file, file.toString());
        }

        /** {@code -f file}, named {@code name} in messages and value origins (for example relative to a project). */
        public Builder valuesFile(Path file, String name) {
            sources.add(new Source(Kind.VALUES_FILE, Objects.requireNonNull(name, "name"), file, null));
            return this;
        }

        /** A values file given as text; {@code sourceName} names it in messages. */
        public Builder valuesYaml(String sourceName, String yaml) {
            sources.add(new Source(Kind.VALUES_FILE, sourceName, null, Objects.requireNonNull(yaml, "yaml")));
            return this;
        }

        /** Values already read, with their positions (they count as a values file, in the order of the calls). */
        public Builder valuesDocument(ValuesDocument document) {
            sources.add(new Source(Kind.VALUES_FILE, document.source(), null, null, document));
            return this;
        }

        /** {@code --set line}. */
        public Builder set(String line) {
            return add(Kind.SET, line);
        }

        /** {@code --set-string line}. */
        public Builder setString(String line) {
            return add(Kind.SET_STRING, line);
        }

        /** {@code --set-json line}. */
        public Builder setJson(String line) {
            return add(Kind.SET_JSON, line);
        }

        /** {@code --set-file line}: each value names a file whose content becomes the string. */
        public Builder setFile(String line) {
            return add(Kind.SET_FILE, line);
        }

        /** {@code --set-literal line}. */
        public Builder setLiteral(String line) {
            return add(Kind.SET_LITERAL, line);
        }

        /** How values files are read (limits, decoder); files from disk are then read at every merge. */
        public Builder files(ValuesFiles files) {
            this.files = Objects.requireNonNull(files, "files");
            this.memo = null;
            return this;
        }

        /**
         * Values files from disk read through a run's memo, so a run reads each once, with the memo's
         * {@link ValuesFileMemo#files()} (which values given as text use too).
         */
        public Builder memo(ValuesFileMemo memo) {
            this.memo = Objects.requireNonNull(memo, "memo");
            this.files = memo.files();
            return this;
        }

        /** How {@code --set-file} reads a file; by default from disk, relative to the working directory. */
        public Builder fileReader(FileValueReader fileReader) {
            this.fileReader = Objects.requireNonNull(fileReader, "fileReader");
            this.fileBase = null;
            return this;
        }

        /** Reads values files as this Helm version does (Helm 4, the default, merges their YAML documents). */
        public Builder helmVersion(HelmVersion version) {
            this.helmVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** {@code --set-file} paths relative to {@code dir}. */
        public Builder fileReaderRelativeTo(Path dir) {
            this.fileBase = Objects.requireNonNull(dir, "dir");
            this.fileReader = null;
            return this;
        }

        private Builder add(Kind kind, String line) {
            sources.add(new Source(kind, Objects.requireNonNull(line, "line"), null, null));
            return this;
        }

        public UserValues build() {
            return new UserValues(this);
        }
    }
}
