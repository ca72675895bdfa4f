package dev.runway.render.verify;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a verification: the resources looked at and every finding, most severe first.
 *
 * @param resources the resources that were verified, in input order
 * @param findings  the findings
 */
public record VerifyResult(List<ResourceRef> resources, List<Finding> findings) {
    public VerifyResult {
        resources = List.copyOf(resources);
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity))
                .toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when nothing would be rejected or break (no errors). */
    public boolean passed() {
        return count(Severity.ERROR) == 0;
    }

    /** The findings that concern one resource. */
    public List<Finding> findingsOf(ResourceRef resource) {
        return findings.stream().filter(f -> f.resource().equals(resource)).toList();
    }

    /** One line per finding, for logs. */
    public List<String> lines() {
        return findings.stream().map(Finding::toLine).toList();
    }
}
