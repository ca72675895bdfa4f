package dev.runway.render.template;

import dev.runway.render.gofmt.GoComplex;
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
            return new Node.NumberNode(t.pos(), text, true, true, cp, cp, null);
        }
        if (t.kind() == Token.Kind.COMPLEX) {
            return simplified(t.pos(), text, scanComplex(text, parser));
        }
        if (text.endsWith("i")) {
            // An imaginary constant: strconv.ParseFloat of what precedes the i. Where that fails, Go's integer and
            // float parses that follow fail on the i ("illegal number syntax").
            Double im = GoStrconv.parseFloat(text.substring(0, text.length() - 1));
            if (im != null) {
                return simplified(t.pos(), text, new GoComplex(0, im));
            }
        }
        // parse.newNumber: ParseUint and ParseInt with base 0 first, so 0x1f and 0o17 are integers; a float that
        // fits an integer exactly is an integer too; digits that only ParseFloat reads are too large for an integer.
        Long asInt = GoStrconv.parseInt(text, 0);
        if (asInt != null) {
            return new Node.NumberNode(t.pos(), text, true, true, asInt, asInt, null);
        }
        BigInteger asUint = GoStrconv.parseUint(text, 0);
        if (asUint != null) {
            // Fits uint64 but not int64: Go parses it and fails only when it is used ("overflows int").
            return new Node.NumberNode(t.pos(), text, false, true, 0, asUint.doubleValue(), null);
        }
        Double f = GoStrconv.parseFloat(text);
        if (f == null) {
            throw parser.error("illegal number syntax: " + GoStrconv.quote(text));
        }
        if (!hasFloatMark(text)) {
            throw parser.error("integer overflow: " + GoStrconv.quote(text));
        }
        boolean integral = f == Math.rint(f) && Math.abs(f) < 0x1p63;
        return new Node.NumberNode(t.pos(), text, integral, true, integral ? f.longValue() : 0, f, null);
    }

    /**
     * fmt.Sscan of a complex constant, as parse.newNumber reads the lexer's itemComplex: the real part and the signed
     * imaginary part are fmt's float tokens (digits, hexadecimal after 0x, a fraction, an exponent), each read by
     * its convertFloat; what Sscan refuses is the parse error, in Go's words.
     */
    private static GoComplex scanComplex(String text, Parser parser) {
        int split = floatTokenEnd(text, 0);
        if (split >= text.length() || (text.charAt(split) != '+' && text.charAt(split) != '-')) {
            throw parser.error("syntax error scanning complex number");
        }
        int end = floatTokenEnd(text, split);
        if (end != text.length() - 1) {
            throw parser.error("syntax error scanning complex number");
        }
        return new GoComplex(
                convertFloat(text.substring(0, split), parser), convertFloat(text.substring(split, end), parser));
    }

    /** fmt's floatToken: where the float starting at {@code from} ends (its sign, digits, fraction, exponent). */
    private static int floatTokenEnd(String s, int from) {
        int i = from;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        String digits = "0123456789_";
        String exponent = "eEpP";
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            digits = "0123456789aAbBcCdDeEfF_";
            exponent = "pP";
            i += 2;
        }
        i = run(s, i, digits);
        if (i < s.length() && s.charAt(i) == '.') {
            i = run(s, i + 1, digits);
        }
        if (i < s.length() && exponent.indexOf(s.charAt(i)) >= 0) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            i = run(s, i, "0123456789_");
        }
        return i;
    }

    private static int run(String s, int i, String chars) {
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /**
     * fmt's convertFloat: strconv.ParseFloat, with its NumError text. (fmt also scales a decimal mantissa by a p
     * exponent, 1.5p3, but the template lexer allows p only after 0x, so every part here is ParseFloat's.)
     */
    private static double convertFloat(String str, Parser parser) {
        Double f = GoStrconv.parseFloat(str);
        if (f == null) {
            // Decided by syntax alone: parsing the digits as a number (BigDecimal) would take quadratic time on a
            // template's megabyte-long literal.
            String why = GoStrconv.isFloatLiteral(str) ? "value out of range" : "invalid syntax";
            throw parser.error("strconv.ParseFloat: parsing " + GoStrconv.quote(str) + ": " + why);
        }
        return f;
    }

    /** Go's simplifyComplex: a complex constant without an imaginary part is also a float, and an integer if whole. */
    private static Node.NumberNode simplified(int pos, String text, GoComplex c) {
        boolean isFloat = c.imag() == 0;
        boolean isInt = isFloat && c.real() == Math.rint(c.real()) && Math.abs(c.real()) < 0x1p63;
        return new Node.NumberNode(pos, text, isInt, isFloat, isInt ? (long) c.real() : 0, isFloat ? c.real() : 0, c);
    }

    /** Whether a number's text has a fraction or an exponent: Go's strings.ContainsAny(text, ".eEpP"). */
    static boolean hasFloatMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (".eEpP".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
