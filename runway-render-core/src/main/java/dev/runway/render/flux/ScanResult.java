package dev.runway.render.flux;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Everything the placeholder scanner found in a set of manifests. */
public record ScanResult(
        List<Placeholder> placeholders,
        List<MalformedPlaceholder> malformed,
        List<DollarEscape> escapes,
        List<FluxFinding> findings) {
    public ScanResult {
        placeholders = List.copyOf(placeholders);
        malformed = List.copyOf(malformed);
        escapes = List.copyOf(escapes);
        findings = List.copyOf(findings);
    }

    /** The distinct variable names referenced, in order of first appearance. */
    public List<String> variables() {
        // A loop, not a stream: no java.util.stream classes to load for a run's one scan.
        Set<String> names = new LinkedHashSet<>();
        for (Placeholder p : placeholders) {
            names.add(p.variable());
        }
        return Collections.unmodifiableList(new ArrayList<>(names));
    }
}
