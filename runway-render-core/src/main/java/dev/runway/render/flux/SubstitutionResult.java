package dev.runway.render.flux;

import java.util.List;
import java.util.Map;

/**
 * What Flux would apply: each resource after substitution, and the variables used.
 *
 * @param manifests one entry per rendered manifest, in order
 * @param variables the variables Flux substituted (empty when none are defined)
 */
public record SubstitutionResult(List<SubstitutedManifest> manifests, Map<String, String> variables) {

    public SubstitutionResult {
        manifests = List.copyOf(manifests);
        variables = Map.copyOf(variables);
    }

    /** Whether Flux would fail the Kustomization (any resource failed). */
    public boolean failed() {
        return manifests.stream().anyMatch(SubstitutedManifest::failed);
    }

    /** The controller's error messages, one per failed resource, prefixed with the resource. */
    public List<String> errors() {
        return manifests.stream()
                .filter(SubstitutedManifest::failed)
                .map(m -> ManifestStream.resourceId(m.manifest()) + ": " + m.error())
                .toList();
    }

    /** The substituted manifests as one multi-document YAML stream, ready for {@code kubectl apply -f -}. */
    public String output() {
        StringBuilder out = new StringBuilder();
        for (SubstitutedManifest m : manifests) {
            out.append("---\n");
            out.append(m.text());
            if (!m.text().endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
