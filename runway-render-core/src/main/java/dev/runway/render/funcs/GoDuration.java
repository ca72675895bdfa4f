package dev.runway.render.funcs;

/** Go's time.Duration: ParseDuration and String ("1h2m3.5s", "1.5ms", "0s"). */
final class GoDuration {

    private GoDuration() {}

    /** time.Duration(n).String() for n nanoseconds. */
    static String format(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        java.math.BigInteger u = java.math.BigInteger.valueOf(d).abs();
        long ns = u.longValue();
        StringBuilder sb = new StringBuilder();
        if (u.compareTo(java.math.BigInteger.valueOf(1_000_000_000L)) < 0) {
            String unit;
            long div;
            if (ns < 1_000L) {
                return (neg ? "-" : "") + ns + "ns";
            } else if (ns < 1_000_000L) {
                unit = "µs";
                div = 1_000L;
            } else {
                unit = "ms";
                div = 1_000_000L;
            }
            sb.append(fraction(ns, div)).append(unit);
            return (neg ? "-" : "") + sb;
        }
        long totalSeconds = ns / 1_000_000_000L;
        long frac = ns % 1_000_000_000L;
        long h = totalSeconds / 3600;
        long m = (totalSeconds % 3600) / 60;
        long s = totalSeconds % 60;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            sb.append(m).append('m');
        }
        sb.append(fraction(s * 1_000_000_000L + frac, 1_000_000_000L)).append('s');
        return (neg ? "-" : "") + sb;
    }

    private static String fraction(long v, long div) {
        long whole = v / div;
        long rem = v % div;
        if (rem == 0) {
            return Long.toString(whole);
        }
        String digits =
                String.format("%0" + Long.toString(div).length() + "d", rem).substring(1);
        digits = digits.replaceAll("0+$", "");
        return whole + "." + digits;
    }

    /** time.ParseDuration; null on error. */
    /** One number and its unit of a Go duration; the pattern is Java's, not a Go regexp from a template. */
    private static final java.util.regex.Pattern DURATION_PART =
            java.util.regex.Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");

    static Long parse(String s) {
        String orig = s;
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0L;
        }
        if (s.isEmpty()) {
            return null;
        }
        double total = 0;
        java.util.regex.Matcher m = DURATION_PART.matcher(s);
        int pos = 0;
        while (pos < s.length()) {
            // Anchored at pos: a find() that must start at pos searched on through the rest of the text first, and a
            // long run of digits without a unit (from values: any length) took quadratic time or worse (20,000
            // digits: 19 s).
            m.region(pos, s.length());
            if (!m.lookingAt() || m.group(1).isEmpty() || m.group(1).equals(".")) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            double unit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            total += v * unit;
            pos = m.end();
        }
        if (orig.isEmpty()) {
            return null;
        }
        return (long) (neg ? -total : total);
    }
}
