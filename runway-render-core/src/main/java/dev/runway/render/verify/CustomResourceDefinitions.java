package dev.runway.render.verify;

import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import dev.runway.render.yaml.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CustomResourceDefinitions to check custom resources against, read from a folder of CRD YAML files (as kubeconform
 * takes schema locations): every {@code apiextensions.k8s.io/v1} {@code CustomResourceDefinition} document in every
 * {@code .yaml}/{@code .yml} file below it. A resource whose group and kind a definition names is checked against
 * the {@code openAPIV3Schema} of its version ({@link CrdCheck}) instead of being reported as not checked.
 */
public final class CustomResourceDefinitions {

    /** One version of a definition. */
    record Version(String name, boolean served, boolean deprecated, String deprecationWarning, YMap schema) {}

    /** One definition: its group, kind and versions, and the file it came from. */
    record Definition(String name, String group, String kind, boolean namespaced, List<Version> versions, String file) {
        Optional<Version> version(String version) {
            return versions.stream().filter(v -> v.name().equals(version)).findFirst();
        }
    }

    private static final CustomResourceDefinitions NONE = new CustomResourceDefinitions(Map.of(), List.of());

    private final Map<String, Definition> byGroupKind;
    private final List<Path> sources;

    private CustomResourceDefinitions(Map<String, Definition> byGroupKind, List<Path> sources) {
        this.byGroupKind = Map.copyOf(byGroupKind);
        this.sources = List.copyOf(sources);
    }

    /** No definitions: custom resources are reported as not checked. */
    public static CustomResourceDefinitions none() {
        return NONE;
    }

    /**
     * Reads every CRD in the YAML files below {@code directory}.
     *
     * @throws IllegalArgumentException for a folder that does not exist, a file that is not YAML, or a CRD without
     *                                  group, kind or versions, naming the file and line
     */
    public static CustomResourceDefinitions load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("CRD folder " + directory + " does not exist");
        }
        Map<String, Definition> definitions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml")
                            || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            List<YamlTree.TypedDocument> documents;
            try {
                documents = ManifestStreamParser.typedDocuments(text, file.toString());
            } catch (GoYamlException e) {
                throw new IllegalArgumentException("CRD file " + e.getMessage(), e);
            }
            for (YamlTree.TypedDocument document : documents) {
                if (document.root() instanceof YMap root
                        && "CustomResourceDefinition".equals(root.string("kind").orElse(""))
                        && root.string("apiVersion").orElse("").startsWith("apiextensions.k8s.io/")) {
                    Definition definition = definition(root, file.toString());
                    definitions.put(key(definition.group(), definition.kind()), definition);
                }
            }
        }
        return new CustomResourceDefinitions(definitions, files);
    }

    private static Definition definition(YMap root, String file) {
        YMap spec = root.map("spec").orElseThrow(() -> bad(file, root.line(), "has no spec"));
        String group = spec.string("group").orElseThrow(() -> bad(file, spec.line(), "has no spec.group"));
        String kind = spec.map("names")
                .flatMap(n -> n.string("kind"))
                .orElseThrow(() -> bad(file, spec.line(), "has no spec.names.kind"));
        boolean namespaced = !"Cluster".equals(spec.string("scope").orElse("Namespaced"));
        List<Version> versions = new ArrayList<>();
        for (YNode node : spec.list("versions")) {
            if (!(node instanceof YMap v)) {
                continue;
            }
            YMap schema = v.map("schema").flatMap(s -> s.map("openAPIV3Schema")).orElse(null);
            versions.add(new Version(
                    v.string("name").orElseThrow(() -> bad(file, v.line(), "has a version without name")),
                    bool(v, "served"),
                    bool(v, "deprecated"),
                    v.string("deprecationWarning").orElse(""),
                    schema));
        }
        if (versions.isEmpty()) {
            throw bad(file, spec.line(), "has no spec.versions");
        }
        String name =
                root.map("metadata").flatMap(m -> m.string("name")).orElse(kind.toLowerCase(Locale.ROOT) + "." + group);
        return new Definition(name, group, kind, namespaced, List.copyOf(versions), file);
    }

    private static boolean bool(YMap map, String key) {
        return map.get(key) instanceof YScalar s
                && s.type() == YNode.ScalarType.BOOL
                && s.value().equals("true");
    }

    private static IllegalArgumentException bad(String file, int line, String what) {
        return new IllegalArgumentException(file + ":" + line + ": the CustomResourceDefinition " + what);
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }

    /** The definition of a resource's group and kind, if one was given. */
    Optional<Definition> find(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return Optional.ofNullable(byGroupKind.get(key(group, kind)));
    }

    /** How many definitions were read. */
    public int size() {
        return byGroupKind.size();
    }

    /** {@code group/Kind} of every definition, sorted. */
    public List<String> kinds() {
        return byGroupKind.keySet().stream().sorted().toList();
    }

    /** The files that were read. */
    public List<Path> sources() {
        return sources;
    }
}
