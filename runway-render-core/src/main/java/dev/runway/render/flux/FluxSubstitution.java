package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulator of kustomize-controller's post-build substitution, resource by resource, as fluxcd/pkg
 * kustomize/kustomize_varsub.go SubstituteVariables does it. Flux does not substitute the text the chart wrote: it
 * substitutes kustomize's re-serialisation of each resource, {@code res.AsYAML()} (kustomize api/resource/resource.go:
 * {@code MarshalJSON} then sigs.k8s.io/yaml {@code JSONToYAML}; kyaml/yaml/rnode.go {@code MarshalJSON}: go-yaml v3
 * Unmarshal into map[string]interface{}, then encoding/json). So, in order:
 * <ol>
 *   <li>the resource is read as go-yaml v3 reads it ({@link GoYaml#readKyaml}) and written back as JSON and then as
 *       YAML by sigs.k8s.io/yaml ({@link GoYaml#marshal}): comments and quotes are gone, keys sorted, and a string
 *       such as {@code "123"} is written {@code "123"} only because JSONToYAML quotes it, while {@code "${id}"} is
 *       written plain as {@code ${id}};</li>
 *   <li>a resource labelled or annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled} is left alone;</li>
 *   <li>with no variables at all nothing is substituted ("Substitution of variables only happens if at least a
 *       single variable or resource to substitute from is defined", kustomizations.md), unless
 *       {@code substituteStrategy: Always};</li>
 *   <li>every variable name must match {@value FluxVariableNames#REGEX}, else the resource fails;</li>
 *   <li>envsubst runs over that YAML; in strict mode an unset variable without a default fails, otherwise it becomes
 *       empty (so {@code "${unset}"} ends as {@code null}); a Go panic inside envsubst fails the reconciliation
 *       (controller-runtime recovers it: "panic: ... [recovered]");</li>
 *   <li>the result is read back with sigs.k8s.io/yaml {@code YAMLToJSON} (go-yaml v2 rules): what the API server
 *       receives. An unquoted number becomes a number, {@code yes} a boolean.</li>
 * </ol>
 */
public final class FluxSubstitution {

    static final String SUBSTITUTE_KEY = "kustomize.toolkit.fluxcd.io/substitute";

    private FluxSubstitution() {}

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
                failed.add(
                        new SubstitutedManifest(m, SubstitutedManifest.Status.FAILED, m.text(), null, e.getMessage()));
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
    public static SubstitutedManifest substitute(
            RenderedManifest manifest,
            Map<String, String> vars,
            boolean strict,
            PostBuild.SubstituteStrategy strategy) {
        return substitute(Kustomized.read(manifest), vars, strict, strategy);
    }

    /**
     * A manifest as kustomize holds it before Flux substitutes: read with go-yaml v3 and written back as YAML
     * ({@code res.AsYAML()}), or why kustomize cannot. It does not depend on the variables, so a caller that tries
     * several sets of variables on one manifest (the safety check's samples) reads it once.
     *
     * @param resource the manifest as {@link GoYaml#readKyaml} reads it; null when that or the write failed
     * @param text     kustomize's YAML of the resource; the manifest's text when it failed
     * @param error    the controller's error when it failed, else empty
     */
    record Kustomized(RenderedManifest manifest, Object resource, String text, String error) {

        /** Reads the manifest's text. */
        static Kustomized read(RenderedManifest manifest) {
            Object resource;
            try {
                resource = GoYaml.readKyaml(manifest.text());
            } catch (GoYamlException | GoJson.GoJsonException e) {
                return new Kustomized(manifest, null, manifest.text(), "kustomize build failed: " + e.getMessage());
            }
            return of(manifest, resource);
        }

        /** From {@code resource}, which a caller has read with {@link GoYaml#readKyaml} from the manifest's text. */
        static Kustomized of(RenderedManifest manifest, Object resource) {
            try {
                return new Kustomized(manifest, resource, GoYaml.marshal(resource), "");
            } catch (GoYamlException | GoJson.GoJsonException e) {
                return new Kustomized(manifest, null, manifest.text(), "kustomize build failed: " + e.getMessage());
            }
        }
    }

    /** Substitutes a manifest kustomize has read ({@link Kustomized}) with resolved variables. */
    static SubstitutedManifest substitute(
            Kustomized read, Map<String, String> vars, boolean strict, PostBuild.SubstituteStrategy strategy) {
        RenderedManifest manifest = read.manifest();
        if (!read.error().isEmpty()) {
            return failed(manifest, read.text(), read.error());
        }
        String kustomized = read.text();
        if (!(read.resource() instanceof Map<?, ?> object)) {
            return failed(manifest, manifest.text(), "kustomize build failed: the document is not a Kubernetes object");
        }
        if (disabled(object)) {
            return new SubstitutedManifest(
                    manifest, SubstitutedManifest.Status.DISABLED, kustomized, GoYaml.yamlToJson(kustomized), "");
        }
        if (vars.isEmpty() && strategy == PostBuild.SubstituteStrategy.WITH_VARIABLES) {
            return new SubstitutedManifest(
                    manifest, SubstitutedManifest.Status.NO_VARIABLES, kustomized, GoYaml.yamlToJson(kustomized), "");
        }
        for (String name : vars.keySet().stream().sorted().toList()) {
            if (!FluxVariableNames.isValid(name)) {
                return failed(
                        manifest,
                        kustomized,
                        "envsubst error: '" + name + "' var name is invalid, must match '" + FluxVariableNames.REGEX
                                + "'");
            }
        }
        String substituted;
        try {
            substituted = Envsubst.eval(kustomized, name -> Optional.ofNullable(vars.get(name)), strict);
        } catch (EnvsubstException e) {
            if (e.kind() == EnvsubstException.Kind.PANIC) {
                return failed(manifest, kustomized, "panic: " + e.getMessage() + " [recovered]");
            }
            return failed(manifest, kustomized, "envsubst error: variable substitution failed: " + e.getMessage());
        }
        Object applied;
        try {
            applied = GoYaml.yamlToJson(substituted);
        } catch (GoYamlException e) {
            return failed(manifest, substituted, "envsubst error: YAMLToJSON: " + e.getMessage());
        }
        try {
            // res.UnmarshalJSON, then the resource map's AsYaml(): the YAML the controller applies.
            return new SubstitutedManifest(
                    manifest, SubstitutedManifest.Status.SUBSTITUTED, GoYaml.marshal(applied), applied, "");
        } catch (GoYamlException | GoJson.GoJsonException e) {
            return failed(manifest, substituted, "kustomize build failed: " + e.getMessage());
        }
    }

    private static SubstitutedManifest failed(RenderedManifest manifest, String text, String error) {
        return new SubstitutedManifest(manifest, SubstitutedManifest.Status.FAILED, text, null, error);
    }

    /** kustomize_varsub.go: the label or the annotation, compared exactly with "disabled". */
    static boolean disabled(YamlTree tree) {
        return "disabled".equals(tree.stringMap("metadata", "labels").get(SUBSTITUTE_KEY))
                || "disabled".equals(tree.stringMap("metadata", "annotations").get(SUBSTITUTE_KEY));
    }

    /** The same test on the resource as kustomize holds it. */
    static boolean disabled(Map<?, ?> resource) {
        return resource.get("metadata") instanceof Map<?, ?> meta
                && ("disabled".equals(meta.get("labels") instanceof Map<?, ?> l ? l.get(SUBSTITUTE_KEY) : null)
                        || "disabled"
                                .equals(meta.get("annotations") instanceof Map<?, ?> a ? a.get(SUBSTITUTE_KEY) : null));
    }
}
