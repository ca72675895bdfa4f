package dev.runway.render.flux;

import java.util.List;

/**
 * The result of {@link FluxCheck}: what the scan found and every finding, errors first.
 *
 * @param scan     placeholders, malformed expressions and {@code $$} escapes
 * @param findings all findings of the scan, the policy, provenance, integrity and safety checks
 */
public record FluxReport(ScanResult scan, List<FluxFinding> findings) {

    public FluxReport {
        findings = findings.stream()
                .sorted(java.util.Comparator.comparing(FluxFinding::severity))
                .toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<FluxFinding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** One formatted line per finding, for logs. */
    public List<String> lines() {
        return findings.stream().map(FluxFinding::format).toList();
    }
}
