package dev.runway.render.flux;

import java.util.LinkedHashMap;
import java.util.List;
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
 * @param strict         kustomize-controller's {@code --feature-gates=StrictPostBuildSubstitutions=true}
 *                       (opt-in since kustomize-controller v1.3, internal/features/features.go)
 */
public record PostBuild(Map<String, String> substitute, List<VariableSource> substituteFrom, boolean strict) {

    public PostBuild {
        substitute = Map.copyOf(Objects.requireNonNullElse(substitute, Map.of()));
        substituteFrom = List.copyOf(Objects.requireNonNullElse(substituteFrom, List.of()));
    }

    /** The runway set-up: variables from the {@code flux-cluster-vars} ConfigMap. */
    public static PostBuild from(ClusterVars clusterVars, boolean strict) {
        return new PostBuild(Map.of(), List.of(VariableSource.of(clusterVars)), strict);
    }

    /** Only inline variables. */
    public static PostBuild inline(Map<String, String> substitute, boolean strict) {
        return new PostBuild(substitute, List.of(), strict);
    }

    public PostBuild withStrict(boolean value) {
        return new PostBuild(substitute, substituteFrom, value);
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
                throw new FluxSubstitutionException("substitute from '" + source.kind() + "/" + source.name()
                        + "' error: " + source.kind().toLowerCase() + "s \"" + source.name() + "\" not found");
            }
            source.values().forEach((k, v) -> vars.put(k, v.replace("\n", "")));
        }
        substitute.forEach((k, v) -> vars.put(k, v.replace("\n", "")));
        return vars;
    }
}
