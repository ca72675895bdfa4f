package dev.runway.render.chart;

import java.util.Comparator;

/** Helm's engine ordering rules shared by the chart code. */
final class ChartRenderer {
    private ChartRenderer() {}

    /** sortTemplates: more path segments first; among equals, reverse lexical (byte) order. */
    static final Comparator<String> RENDER_ORDER = (a, b) -> {
        int ca = count(a);
        int cb = count(b);
        if (ca != cb) {
            return Integer.compare(cb, ca);
        }
        return java.util.Arrays.compareUnsigned(
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    };

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
