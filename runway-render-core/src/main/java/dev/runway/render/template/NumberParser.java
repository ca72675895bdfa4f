package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;
import java.math.BigInteger;

/** Go's parse.newNumber: reads a number or character constant into the flags and values of a NumberNode. */
final class NumberParser {
    private NumberParser() {}

    /** The number {@code t} holds; what it cannot hold is {@code parser}'s error at {@code t}. */
    static Node.NumberNode parse(Token t, Parser parser) {
        String text = t.val();
        if (t.kind() == Token.Kind.CHAR_CONSTANT) {
            String ch;
            try {
                ch = GoStrconv.unquote(text);
            } catch (IllegalArgumentException e) {
                throw parser.error("malformed character constant: " + text);
            }
            int cp = ch.codePointAt(0);
            return new Node.NumberNode(t.pos(), text, true, true, cp, cp, false);
        }
        if (text.endsWith("i")) {
            throw parser.error("complex numbers are not supported: " + GoStrconv.quote(text));
        }
        Long asInt = parseInt(text);
        if (asInt != null) {
            return new Node.NumberNode(t.pos(), text, true, true, asInt, asInt, false);
        }
        BigInteger unsigned = parseUnsigned(text);
        if (unsigned != null) {
            // Fits uint64 but not int64: Go parses it and fails only when it is used ("overflows int").
            return new Node.NumberNode(t.pos(), text, false, true, 0, unsigned.doubleValue(), false);
        }
        boolean looksFloat = text.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0);
        Double f = parseFloat(text);
        if (f != null) {
            if (!looksFloat) {
                throw parser.error("integer overflow: " + GoStrconv.quote(text));
            }
            boolean integral = f == Math.rint(f) && Math.abs(f) < 0x1p63;
            return new Node.NumberNode(t.pos(), text, integral, true, integral ? f.longValue() : 0, f, false);
        }
        if (isUnsigned(text)) {
            throw parser.error("integer overflow: " + GoStrconv.quote(text));
        }
        throw parser.error("illegal number syntax: " + GoStrconv.quote(text));
    }

    /** strconv.ParseInt(text, 0, 64). */
    private static Long parseInt(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        boolean prefixed = false;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') {
                radix = 16;
                s = s.substring(2);
                prefixed = true;
            } else if (p == 'o') {
                radix = 8;
                s = s.substring(2);
                prefixed = true;
            } else if (p == 'b') {
                radix = 2;
                s = s.substring(2);
                prefixed = true;
            } else {
                radix = 8;
                s = s.substring(1);
                prefixed = true;
            }
        }
        if (!underscoreOk(s, prefixed)) {
            return null;
        }
        s = s.replace("_", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(s, radix);
            if (negative) {
                v = v.negate();
            }
            if (v.bitLength() > 63) {
                return null;
            }
            return v.longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean underscoreOk(String digits, boolean prefixed) {
        if (digits.isEmpty()) {
            return true;
        }
        if ((digits.startsWith("_") && !prefixed) || digits.endsWith("_") || digits.contains("__")) {
            return false;
        }
        return true;
    }

    private static BigInteger parseUnsigned(String text) {
        if (text.startsWith("-") || text.startsWith("+")) {
            return null;
        }
        Long viaSigned = parseInt(text);
        if (viaSigned != null) {
            return null;
        }
        try {
            String s = text.replace("_", "");
            // Possessive runs, one way to read each text: "[0-9]+\\.?[0-9]*" let digits move between its runs (a long
            // run
            // without an end took seconds); the texts matched are the same.
            BigInteger v = s.startsWith("0x") || s.startsWith("0X")
                    ? new BigInteger(s.substring(2), 16)
                    : new BigInteger(s, 10);
            return v.bitLength() <= 64 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isUnsigned(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.isDigit(c) || c == '_');
    }

    /** strconv.ParseFloat(text, 64) for decimal and hexadecimal floats. */
    private static Double parseFloat(String text) {
        String s = text.replace("_", "");
        try {
            if (s.matches("[+-]?0[xX].*")) {
                if (!s.matches("[+-]?0[xX][0-9a-fA-F]*+(\\.[0-9a-fA-F]*+)?[pP][+-]?[0-9]++")) {
                    return null;
                }
                return Double.parseDouble(s);
            }
            if (!s.matches("[+-]?([0-9]++(\\.[0-9]*+)?|\\.[0-9]++)([eE][+-]?[0-9]++)?")) {
                return null;
            }
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
