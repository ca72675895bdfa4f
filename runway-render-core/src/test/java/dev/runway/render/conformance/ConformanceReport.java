package dev.runway.render.conformance;

import java.util.List;

/** The markdown report: counts, then each difference with a short diff of the first differing line. */
final class ConformanceReport {
    private ConformanceReport() {
    }

    static String markdown(List<ConformanceTest.Outcome> outcomes) {
        long pass = outcomes.stream().filter(ConformanceTest.Outcome::match).count();
        long known = outcomes.stream().filter(o -> !o.match() && o.known()).count();
        long fail = outcomes.size() - pass - known;
        StringBuilder b = new StringBuilder("# Conformance with Helm (helm-java)\n\n");
        b.append("| cases | byte-identical | known differences | failing |\n|---|---|---|---|\n");
        b.append("| ").append(outcomes.size()).append(" | ").append(pass).append(" | ").append(known).append(" | ")
                .append(fail).append(" |\n\n");
        for (ConformanceTest.Outcome o : outcomes) {
            if (o.match() && o.known()) {
                b.append("- `").append(o.id()).append("` now matches Helm: remove it from known-differences.txt\n");
            }
        }
        for (ConformanceTest.Outcome o : outcomes) {
            if (o.match()) {
                continue;
            }
            b.append("\n## ").append(o.known() ? "known: " : "FAIL: ").append(o.id()).append('\n');
            if (o.known()) {
                b.append("\nReason: ").append(o.reason()).append('\n');
            }
            b.append('\n').append(firstDifference(o.expected(), o.actual()));
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
