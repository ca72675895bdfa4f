package dev.runway.render.flux;

import dev.runway.render.api.RenderedManifest;

/**
 * One resource after Flux's post-build substitution.
 *
 * @param manifest the rendered manifest
 * @param status   what Flux did with it
 * @param text     the YAML kustomize-controller hands to the apply: kustomize's re-serialisation of the resource
 *                 (sorted keys, no comments, sigs.k8s.io/yaml quoting) after substitution; when it failed, the text
 *                 Flux was working on (the original when kustomize could not read it)
 * @param object   the resource as the API server receives it (sigs.k8s.io/yaml YAMLToJSON of the substituted text,
 *                 go-yaml v2 rules): maps, lists, strings, booleans, null, Long/BigInteger integers and Double
 *                 floats; null when it failed
 * @param error    the controller's error message when status is FAILED, else empty
 */
public record SubstitutedManifest(RenderedManifest manifest, Status status, String text, Object object, String error) {

    /** What kustomize-controller did with the resource. */
    public enum Status {
        /** Variables were substituted. */
        SUBSTITUTED,
        /** The resource opted out with {@code kustomize.toolkit.fluxcd.io/substitute: disabled}. */
        DISABLED,
        /** No variable is defined at all, so Flux skips substitution for every resource. */
        NO_VARIABLES,
        /** Flux would fail the Kustomization on this resource. */
        FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
