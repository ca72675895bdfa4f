package dev.runway.render.chart;

/**
 * A semver range as Chart.yaml's kubeVersion uses it (Masterminds semver: {@code ||} alternatives, space or comma
 * separated conditions, operators {@code = != > < >= <= ~ ^}, x wildcards, hyphen ranges). Pre-release tags are ignored.
 */
public final class KubeVersionRange {
    private KubeVersionRange() {
    }

    public static boolean satisfied(String range, String version) {
        long[] v = parse(version);
        for (String alternative : range.split("\\|\\|")) {
            String alt = alternative.trim().replaceAll("\\s*-\\s+", " - ");
            if (alt.contains(" - ")) {
                String[] ends = alt.split(" - ", 2);
                alt = ">=" + ends[0].trim() + " <=" + ends[1].trim();
            }
            boolean all = true;
            for (String cond : alt.split("[\\s,]+")) {
                if (!cond.isEmpty() && !check(cond, v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(String cond, long[] v) {
        String op = cond.replaceAll("^([=!<>~^]*).*$", "$1");
        String ver = cond.substring(op.length()).trim();
        int wildcardAt = wildcardIndex(ver);
        long[] c = parse(ver.replaceAll("(?i)[x*]", "0"));
        int cmp = compare(v, c);
        switch (op) {
            case "", "=":
                return wildcardAt < 0 ? cmp == 0 : prefixEquals(v, c, wildcardAt);
            case "!=":
                return wildcardAt < 0 ? cmp != 0 : !prefixEquals(v, c, wildcardAt);
            case ">":
                return cmp > 0;
            case "<":
                return cmp < 0;
            case ">=", "=>":
                return cmp >= 0;
            case "<=", "=<":
                return cmp <= 0;
            case "~", "~>":
                return cmp >= 0 && v[0] == c[0] && (dots(ver) == 0 || v[1] == c[1]);
            case "^":
                return cmp >= 0 && (c[0] != 0 ? v[0] == c[0] : c[1] != 0 ? v[0] == 0 && v[1] == c[1]
                        : v[0] == 0 && v[1] == 0 && v[2] == c[2]);
            default:
                throw new IllegalArgumentException("improper constraint: " + cond);
        }
    }

    private static int dots(String s) {
        return (int) s.chars().filter(ch -> ch == '.').count();
    }

    private static int wildcardIndex(String ver) {
        String[] parts = ver.replaceFirst("^v", "").split("[-+]")[0].split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("x") || parts[i].equals("*")) {
                return i;
            }
        }
        return parts.length < 3 ? parts.length : -1;
    }

    private static boolean prefixEquals(long[] v, long[] c, int n) {
        for (int i = 0; i < n; i++) {
            if (v[i] != c[i]) {
                return false;
            }
        }
        return true;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    static long[] parse(String version) {
        String core = version.trim().replaceFirst("^[vV]", "").split("[-+]")[0];
        String[] parts = core.split("\\.");
        long[] v = new long[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            try {
                v[i] = parts[i].isEmpty() ? 0 : Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid semantic version " + version);
            }
        }
        return v;
    }
}
