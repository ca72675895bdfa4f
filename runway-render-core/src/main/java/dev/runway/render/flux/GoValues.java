package dev.runway.render.flux;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small helpers for describing Go values in messages. */
final class GoValues {

    private GoValues() {
    }

    /** The JSON type name Kubernetes would see: string, number, boolean, null, array, object. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof List<?>) {
            return "array";
        } else if (value instanceof Map<?, ?>) {
            return "object";
        }
        return value.getClass().getSimpleName();
    }

    /** How encoding/json prints the value (numbers as Go would write them). */
    static String display(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Double d) {
            return formatFloat(d);
        } else if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    /** Go's strconv.FormatFloat(f, 'g', -1, 64) closely enough for messages; whole numbers print without ".0". */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (Math.abs(d) < 1e21 && (d == Math.rint(d))) {
            return b.toPlainString();
        }
        return Double.toString(d);
    }
}
