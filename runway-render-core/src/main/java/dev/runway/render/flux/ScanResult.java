package dev.runway.render.flux;

import java.util.List;

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
        return placeholders.stream().map(Placeholder::variable).distinct().toList();
    }
}
