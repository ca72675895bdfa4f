package dev.runway.render.flux;

import dev.runway.render.gofmt.GoValues;
import dev.runway.render.yaml.YamlTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Flux Kustomization's {@code spec.postBuild} and the controller's strict-substitution setting, resolved to the
 * variables kustomize-controller substitutes.
 *
 * <p>From fluxcd/pkg kustomize/kustomize_varsub.go (LoadVariables, SubstituteVariables) and kustomizations.md:
 * {@code substituteFrom} entries are read in order and a later one overwrites an earlier one's keys; the inline
 * {@code substitute} map overwrites them all; every value has its newlines removed; a missing object fails the
 * reconciliation unless the reference is {@code optional}.
 *
 * @param substitute     {@code spec.postBuild.substitute}
 * @param substituteFrom {@code spec.postBuild.substituteFrom}, in order
 * @param strict         kustomize-controller's {@code StrictPostBuildSubstitutions} feature gate: opt-in from
 *                       v1.3 (internal/features/features.go), on by default from v1.9.0 / Flux 2.9.0
 *                       (kustomize-controller PR #1671); see {@link #DEFAULT_STRICT}
 * @param strategy       {@code spec.postBuild.substituteStrategy} (kustomize-controller PR #1672, v1.9.0)
 */
public record PostBuild(
        Map<String, String> substitute,
        List<VariableSource> substituteFrom,
        boolean strict,
        SubstituteStrategy strategy) {

    /** What current Flux does: strict substitution is on by default since kustomize-controller v1.9.0. */
    public static final boolean DEFAULT_STRICT = true;

    /** {@code spec.postBuild.substituteStrategy}. */
    public enum SubstituteStrategy {
        /** The default: substitute only when at least one variable is defined. */
        WITH_VARIABLES,
        /** Substitute even when no variable is defined (defaults then apply; strict mode fails on the rest). */
        ALWAYS;

        static SubstituteStrategy parse(String value, String where) {
            return switch (value) {
                case "", "WithVariables" -> WITH_VARIABLES;
                case "Always" -> ALWAYS;
                default ->
                    throw new IllegalArgumentException(
                            where + ": substituteStrategy '" + value + "' is not WithVariables or Always");
            };
        }
    }

    public PostBuild {
        substitute = Map.copyOf(Objects.requireNonNullElse(substitute, Map.of()));
        substituteFrom = List.copyOf(Objects.requireNonNullElse(substituteFrom, List.of()));
        strategy = Objects.requireNonNullElse(strategy, SubstituteStrategy.WITH_VARIABLES);
    }

    /** With the default strategy (WithVariables). */
    public PostBuild(Map<String, String> substitute, List<VariableSource> substituteFrom, boolean strict) {
        this(substitute, substituteFrom, strict, SubstituteStrategy.WITH_VARIABLES);
    }

    /** The runway set-up: variables from the {@code flux-cluster-vars} ConfigMap. */
    public static PostBuild from(ClusterVars clusterVars) {
        return from(clusterVars, DEFAULT_STRICT);
    }

    /** The runway set-up with an explicit strict setting. */
    public static PostBuild from(ClusterVars clusterVars, boolean strict) {
        return new PostBuild(Map.of(), List.of(VariableSource.of(clusterVars)), strict);
    }

    /**
     * Reads {@code spec.postBuild} of a Flux Kustomization file. {@code substituteFrom} references are resolved
     * against {@code available} (ConfigMaps and Secrets read from files, matched by kind and name); a reference
     * with no match is a missing object. Throws {@link IllegalArgumentException} naming the file, line and field
     * when the Kustomization is malformed (a non-string {@code substitute} value, a reference without kind or name).
     */
    public static PostBuild fromKustomization(
            String yaml, String sourceName, List<ClusterVars> available, boolean strict) {
        YamlTree tree = ClusterVars.tree(yaml, sourceName);
        if (!"Kustomization".equals(tree.string("kind").orElse(""))) {
            throw new IllegalArgumentException(sourceName + ": not a Flux Kustomization (kind is '"
                    + tree.string("kind").orElse("") + "')");
        }
        Map<String, String> substitute = new LinkedHashMap<>();
        SubstituteStrategy strategy = SubstituteStrategy.parse(
                tree.string("spec", "postBuild", "substituteStrategy").orElse(""), sourceName);
        Map<Integer, Map<String, String>> refs = new java.util.TreeMap<>();
        Map<Integer, Integer> refLines = new LinkedHashMap<>();
        for (YamlTree.Scalar s : tree.scalars()) {
            List<Object> seg = s.segments();
            if (s.key() || seg.size() < 4 || !"spec".equals(seg.get(0)) || !"postBuild".equals(seg.get(1))) {
                continue;
            }
            int line = tree.positions().line(s.start());
            if ("substitute".equals(seg.get(2)) && seg.size() == 4) {
                if (s.plain() && !(dev.runway.render.yaml.GoYaml.plainScalarV2(s.value()) instanceof String)) {
                    throw new IllegalArgumentException(sourceName + ":" + line + ": " + s.path() + " is "
                            + GoValues.jsonTypeName(dev.runway.render.yaml.GoYaml.plainScalarV2(s.value()))
                            + "; substitute values must be strings: quote it (\"" + s.value() + "\")");
                }
                substitute.put((String) seg.get(3), s.value());
            } else if ("substituteFrom".equals(seg.get(2)) && seg.size() == 5 && seg.get(3) instanceof Integer i) {
                refs.computeIfAbsent(i, k -> new LinkedHashMap<>()).put(String.valueOf(seg.get(4)), s.value());
                refLines.putIfAbsent(i, line);
            }
        }
        List<VariableSource> from = new java.util.ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : refs.entrySet()) {
            String kind = e.getValue().getOrDefault("kind", "");
            String name = e.getValue().getOrDefault("name", "");
            if (!(kind.equals("ConfigMap") || kind.equals("Secret")) || name.isEmpty()) {
                throw new IllegalArgumentException(sourceName + ":" + refLines.get(e.getKey())
                        + ": spec.postBuild.substituteFrom[" + e.getKey() + "] needs kind (ConfigMap or Secret) and"
                        + " name");
            }
            boolean optional = "true".equals(e.getValue().get("optional"));
            ClusterVars match = available.stream()
                    .filter(v -> v.kind().equals(kind) && v.name().equals(name))
                    .findFirst()
                    .orElse(null);
            from.add(new VariableSource(kind, name, optional, match));
        }
        return new PostBuild(substitute, from, strict, strategy);
    }

    /** Only inline variables. */
    public static PostBuild inline(Map<String, String> substitute, boolean strict) {
        return new PostBuild(substitute, List.of(), strict);
    }

    public PostBuild withStrict(boolean value) {
        return new PostBuild(substitute, substituteFrom, value, strategy);
    }

    public PostBuild withStrategy(SubstituteStrategy value) {
        return new PostBuild(substitute, substituteFrom, strict, value);
    }

    /**
     * The variables Flux would use. Throws {@link FluxSubstitutionException} with the controller's message when a
     * non-optional ConfigMap or Secret is missing.
     */
    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (VariableSource source : substituteFrom) {
            if (source.vars() == null) {
                if (source.optional()) {
                    continue;
                }
                throw new FluxSubstitutionException(
                        "substitute from '" + source.kind() + "/" + source.name() + "' error: "
                                + source.kind().toLowerCase(Locale.ROOT) + "s \"" + source.name() + "\" not found");
            }
            source.values().forEach((k, v) -> vars.put(k, v.replace("\n", "")));
        }
        substitute.forEach((k, v) -> vars.put(k, v.replace("\n", "")));
        return vars;
    }
}
