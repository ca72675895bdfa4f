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
        // parse.newNumber: ParseUint and ParseInt with base 0 first, so 0x1f and 0o17 are integers; a float that
        // fits an integer exactly is an integer too; digits that only ParseFloat reads are too large for an integer.
        Long asInt = GoStrconv.parseInt(text, 0);
        if (asInt != null) {
            return new Node.NumberNode(t.pos(), text, true, true, asInt, asInt, false);
        }
        BigInteger asUint = GoStrconv.parseUint(text, 0);
        if (asUint != null) {
            // Fits uint64 but not int64: Go parses it and fails only when it is used ("overflows int").
            return new Node.NumberNode(t.pos(), text, false, true, 0, asUint.doubleValue(), false);
        }
        Double f = GoStrconv.parseFloat(text);
        if (f == null) {
            throw parser.error("illegal number syntax: " + GoStrconv.quote(text));
        }
        if (!hasFloatMark(text)) {
            throw parser.error("integer overflow: " + GoStrconv.quote(text));
        }
        boolean integral = f == Math.rint(f) && Math.abs(f) < 0x1p63;
        return new Node.NumberNode(t.pos(), text, integral, true, integral ? f.longValue() : 0, f, false);
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
