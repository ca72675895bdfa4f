package dev.runway.render.gofmt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The parts of Go's {@code strconv} that the renderer needs: {@code FormatFloat} (shortest round-trip digits and fixed
 * precision, {@code 'e' 'E' 'f' 'g' 'G'}), {@code Quote} and {@code ParseInt}-style integer parsing.
 */
public final class GoStrconv {

    private GoStrconv() {}

    /** Decimal digits {@code 0.d1d2d3... x 10^decimalPoint}, as strconv's internal decimal. */
    record Digits(String digits, int decimalPoint, boolean negative) {}

    /** strconv.FormatFloat(v, fmt, prec, bitSize). {@code prec < 0} means the shortest repr that round-trips. */
    public static String formatFloat(double v, char fmt, int prec, int bitSize) {
        if (bitSize == 32 && !Double.isNaN(v)) {
            // Go converts to float32 first: 2e222 becomes +Inf (found by fuzzing a YAML key 2E222).
            float narrowed = (float) v;
            v = narrowed;
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        Digits digs;
        boolean shortest = prec < 0;
        if (shortest) {
            digs = shortestDigits(Math.abs(v), bitSize, negative);
            switch (fmt) {
                case 'e', 'E' -> prec = Math.max(digs.digits().length() - 1, 0);
                case 'f' -> prec = Math.max(digs.digits().length() - digs.decimalPoint(), 0);
                case 'g', 'G' -> prec = digs.digits().length();
                default -> {}
            }
        } else {
            switch (fmt) {
                case 'e', 'E' -> digs = roundedDigits(Math.abs(v), prec + 1, negative);
                case 'f' -> digs = fixedDigits(Math.abs(v), prec, negative);
                case 'g', 'G' -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digs = roundedDigits(Math.abs(v), prec, negative);
                }
                default -> throw new IllegalArgumentException("unsupported float format " + fmt);
            }
        }
        return formatDigits(digs, fmt, prec, shortest);
    }

    private static String formatDigits(Digits digs, char fmt, int prec, boolean shortest) {
        switch (fmt) {
            case 'e', 'E' -> {
                return fmtE(digs, prec, fmt);
            }
            case 'f' -> {
                return fmtF(digs, prec);
            }
            case 'g', 'G' -> {
                int eprec = prec;
                int nd = digs.digits().length();
                if (eprec > nd && nd >= digs.decimalPoint()) {
                    eprec = nd;
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.decimalPoint() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > nd) {
                        prec = nd;
                    }
                    return fmtE(digs, prec - 1, fmt == 'g' ? 'e' : 'E');
                }
                if (prec > digs.decimalPoint()) {
                    prec = nd;
                }
                return fmtF(digs, Math.max(prec - digs.decimalPoint(), 0));
            }
            default -> throw new IllegalArgumentException("unsupported float format " + fmt);
        }
    }

    private static String fmtE(Digits d, int prec, char fmt) {
        StringBuilder sb = new StringBuilder();
        if (d.negative()) {
            sb.append('-');
        }
        String ds = d.digits();
        char first = ds.isEmpty() ? '0' : ds.charAt(0);
        sb.append(first);
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(ds.length(), prec + 1);
            if (i < m) {
                sb.append(ds, i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        int exp = d.decimalPoint() - 1;
        if (ds.isEmpty() || (ds.length() == 1 && ds.charAt(0) == '0')) {
            exp = 0;
        }
        char sign = '+';
        if (exp < 0) {
            sign = '-';
            exp = -exp;
        }
        sb.append(sign);
        if (exp < 10) {
            sb.append('0').append(exp);
        } else {
            sb.append(exp);
        }
        return sb.toString();
    }

    private static String fmtF(Digits d, int prec) {
        StringBuilder sb = new StringBuilder();
        if (d.negative()) {
            sb.append('-');
        }
        String ds = d.digits();
        int dp = d.decimalPoint();
        if (dp > 0) {
            int m = Math.min(ds.length(), dp);
            sb.append(ds, 0, m);
            for (; m < dp; m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = dp + i - 1;
                char ch = '0';
                if (j >= 0 && j < ds.length()) {
                    ch = ds.charAt(j);
                }
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Digits of {@code abs} rounded (half to even, on the exact binary value) to {@code n} significant digits. */
    private static Digits roundedDigits(double abs, int n, boolean negative) {
        if (abs == 0) {
            return new Digits("0".repeat(Math.max(n, 1)).substring(0, 1), 1, negative);
        }
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
        return toDigits(r, negative);
    }

    /** Digits of {@code abs} rounded to {@code prec} places after the decimal point. */
    private static Digits fixedDigits(double abs, int prec, boolean negative) {
        if (abs == 0) {
            return new Digits("0", 1, negative);
        }
        BigDecimal r = new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) {
            return new Digits("", 0, negative);
        }
        return toDigits(r, negative);
    }

    private static Digits toDigits(BigDecimal r, boolean negative) {
        BigDecimal stripped = r.stripTrailingZeros();
        String unscaled = stripped.unscaledValue().toString();
        int dp = unscaled.length() - stripped.scale();
        return new Digits(unscaled, dp, negative);
    }

    /** The shortest decimal that reads back as the same float64 (bitSize 64) or float32 (bitSize 32). */
    static Digits shortestDigits(double abs, int bitSize, boolean negative) {
        if (abs == 0) {
            return new Digits("0", 1, negative);
        }
        BigDecimal exact = new BigDecimal(bitSize == 32 ? (double) (float) abs : abs);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = roundTrips(down, abs, bitSize);
            boolean upOk = roundTrips(up, abs, bitSize);
            if (downOk && upOk) {
                BigDecimal dd = exact.subtract(down).abs();
                BigDecimal du = up.subtract(exact).abs();
                int c = dd.compareTo(du);
                BigDecimal pick;
                if (c < 0) {
                    pick = down;
                } else if (c > 0) {
                    pick = up;
                } else {
                    pick = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                }
                return toDigits(pick, negative);
            }
            if (downOk) {
                return toDigits(down, negative);
            }
            if (upOk) {
                return toDigits(up, negative);
            }
        }
        return toDigits(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)), negative);
    }

    private static boolean roundTrips(BigDecimal candidate, double abs, int bitSize) {
        if (bitSize == 32) {
            return candidate.floatValue() == (float) abs;
        }
        return candidate.doubleValue() == abs;
    }

    /** Go's %v / strconv 'g' -1 for a float64: {@code 1e+06}, {@code 3.5}, {@code +Inf}, {@code NaN}. */
    public static String formatGoFloat(double v) {
        String s = formatFloat(v, 'g', -1, 64);
        return s;
    }

    /** strconv.Quote: a double-quoted Go string literal, non-printable runes escaped. */
    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** strconv.QuoteRune: a single-quoted Go character literal. */
    public static String quoteRune(int cp) {
        StringBuilder sb = new StringBuilder("'");
        boolean surrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
        appendQuotedRune(sb, surrogate ? 0xFFFD : cp, '\'', false);
        return sb.append('\'').toString();
    }

    /** What {@code %q} prints for a {@code []rune}: each rune as a quoted Go character, space separated. */
    public static String quoteRunes(String s) {
        StringBuilder out = new StringBuilder("[");
        s.codePoints().forEach(cp -> {
            if (out.length() > 1) {
                out.append(' ');
            }
            out.append(quoteRune(cp));
        });
        return out.append(']').toString();
    }

    /** strconv.QuoteToASCII. */
    public static String quoteToAscii(String s) {
        return quoteWith(s, '"', true);
    }

    static String quoteWith(String s, char quote, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        int i = 0;
        while (i < s.length()) {
            if (GoBytes.isEscape(s, i)) {
                // strconv.Quote writes an invalid byte as \xNN
                sb.append("\\x").append(hex2(GoBytes.escapedByte(s, i)));
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                cp = 0xFFFD;
            }
            appendQuotedRune(sb, cp, quote, asciiOnly);
        }
        sb.append(quote);
        return sb.toString();
    }

    static void appendQuotedRune(StringBuilder sb, int cp, char quote, boolean asciiOnly) {
        if (cp == quote || cp == '\\') {
            sb.append('\\').appendCodePoint(cp);
            return;
        }
        if (asciiOnly) {
            if (cp < 0x80 && isPrint(cp)) {
                sb.appendCodePoint(cp);
                return;
            }
        } else if (isPrint(cp)) {
            sb.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 11 -> sb.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    sb.append("\\x").append(hex2(cp));
                } else if (cp < 0x10000) {
                    sb.append("\\u").append(String.format("%04x", cp));
                } else {
                    sb.append("\\U").append(String.format("%08x", cp));
                }
            }
        }
    }

    private static String hex2(int b) {
        return String.format("%02x", b);
    }

    /** An approximation of Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols and ASCII space). */
    public static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        if (cp < 0x20 || cp == 0x7f) {
            return false;
        }
        if (cp < 0x7f) {
            return true;
        }
        if (cp == 0xFFFD) {
            return true;
        }
        int type = Character.getType(cp);
        return switch (type) {
            case Character.UNASSIGNED,
                    Character.CONTROL,
                    Character.FORMAT,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * strconv.ParseInt(s, base, 64) with base 0 meaning "from prefix" (0x, 0o, 0b, leading 0 for octal) and
     * underscores allowed only with base 0. Returns null when Go would return an error (syntax or range).
     */
    public static Long parseInt(String s, int base) {
        BigInteger v = parseBig(s, base, false);
        if (v == null || v.bitLength() > 63) {
            return null;
        }
        return v.longValue();
    }

    /** strconv.ParseUint(s, base, 64): null on error. */
    public static BigInteger parseUint(String s, int base) {
        if (s.startsWith("-") || s.startsWith("+")) {
            return null;
        }
        BigInteger v = parseBig(s, base, false);
        if (v == null || v.signum() < 0 || v.bitLength() > 64) {
            return null;
        }
        return v;
    }

    /** Parses like ParseInt without the range check; null on syntax error. */
    public static BigInteger parseBig(String s, int base) {
        return parseBig(s, base, true);
    }

    /** Past 64 bits: what a range-checked parse gets for more significant digits than any 64-bit number has. */
    private static final BigInteger PAST_64_BITS = BigInteger.ONE.shiftLeft(65);

    /**
     * {@code exact} false: a number of more than 64 significant digits (past 64 bits in any base) is {@link
     * #PAST_64_BITS}, with its sign, instead of its value: BigInteger's parse is quadratic, and int64 of a 2-million
     * digit string took 55 s.
     */
    private static BigInteger parseBig(String s, int base, boolean exact) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String t = s;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        boolean base0 = base == 0;
        if (base0) {
            base = 10;
            if (t.charAt(0) == '0') {
                if (t.length() >= 3 && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
                    base = 16;
                    t = t.substring(2);
                } else if (t.length() >= 3 && (t.charAt(1) == 'o' || t.charAt(1) == 'O')) {
                    base = 8;
                    t = t.substring(2);
                } else if (t.length() >= 3 && (t.charAt(1) == 'b' || t.charAt(1) == 'B')) {
                    base = 2;
                    t = t.substring(2);
                } else {
                    base = 8;
                    t = t.substring(1);
                    if (t.isEmpty()) {
                        return BigInteger.ZERO;
                    }
                }
            }
        }
        if (base0 && t.indexOf('_') >= 0) {
            // Go accepts underscores only between digits (or after a base prefix); keep it simple and strict.
            if (!underscoreOk(s)) {
                return null;
            }
            t = t.replace("_", "");
        }
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), base) < 0 || t.charAt(i) > 'z') {
                return null;
            }
        }
        int zeros = 0;
        while (zeros < t.length() - 1 && t.charAt(zeros) == '0') {
            zeros++;
        }
        BigInteger v = !exact && t.length() - zeros > 64 ? PAST_64_BITS : new BigInteger(t.substring(zeros), base);
        return neg ? v.negate() : v;
    }

    /**
     * strconv.ParseFloat(s, 64): Go's float literal syntax (decimal, or hexadecimal with a mandatory {@code p}
     * exponent; underscores between digits), {@code inf}, {@code infinity} with an optional sign and an unsigned
     * {@code nan}, in any case. Null where Go returns an error: a syntax error, or a finite number past float64's range
     * (Go returns ±Inf with ErrRange there; every caller here treats that as a failed parse). An underflow is 0, as in Go.
     */
    public static Double parseFloat(String s) {
        Double special = specialFloat(s);
        if (special != null) {
            return special;
        }
        if (!isFloatLiteral(s)) {
            return null;
        }
        // The text is now a literal Java's parser reads the same way (it rounds correctly, as Go does).
        double v = Double.parseDouble(s.indexOf('_') >= 0 ? s.replace("_", "") : s);
        return Double.isInfinite(v) ? null : v;
    }

    /**
     * Whether {@code s} has the syntax of a finite Go float literal as strconv.ParseFloat reads it (not inf or nan):
     * where such a text fails {@link #parseFloat}, Go's error is ErrRange ("value out of range"), not ErrSyntax.
     */
    public static boolean isFloatLiteral(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean hex = i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
        if (hex) {
            i += 2;
        }
        boolean underscores = false;
        boolean sawDot = false;
        boolean sawDigits = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.' && !sawDot) {
                sawDot = true;
            } else if ((c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0 && c <= 'f')) {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return false;
        }
        char expChar = hex ? 'p' : 'e';
        if (i < n && Character.toLowerCase(s.charAt(i)) == expChar) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
            for (; i < n && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_'); i++) {
                underscores |= s.charAt(i) == '_';
            }
        } else if (hex) {
            return false; // a hexadecimal mantissa needs a 'p' exponent
        }
        return i == n && (!underscores || underscoreOk(s));
    }

    /** strconv's special(): the whole of {@code s} is inf, infinity (either with a sign) or nan, in any case. */
    private static Double specialFloat(String s) {
        boolean signed = s.startsWith("+") || s.startsWith("-");
        String t = signed ? s.substring(1) : s;
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return !signed && t.equalsIgnoreCase("nan") ? Double.NaN : null;
    }

    private static boolean underscoreOk(String s) {
        // Mirrors strconv.underscoreOK: '_' must separate digits (a base prefix counts as a digit).
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char c = Character.toLowerCase(s.charAt(1));
            if (c == 'x' || c == 'o' || c == 'b') {
                i = 2;
                saw = '0';
                hex = c == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0)) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** strconv.Unquote for "..." , `...` and '...' literals; throws IllegalArgumentException("invalid syntax"). */
    public static String unquote(String lit) {
        int n = lit.length();
        if (n < 2) {
            throw new IllegalArgumentException("invalid syntax");
        }
        char q = lit.charAt(0);
        if (q != lit.charAt(n - 1)) {
            throw new IllegalArgumentException("invalid syntax");
        }
        // Most template literals are "..." with no escape, quote or newline inside: the text between the quotes,
        // found with String.indexOf (compiled JDK code) rather than the loop below, which is interpreted when cold.
        if (q == '"' && lit.indexOf('\\') < 0 && lit.indexOf('"', 1) == n - 1 && lit.indexOf('\n') < 0) {
            return lit.substring(1, n - 1);
        }
        String body = lit.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw new IllegalArgumentException("invalid syntax");
            }
            return body.replace("\r", "");
        }
        if (q != '"' && q != '\'') {
            throw new IllegalArgumentException("invalid syntax");
        }
        StringBuilder b = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if ((c == q && q == '"') || c == '\n') {
                throw new IllegalArgumentException("invalid syntax");
            }
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new IllegalArgumentException("invalid syntax");
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> b.append((char) 7);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append((char) 11);
                case '\\' -> b.append('\\');
                case '\'' -> {
                    if (q != '\'') {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    b.append('\'');
                }
                case '"' -> {
                    if (q != '"') {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    b.append('"');
                }
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len > body.length()) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    int v = parseUnquoteHex(body.substring(i, i + len));
                    i += len;
                    if (e == 'x') {
                        b.append((char) v); // a byte; Go would keep the raw byte
                    } else {
                        if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
                            throw new IllegalArgumentException("invalid syntax");
                        }
                        b.appendCodePoint(v);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    int v = Integer.parseInt(body.substring(i - 1, i + 2), 8);
                    if (v > 255) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    i += 2;
                    b.append((char) v);
                }
                default -> throw new IllegalArgumentException("invalid syntax");
            }
        }
        String out = b.toString();
        if (q == '\'' && out.codePointCount(0, out.length()) != 1) {
            throw new IllegalArgumentException("invalid syntax");
        }
        return out;
    }

    private static int parseUnquoteHex(String s) {
        try {
            return Integer.parseUnsignedInt(s, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid syntax");
        }
    }
}
