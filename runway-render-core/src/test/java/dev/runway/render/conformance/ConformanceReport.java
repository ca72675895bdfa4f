package dev.runway.render.conformance;

import dev.runway.render.conformance.ConformanceTest.HelmVersion;
import dev.runway.render.conformance.ConformanceTest.Outcome;
import dev.runway.render.conformance.ConformanceTest.Verdict;
import java.util.List;

/** The markdown report: counts per Helm version, then each difference with its first differing line. */
final class ConformanceReport {
    private ConformanceReport() {}

    /** {@code helm4Unavailable}: why the Helm 4 column is missing, or null when it was compared. */
    static String markdown(List<Outcome> outcomes, String helm4Unavailable) {
        StringBuilder b = new StringBuilder("# Conformance with Helm\n\n");
        b.append("| Helm version | cases | byte-identical | known differences | failing |\n|---|---|---|---|---|\n");
        for (HelmVersion version : HelmVersion.values()) {
            List<Verdict> verdicts = outcomes.stream()
                    .map(o -> o.verdicts().get(version))
                    .filter(v -> v != null)
                    .toList();
            if (verdicts.isEmpty()) {
                continue;
            }
            long pass = verdicts.stream().filter(Verdict::match).count();
            long known = verdicts.stream().filter(v -> !v.match() && v.known()).count();
            b.append("| ")
                    .append(version.title)
                    .append(" | ")
                    .append(verdicts.size())
                    .append(" | ")
                    .append(pass)
                    .append(" | ")
                    .append(known)
                    .append(" | ")
                    .append(verdicts.size() - pass - known)
                    .append(" |\n");
        }
        if (helm4Unavailable != null) {
            b.append("\n").append(helm4Unavailable).append('\n');
        }
        b.append('\n');
        for (Outcome o : outcomes) {
            o.verdicts().forEach((version, v) -> {
                if (v.match() && v.known()) {
                    b.append("- `")
                            .append(o.id())
                            .append("` now matches ")
                            .append(version.title)
                            .append(": remove it from known-differences.txt\n");
                }
            });
        }
        for (Outcome o : outcomes) {
            o.verdicts().forEach((version, v) -> {
                if (v.match()) {
                    return;
                }
                b.append("\n## ")
                        .append(v.known() ? "known: " : "FAIL: ")
                        .append(o.id())
                        .append(" — ")
                        .append(version.title)
                        .append('\n');
                if (v.known()) {
                    b.append("\nReason: ").append(v.knownReason()).append('\n');
                }
                b.append('\n').append(firstDifference(v.expected(), v.actual()));
            });
        }
        return b.toString();
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int n = Math.max(e.length, a.length);
        for (int i = 0; i < n; i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ":\n```\nhelm: " + abbreviate(el) + "\nours: " + abbreviate(al) + "\n```\n";
            }
        }
        return "(same lines, different bytes)\n";
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
