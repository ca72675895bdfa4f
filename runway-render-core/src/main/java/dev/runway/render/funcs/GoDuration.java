package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoStrconv;

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

    /** time.ParseDuration's answer: nanoseconds, or Go's error message ({@code nanos} is then 0). */
    record Parsed(long nanos, String error) {}

    /** time.ParseDuration; null on error. */
    static Long parse(String s) {
        Parsed parsed = parseDuration(s);
        return parsed.error() == null ? parsed.nanos() : null;
    }

    /** 2^63 as an unsigned 64-bit number: Go's bound on the duration while it adds up the parts. */
    private static final long TWO_TO_63 = Long.MIN_VALUE;

    /**
     * time.ParseDuration, exactly: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+} with Go's unsigned 64-bit arithmetic, its
     * float64 step for fractions, its overflow checks and its messages. One pass over the text, no regular expression.
     */
    static Parsed parseDuration(String orig) {
        String invalid = "time: invalid duration " + GoStrconv.quote(orig);
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return new Parsed(0, null);
        }
        if (s.isEmpty()) {
            return new Parsed(0, invalid);
        }
        long d = 0; // unsigned
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!(c == '.' || (c >= '0' && c <= '9'))) {
                return new Parsed(0, invalid);
            }
            // leadingInt: [0-9]*, failing past 2^63.
            int start = i;
            long v = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
                    return new Parsed(0, invalid);
                }
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, TWO_TO_63) > 0) {
                    return new Parsed(0, invalid);
                }
            }
            boolean pre = i > start;
            // leadingFraction: (\.[0-9]*)?, keeping the digits that fit and dropping the rest.
            long f = 0;
            double scale = 1;
            boolean post = false;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflow = false;
                for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                    if (overflow) {
                        continue;
                    }
                    if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long y = f * 10 + (s.charAt(i) - '0');
                    if (Long.compareUnsigned(y, TWO_TO_63) > 0) {
                        overflow = true;
                        continue;
                    }
                    f = y;
                    scale *= 10;
                }
                post = i > fractionStart;
            }
            if (!pre && !post) {
                return new Parsed(0, invalid);
            }
            int unitStart = i;
            for (; i < n && s.charAt(i) != '.' && (s.charAt(i) < '0' || s.charAt(i) > '9'); i++) {}
            if (i == unitStart) {
                return new Parsed(0, "time: missing unit in duration " + GoStrconv.quote(orig));
            }
            String u = s.substring(unitStart, i);
            long unit = unitNanos(u);
            if (unit == 0) {
                return new Parsed(
                        0, "time: unknown unit " + GoStrconv.quote(u) + " in duration " + GoStrconv.quote(orig));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
                return new Parsed(0, invalid);
            }
            v *= unit;
            if (Long.compareUnsigned(f, 0) > 0) {
                // float64, as Go: nanosecond-accurate for fractions of an hour; the product is at most 3.6e12.
                v += (long) ((double) f * ((double) unit / scale));
                if (Long.compareUnsigned(v, TWO_TO_63) > 0) {
                    return new Parsed(0, invalid);
                }
            }
            d += v;
            if (Long.compareUnsigned(d, TWO_TO_63) > 0) {
                return new Parsed(0, invalid);
            }
        }
        if (neg) {
            return new Parsed(-d, null);
        }
        if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
            return new Parsed(0, invalid);
        }
        return new Parsed(d, null);
    }

    /** Go's unitMap; 0 for a unit it does not know. */
    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 0L;
        };
    }
}
