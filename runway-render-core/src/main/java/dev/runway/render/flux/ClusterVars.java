package dev.runway.render.flux;

import dev.runway.render.gofmt.GoValues;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ConfigMap or Secret of Flux variables, such as the cluster's {@code flux-cluster-vars}, read from a YAML file.
 * Its data keys are variable names (kustomizations.md: "The ConfigMap and Secret data keys are used as the
 * variable names"). Secret {@code data} is base64 and decoded here; Secret {@code stringData} is merged over
 * {@code data}, as the API server does before Flux reads the Secret.
 *
 * @param kind   {@code ConfigMap} or {@code Secret}
 * @param name   {@code metadata.name}
 * @param values variable name to value, as written (Flux strips newlines when it loads them)
 * @param source where it was read from, for messages
 */
public record ClusterVars(String kind, String name, Map<String, String> values, String source) {

    /** The ConfigMap the runway-eks chart's Flux variables come from. */
    public static final String DEFAULT_NAME = "flux-cluster-vars";

    public ClusterVars {
        Objects.requireNonNull(kind, "kind");
        name = Objects.requireNonNullElse(name, "");
        values = Map.copyOf(new LinkedHashMap<>(values));
        source = Objects.requireNonNullElse(source, "");
    }

    /** Reads a ConfigMap or Secret file. */
    public static ClusterVars read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Flux variables file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a ConfigMap or Secret document. Throws {@link IllegalArgumentException} naming the file, line and
     * field when it is not one, when a value is not a string, or when Secret data is not base64.
     */
    public static ClusterVars parse(String yaml, String sourceName) {
        YamlTree tree = tree(yaml, sourceName);
        String kind = tree.string("kind").orElse("");
        if (!kind.equals("ConfigMap") && !kind.equals("Secret")) {
            throw new IllegalArgumentException(sourceName + ": kind is '" + kind + "'; Flux reads variables only from"
                    + " a ConfigMap or a Secret (spec.postBuild.substituteFrom[].kind)");
        }
        String name = tree.string("metadata", "name").orElse("");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> fromStringData = new LinkedHashMap<>();
        for (YamlTree.Scalar s : tree.scalars()) {
            List<Object> seg = s.segments();
            if (s.key() || seg.size() != 2 || !(seg.get(0) instanceof String field)) {
                continue;
            }
            boolean data = field.equals("data");
            boolean stringData = kind.equals("Secret") && field.equals("stringData");
            if (!data && !stringData) {
                continue;
            }
            if (s.plain()
                    && !s.explicitTag()
                    && !(dev.runway.render.yaml.GoYaml.plainScalarV2(s.value()) instanceof String)) {
                int line = tree.positions().line(s.start());
                throw new IllegalArgumentException(sourceName + ":" + line + ": " + s.path() + " is "
                        + GoValues.jsonTypeName(dev.runway.render.yaml.GoYaml.plainScalarV2(s.value())) + " "
                        + s.value()
                        + "; ConfigMap and Secret values must be strings: quote it (\"" + s.value() + "\")");
            }
            String value = s.value();
            if (data && kind.equals("Secret")) {
                try {
                    value = new String(Base64.getMimeDecoder().decode(value.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    int line = tree.positions().line(s.start());
                    throw new IllegalArgumentException(
                            sourceName + ":" + line + ": " + s.path()
                                    + " is not base64; Secret data must be base64 (or use stringData)",
                            e);
                }
            }
            (stringData ? fromStringData : values).put((String) seg.get(1), value);
        }
        values.putAll(fromStringData); // the API server merges stringData over data
        return new ClusterVars(kind, name, values, sourceName);
    }

    /** Variable names in the file that Flux would reject (and so fail every substitution with). */
    public List<String> invalidNames() {
        return values.keySet().stream()
                .filter(n -> !FluxVariableNames.isValid(n))
                .sorted()
                .toList();
    }

    /**
     * A Flux input file (variables, Kustomization) read as written; bad YAML is an {@link IllegalArgumentException}
     * naming the file, line and column.
     */
    static YamlTree tree(String yaml, String sourceName) {
        try {
            return YamlTree.parse(yaml);
        } catch (GoYamlException e) {
            throw new IllegalArgumentException(
                    sourceName + ":" + Math.max(e.line(), 0) + ":" + Math.max(e.column(), 0) + ": not valid YAML: "
                            + e.getMessage(),
                    e);
        }
    }
}
