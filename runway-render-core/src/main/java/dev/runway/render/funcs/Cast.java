package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoStrconv;
import java.math.BigInteger;

/** spf13/cast's conversions as Sprig calls them: numbers truncate, strings parse, what does not convert gives 0. */
final class Cast {

    private Cast() {}

    /** spf13/cast ToInt64: numbers truncate, strings parse (base prefixes, "1.00" trimmed), errors give 0. */
    static long toInt64(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return goFloatToInt64(((Number) v).doubleValue());
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            Long parsed = GoStrconv.parseInt(trimZeroDecimal(s), 0);
            return parsed == null ? 0 : parsed;
        }
        return 0;
    }

    /** Go's float64 to int64 conversion on amd64: truncation, and the minimum int64 when out of range. */
    static long goFloatToInt64(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    static int toInt(Object v) {
        return (int) toInt64(v);
    }

    /** spf13/cast ToFloat64. */
    static double toFloat64(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            Double parsed = GoStrconv.parseFloat(s);
            return parsed == null ? 0 : parsed;
        }
        return 0;
    }

    private static String trimZeroDecimal(String s) {
        boolean foundZero = false;
        for (int i = s.length(); i > 0; i--) {
            char c = s.charAt(i - 1);
            if (c == '.') {
                if (foundZero) {
                    return s.substring(0, i - 1);
                }
            } else if (c == '0') {
                foundZero = true;
            } else {
                return s;
            }
        }
        return s;
    }
}
