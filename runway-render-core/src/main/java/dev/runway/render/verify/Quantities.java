package dev.runway.render.verify;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes resource quantities ({@code 100m}, {@code 128Mi}, {@code 1e3}), parsed the way apimachinery's
 * {@code resource.ParseQuantity} does, so they can be checked and compared.
 */
final class Quantities {
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1024L)),
            Map.entry("Mi", BigDecimal.valueOf(1024L * 1024)),
            Map.entry("Gi", BigDecimal.valueOf(1024L * 1024 * 1024)),
            Map.entry("Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024)),
            Map.entry("Pi", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024)),
            Map.entry("Ei", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024 * 1024)));

    private Quantities() {}

    /** The quantity's value, or empty when apimachinery would reject the text. */
    static Optional<BigDecimal> parse(String text) {
        String s = text;
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int numberStart = i;
        int digits = 0;
        boolean dot = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        if (digits == 0) {
            return Optional.empty();
        }
        String number = s.substring(numberStart, i);
        String suffix = s.substring(i);
        BigDecimal value;
        try {
            value = new BigDecimal(
                    number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        BigDecimal multiplier = SUFFIXES.get(suffix);
        if (multiplier == null) {
            if (suffix.length() >= 2
                    && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')
                    && suffix.substring(1).matches("[-+]?[0-9]+")) {
                int exponent;
                try {
                    exponent = Integer.parseInt(suffix.substring(1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                multiplier = BigDecimal.ONE.scaleByPowerOfTen(exponent);
            } else {
                return Optional.empty();
            }
        }
        value = value.multiply(multiplier);
        return Optional.of(negative ? value.negate() : value);
    }
}
