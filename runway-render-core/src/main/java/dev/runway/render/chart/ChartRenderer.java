package dev.runway.render.chart;

/** Helm's engine ordering rules shared by the chart code. */
final class ChartRenderer {
    private ChartRenderer() {}

    /**
     * sortTemplates: more path segments first; among equals, reverse lexical (byte) order. A method, not a Comparator
     * lambda: a lambda costs a class spin in a fresh JVM (issue 19).
     */
    static int renderOrder(String a, String b) {
        int ca = count(a);
        int cb = count(b);
        if (ca != cb) {
            return Integer.compare(cb, ca);
        }
        return java.util.Arrays.compareUnsigned(
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

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
