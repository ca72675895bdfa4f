package dev.runway.render.flux;

import dev.runway.render.RenderedChart;
import dev.runway.render.RenderedManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulator of kustomize-controller's post-build substitution, resource by resource, as fluxcd/pkg
 * kustomize/kustomize_varsub.go SubstituteVariables does it:
 * <ol>
 *   <li>a resource labelled or annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled} is left alone;</li>
 *   <li>with no variables at all nothing is substituted ("Substitution of variables only happens if at least a
 *       single variable or resource to substitute from is defined", kustomizations.md), unless
 *       {@code substituteStrategy: Always};</li>
 *   <li>every variable name must match {@value FluxVariableNames#REGEX}, else the resource fails;</li>
 *   <li>envsubst runs over the resource's YAML text; in strict mode an unset variable without a default fails,
 *       otherwise it becomes empty;</li>
 *   <li>the result is read back with sigs.k8s.io/yaml YAMLToJSON (go-yaml v2 rules), so an unquoted number
 *       becomes a number.</li>
 * </ol>
 * Flux substitutes kustomize's re-serialisation of each resource ({@code res.AsYAML()}); this simulator uses the
 * rendered text, which differs only in layout (indentation, key order of what kustomize adds), not in values.
 */
public final class FluxSubstitution {

    static final String SUBSTITUTE_KEY = "kustomize.toolkit.fluxcd.io/substitute";

    private FluxSubstitution() {
    }

    /** Substitutes every manifest of a render. */
    public static SubstitutionResult apply(RenderedChart chart, PostBuild postBuild) {
        return apply(chart.manifests(), postBuild);
    }

    /** Substitutes the given manifests. A missing non-optional variable source fails every resource. */
    public static SubstitutionResult apply(List<RenderedManifest> manifests, PostBuild postBuild) {
        Map<String, String> vars;
        try {
            vars = postBuild.variables();
        } catch (FluxSubstitutionException e) {
            List<SubstitutedManifest> failed = new ArrayList<>();
            for (RenderedManifest m : manifests) {
                failed.add(new SubstitutedManifest(m, SubstitutedManifest.Status.FAILED, m.text(), null,
                        e.getMessage()));
            }
            return new SubstitutionResult(failed, Map.of());
        }
        List<SubstitutedManifest> out = new ArrayList<>();
        for (RenderedManifest m : manifests) {
            out.add(substitute(m, vars, postBuild.strict(), postBuild.strategy()));
        }
        return new SubstitutionResult(out, vars);
    }

    /** Substitutes one manifest with resolved variables and the default strategy. */
    public static SubstitutedManifest substitute(RenderedManifest manifest, Map<String, String> vars, boolean strict) {
        return substitute(manifest, vars, strict, PostBuild.SubstituteStrategy.WITH_VARIABLES);
    }

    /** Substitutes one manifest with resolved variables. */
    public static SubstitutedManifest substitute(RenderedManifest manifest, Map<String, String> vars, boolean strict,
                                                 PostBuild.SubstituteStrategy strategy) {
        String text = manifest.text();
        YamlTree before;
        try {
            before = YamlTree.parse(text);
        } catch (YamlTree.YamlParseException e) {
            return new SubstitutedManifest(manifest, SubstitutedManifest.Status.FAILED, text, null,
                    "the manifest is not valid YAML: " + e.getMessage());
        }
        if (disabled(before)) {
            return new SubstitutedManifest(manifest, SubstitutedManifest.Status.DISABLED, text,
                    GoYamlV2.toGoValue(before.root()), "");
        }
        if (vars.isEmpty() && strategy == PostBuild.SubstituteStrategy.WITH_VARIABLES) {
            return new SubstitutedManifest(manifest, SubstitutedManifest.Status.NO_VARIABLES, text,
                    GoYamlV2.toGoValue(before.root()), "");
        }
        for (String name : vars.keySet().stream().sorted().toList()) {
            if (!FluxVariableNames.isValid(name)) {
                return new SubstitutedManifest(manifest, SubstitutedManifest.Status.FAILED, text, null,
                        "envsubst error: '" + name + "' var name is invalid, must match '" + FluxVariableNames.REGEX
                                + "'");
            }
        }
        String substituted;
        try {
            substituted = Envsubst.eval(text, name -> Optional.ofNullable(vars.get(name)), strict);
        } catch (EnvsubstException e) {
            return new SubstitutedManifest(manifest, SubstitutedManifest.Status.FAILED, text, null,
                    "envsubst error: variable substitution failed: " + e.getMessage());
        }
        try {
            YamlTree after = YamlTree.parse(substituted);
            return new SubstitutedManifest(manifest, SubstitutedManifest.Status.SUBSTITUTED, substituted,
                    GoYamlV2.toGoValue(after.root()), "");
        } catch (YamlTree.YamlParseException e) {
            return new SubstitutedManifest(manifest, SubstitutedManifest.Status.FAILED, substituted, null,
                    "envsubst error: YAMLToJSON: yaml: line " + e.line() + ": " + e.getMessage());
        }
    }

    /** kustomize_varsub.go: the label or the annotation, compared exactly with "disabled". */
    static boolean disabled(YamlTree tree) {
        return "disabled".equals(tree.stringMap("metadata", "labels").get(SUBSTITUTE_KEY))
                || "disabled".equals(tree.stringMap("metadata", "annotations").get(SUBSTITUTE_KEY));
    }
}
