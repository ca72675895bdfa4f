package dev.runway.render.unittest;

/** Enough of Masterminds/semver to compare plugin versions for {@code skip.minimumVersion}. */
final class Semver {
    private Semver() {
    }

    /** current >= minimum; false when either does not parse (as VersionMeetsMinimum). */
    static boolean atLeast(String current, String minimum) {
        long[] c = parse(current);
        long[] m = parse(minimum);
        if (c == null || m == null) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (c[i] != m[i]) {
                return c[i] > m[i];
            }
        }
        return true;
    }

    private static long[] parse(String v) {
        String s = v.startsWith("v") ? v.substring(1) : v;
        int cut = s.indexOf('-') >= 0 ? s.indexOf('-') : s.indexOf('+');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 3 || parts[0].isEmpty()) {
            return null;
        }
        long[] out = new long[3];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }
}
