package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.flux.PlaceholderScanner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a render produced, in one log line: resources by kind and the Flux variables left for the cluster.
 *
 * @param resources     number of manifests
 * @param kinds         count per kind, sorted by kind
 * @param fluxVariables the {@code ${name}} variables that stay literal for Flux, sorted
 */
public record RenderSummary(int resources, Map<String, Integer> kinds, Set<String> fluxVariables) {

    public RenderSummary {
        kinds = Map.copyOf(kinds);
        fluxVariables = Set.copyOf(fluxVariables);
    }

    public static RenderSummary of(RenderedChart chart) {
        Map<String, Integer> kinds = new TreeMap<>();
        List<RenderedManifest> manifests = chart.manifests();
        for (RenderedManifest manifest : manifests) {
            String kind = manifest.kind().isEmpty() ? "(no kind)" : manifest.kind();
            Integer count = kinds.get(kind);
            kinds.put(kind, count == null ? 1 : count + 1);
        }
        // Flux's own reading of the placeholders (envsubst rules), so the log agrees with the Flux checks.
        Set<String> variables = new TreeSet<>(PlaceholderScanner.variables(manifests));
        return new RenderSummary(manifests.size(), kinds, variables);
    }

    /** {@code 5 resources (1 ConfigMap, 1 Deployment, ...); Flux variables kept: ${a}, ${b}}. */
    public String describe() {
        StringBuilder out = new StringBuilder(Plurals.count(resources, "resource"));
        if (!kinds.isEmpty()) {
            out.append(" (");
            for (Map.Entry<String, Integer> kind : new TreeMap<>(kinds).entrySet()) {
                out.append(kind.getValue()).append(' ').append(kind.getKey()).append(", ");
            }
            out.setLength(out.length() - 2);
            out.append(')');
        }
        out.append("; Flux variables kept: ");
        if (fluxVariables.isEmpty()) {
            out.append("none");
        } else {
            for (String variable : new TreeSet<>(fluxVariables)) {
                out.append("${").append(variable).append("}, ");
            }
            out.setLength(out.length() - 2);
        }
        return out.toString();
    }
}
