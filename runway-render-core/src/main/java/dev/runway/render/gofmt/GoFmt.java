package dev.runway.render.gofmt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's {@code fmt} package over the renderer's Go value model (see HELPERS.md): {@code null} is nil, {@code String},
 * {@code Boolean}, {@code Long} (int64), {@code Integer} (int), {@code Double} (float64), {@code Map<String,Object>},
 * {@code List<Object>}, {@code byte[]}. Output follows fmt's printing rules, including its error notation
 * ({@code %!d(string=x)}, {@code %!d(MISSING)}, {@code %!(EXTRA ...)}).
 */
public final class GoFmt {

    private GoFmt() {}

    /** fmt.Sprint: operands formatted with %v, a space between operands when neither side is a string. */
    public static String sprint(Object... args) {
        StringBuilder sb = new StringBuilder();
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            boolean isString = arg instanceof String;
            if (i > 0 && !isString && !prevString) {
                sb.append(' ');
            }
            new Printer(sb).printArg(arg, 'v');
            prevString = isString;
            if (sb.length() > ValueLimits.MAX_VALUE_CHARS) {
                throw ValueLimits.tooLong("the printed value");
            }
        }
        return sb.toString();
    }

    /** fmt.Sprintln: operands formatted with %v, always separated by a space, followed by a newline. */
    public static String sprintln(Object... args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            new Printer(sb).printArg(args[i], 'v');
            if (sb.length() > ValueLimits.MAX_VALUE_CHARS) {
                throw ValueLimits.tooLong("the printed value");
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    /** The %v form of one value. */
    public static String formatValue(Object v) {
        StringBuilder sb = new StringBuilder();
        new Printer(sb).printArg(v, 'v');
        return sb.toString();
    }

    /** fmt.Sprintf. */
    public static String sprintf(String format, Object... args) {
        StringBuilder sb = new StringBuilder();
        new Printer(sb).doPrintf(format, args == null ? new Object[] {null} : args);
        if (sb.length() > ValueLimits.MAX_VALUE_CHARS) {
            throw ValueLimits.tooLong("the printed value");
        }
        return sb.toString();
    }

    /** The Go type name of a value as {@code %T} and fmt's error notation print it. */
    public static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof GoTyped typed) {
            return typed.goTypeName();
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof Short) {
            return "int16";
        }
        if (v instanceof Byte) {
            return "int8";
        }
        if (v instanceof BigInteger) {
            return "uint64";
        }
        if (v instanceof byte[]) {
            return "[]uint8";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof List || v instanceof Object[]) {
            return "[]interface {}";
        }
        if (v instanceof GoTyped typed) {
            return typed.goTypeName();
        }
        return v.getClass().getSimpleName();
    }

    /** Implemented by engine objects that want a specific Go type name and %v form. */
    public interface GoTyped {
        String goTypeName();

        /** The %v form of the object. */
        String goString();
    }

    /** One fmt printer: flags and width of the verb being printed, and the output buffer. */
    private static final class Printer {
        private final StringBuilder buf;
        private boolean plus;
        private boolean minus;
        private boolean sharp;
        private boolean space;
        private boolean zero;
        private boolean plusV;
        private boolean sharpV;
        private boolean widPresent;
        private boolean precPresent;
        private int wid;
        private int prec;

        Printer(StringBuilder buf) {
            this.buf = buf;
        }

        private void clearFlags() {
            plus = minus = sharp = space = zero = plusV = sharpV = false;
            widPresent = precPresent = false;
            wid = prec = 0;
        }

        void doPrintf(String format, Object[] args) {
            int end = format.length();
            int argNum = 0;
            boolean afterIndex;
            boolean reordered = false;
            int i = 0;
            while (i < end) {
                int lasti = i;
                while (i < end && format.charAt(i) != '%') {
                    i++;
                }
                if (i > lasti) {
                    buf.append(format, lasti, i);
                }
                if (i >= end) {
                    break;
                }
                i++; // skip %
                clearFlags();
                simpleFormat:
                for (; i < end; i++) {
                    char c = format.charAt(i);
                    switch (c) {
                        case '#' -> sharp = true;
                        case '0' -> zero = !minus;
                        case '+' -> plus = true;
                        case '-' -> {
                            minus = true;
                            zero = false;
                        }
                        case ' ' -> space = true;
                        default -> {
                            break simpleFormat;
                        }
                    }
                }
                // argument index [n]
                int[] st = new int[] {i, argNum};
                boolean[] ok = new boolean[] {true};
                afterIndex = argIndex(format, st, args.length, ok);
                if (afterIndex || !ok[0]) {
                    reordered = true;
                }
                i = st[0];
                argNum = st[1];
                // width
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer w = intFromArg(args, argNum);
                    argNum++;
                    if (w == null) {
                        buf.append("%!(BADWIDTH)");
                        widPresent = false;
                    } else {
                        wid = w;
                        widPresent = true;
                        if (wid < 0) {
                            minus = true;
                            zero = false;
                            wid = -wid;
                        }
                    }
                    afterIndex = false;
                } else {
                    int start = i;
                    int n = 0;
                    boolean tooLarge = false;
                    while (i < end && Character.isDigit(format.charAt(i)) && format.charAt(i) < 128) {
                        if (n > 1_000_000) {
                            // Go's parsenum gives up on a crazy long number and skips to the end of the format
                            // (found by fuzzing: "%4444444444s" ran out of memory).
                            tooLarge = true;
                            i = end;
                            break;
                        }
                        n = n * 10 + (format.charAt(i) - '0');
                        i++;
                    }
                    if (i > start && !tooLarge) {
                        widPresent = true;
                        wid = n;
                        if (afterIndex) {
                            reordered = true;
                        }
                    }
                }
                // precision
                if (i + 1 <= end && i < end && format.charAt(i) == '.') {
                    i++;
                    if (afterIndex) {
                        reordered = true;
                    }
                    st = new int[] {i, argNum};
                    afterIndex = argIndex(format, st, args.length, ok);
                    reordered |= afterIndex;
                    i = st[0];
                    argNum = st[1];
                    if (i < end && format.charAt(i) == '*') {
                        i++;
                        Integer p = intFromArg(args, argNum);
                        argNum++;
                        if (p == null || p < 0) {
                            if (p == null) {
                                buf.append("%!(BADPREC)");
                            }
                            precPresent = false;
                        } else {
                            prec = p;
                            precPresent = true;
                        }
                        afterIndex = false;
                    } else {
                        int n = 0;
                        while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                            if (n > 1_000_000) {
                                n = 0;
                                i = end;
                                break;
                            }
                            n = n * 10 + (format.charAt(i) - '0');
                            i++;
                        }
                        prec = n;
                        precPresent = true;
                    }
                }
                if (!afterIndex) {
                    st = new int[] {i, argNum};
                    afterIndex = argIndex(format, st, args.length, ok);
                    reordered |= afterIndex;
                    i = st[0];
                    argNum = st[1];
                }
                if (i >= end) {
                    buf.append("%!(NOVERB)");
                    break;
                }
                int verb = format.codePointAt(i);
                i += Character.charCount(verb);
                if (verb == '%') {
                    buf.append('%');
                    continue;
                }
                if (!ok[0]) {
                    buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
                    continue;
                }
                if (argNum >= args.length) {
                    buf.append("%!").appendCodePoint(verb).append("(MISSING)");
                    continue;
                }
                if (verb == 'w') {
                    verb = 'v';
                }
                if (verb == 'v') {
                    if (sharp) {
                        sharp = false;
                        sharpV = true;
                    }
                    if (plus) {
                        plus = false;
                        plusV = true;
                    }
                }
                printArg(args[argNum], verb);
                argNum++;
            }
            if (!reordered && argNum < args.length) {
                clearFlags();
                buf.append("%!(EXTRA ");
                for (int k = argNum; k < args.length; k++) {
                    if (k > argNum) {
                        buf.append(", ");
                    }
                    Object arg = args[k];
                    if (arg == null) {
                        buf.append("<nil>");
                    } else {
                        buf.append(typeName(arg)).append('=');
                        printArg(arg, 'v');
                    }
                }
                buf.append(')');
            }
        }

        /** Parses an optional [n] argument index at st[0]; updates st[0] (position) and st[1] (arg number). */
        private boolean argIndex(String format, int[] st, int numArgs, boolean[] ok) {
            int i = st[0];
            if (i >= format.length() || format.charAt(i) != '[') {
                return false;
            }
            int close = format.indexOf(']', i + 1);
            if (close < 0) {
                ok[0] = false;
                st[0] = format.length();
                return false;
            }
            String num = format.substring(i + 1, close);
            st[0] = close + 1;
            try {
                int n = Integer.parseInt(num);
                if (n < 1 || n > numArgs || !num.chars().allMatch(Character::isDigit)) {
                    ok[0] = false;
                    return true;
                }
                st[1] = n - 1;
                return true;
            } catch (NumberFormatException e) {
                ok[0] = false;
                return true;
            }
        }

        private static Integer intFromArg(Object[] args, int argNum) {
            if (argNum >= args.length) {
                return null;
            }
            Object a = args[argNum];
            if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
                long v = ((Number) a).longValue();
                if (v > 1_000_000 || v < -1_000_000) {
                    return null;
                }
                return (int) v;
            }
            return null;
        }

        void printArg(Object arg, int verb) {
            if (arg == null) {
                switch (verb) {
                    case 'T', 'v' -> pad("<nil>");
                    default -> badVerb(null, verb);
                }
                return;
            }
            if (verb == 'T') {
                fmtS(typeName(arg));
                return;
            }
            if (verb == 'p') {
                badVerb(arg, verb);
                return;
            }
            if (arg instanceof Boolean b) {
                fmtBool(b, verb, arg);
            } else if (arg instanceof Double || arg instanceof Float) {
                fmtFloat(((Number) arg).doubleValue(), arg instanceof Float ? 32 : 64, verb, arg);
            } else if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte) {
                fmtInteger(BigInteger.valueOf(((Number) arg).longValue()), true, verb, arg);
            } else if (arg instanceof BigInteger big) {
                fmtInteger(big, false, verb, arg);
            } else if (arg instanceof String s) {
                fmtString(s, verb, arg);
            } else if (arg instanceof byte[] bytes) {
                fmtBytes(bytes, verb);
            } else if (arg instanceof Map<?, ?> map) {
                printMap(map, verb);
            } else if (arg instanceof Collection<?> list) {
                printList(new ArrayList<>(list), verb);
            } else if (arg instanceof Object[] arr) {
                printList(List.of(arr), verb);
            } else if (arg instanceof GoComplex c) {
                fmtComplex(c, verb, arg);
            } else if (arg instanceof GoTyped typed) {
                if (verb == 'v' || verb == 's') {
                    fmtS(typed.goString());
                } else {
                    badVerb(arg, verb);
                }
            } else {
                if (verb == 'v' || verb == 's') {
                    fmtS(String.valueOf(arg));
                } else {
                    badVerb(arg, verb);
                }
            }
        }

        /** Maps and lists being printed, outermost first: bounded, as a map may contain itself. */
        private int nesting;

        private void enter() {
            if (++nesting > ValueLimits.MAX_NESTING) {
                throw ValueLimits.tooDeep("printing a value");
            }
        }

        private void checkLength() {
            if (buf.length() > ValueLimits.MAX_VALUE_CHARS) {
                throw ValueLimits.tooLong("the printed value");
            }
        }

        private void printMap(Map<?, ?> map, int verb) {
            enter();
            try {
                printMapEntries(map, verb);
            } finally {
                nesting--;
            }
        }

        /** fmt's printValue for a map: {@code %#v} differs only in the brackets and the separator. */
        private void printMapEntries(Map<?, ?> map, int verb) {
            boolean goSyntax = sharpV;
            buf.append(goSyntax ? "map[string]interface {}{" : "map[");
            String separator = goSyntax ? ", " : " ";
            boolean first = true;
            for (Object k : sortedKeys(map)) {
                if (!first) {
                    buf.append(separator);
                }
                first = false;
                printArg(k, verb);
                buf.append(':');
                printElement(map.get(k), verb);
                checkLength();
            }
            buf.append(goSyntax ? '}' : ']');
        }

        private static List<Object> sortedKeys(Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());
            keys.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            return keys;
        }

        private void printList(List<?> list, int verb) {
            enter();
            try {
                printListItems(list, verb);
            } finally {
                nesting--;
            }
        }

        /** fmt's printValue for a slice: {@code %#v} differs only in the brackets and the separator. */
        private void printListItems(List<?> list, int verb) {
            boolean goSyntax = sharpV;
            buf.append(goSyntax ? "[]interface {}{" : "[");
            String separator = goSyntax ? ", " : " ";
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    buf.append(separator);
                }
                printElement(list.get(i), verb);
                checkLength();
            }
            buf.append(goSyntax ? '}' : ']');
        }

        /**
         * An element of a map or slice of interface{}: fmt's printValue writes a nil one itself, whatever the verb and
         * without padding, as {@code <nil>}, or under {@code %#v} as its type and {@code (nil)}.
         */
        private void printElement(Object element, int verb) {
            if (element == null) {
                buf.append(sharpV ? "interface {}(nil)" : "<nil>");
            } else {
                printArg(element, verb);
            }
        }

        private void badVerb(Object arg, int verb) {
            buf.append("%!").appendCodePoint(verb).append('(');
            if (arg == null) {
                buf.append("<nil>");
            } else {
                buf.append(typeName(arg)).append('=');
                boolean savedPlus = plus;
                boolean savedMinus = minus;
                boolean savedSharp = sharp;
                boolean savedSpace = space;
                boolean savedZero = zero;
                boolean savedWid = widPresent;
                boolean savedPrec = precPresent;
                clearFlags();
                printArg(arg, 'v');
                plus = savedPlus;
                minus = savedMinus;
                sharp = savedSharp;
                space = savedSpace;
                zero = savedZero;
                widPresent = savedWid;
                precPresent = savedPrec;
            }
            buf.append(')');
        }

        // ---- padding

        private void pad(String s) {
            if (!widPresent || wid == 0) {
                buf.append(s);
                return;
            }
            int width = s.codePointCount(0, s.length());
            int padding = wid - width;
            if (padding <= 0) {
                buf.append(s);
                return;
            }
            if (!minus) {
                writePadding(padding);
                buf.append(s);
            } else {
                buf.append(s);
                writePadding(padding);
            }
        }

        private void writePadding(int n) {
            char c = zero && !minus ? '0' : ' ';
            for (int i = 0; i < n; i++) {
                buf.append(c);
            }
        }

        // ---- booleans

        private void fmtBool(boolean b, int verb, Object arg) {
            if (verb == 't' || verb == 'v') {
                pad(b ? "true" : "false");
            } else {
                badVerb(arg, verb);
            }
        }

        // ---- strings

        private void fmtString(String s, int verb, Object arg) {
            switch (verb) {
                case 'v' -> {
                    if (sharpV) {
                        fmtQ(s);
                    } else {
                        fmtS(s);
                    }
                }
                case 's' -> fmtS(s);
                case 'x' -> fmtSx(GoBytes.bytes(s), "0123456789abcdef");
                case 'X' -> fmtSx(GoBytes.bytes(s), "0123456789ABCDEF");
                case 'q' -> fmtQ(s);
                default -> badVerb(arg, verb);
            }
        }

        private void fmtS(String s) {
            pad(truncate(s));
        }

        private String truncate(String s) {
            if (precPresent) {
                int n = prec;
                int i = 0;
                while (i < s.length()) {
                    n--;
                    if (n < 0) {
                        return s.substring(0, i);
                    }
                    i += Character.charCount(s.codePointAt(i));
                }
            }
            return s;
        }

        private void fmtQ(String s) {
            s = truncate(s);
            if (sharp && canBackquote(s)) {
                pad("`" + s + "`");
                return;
            }
            pad(plus ? GoStrconv.quoteToAscii(s) : GoStrconv.quote(s));
        }

        private static boolean canBackquote(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '`' || c == 0xFEFF || (c < ' ' && c != '\t') || c == 0x7f) {
                    return false;
                }
            }
            return true;
        }

        private void fmtSx(byte[] bytes, String digits) {
            int length = bytes.length;
            if (precPresent && prec < length) {
                length = prec;
            }
            int width = 2 * length;
            if (width > 0) {
                if (space) {
                    if (sharp) {
                        width *= 2;
                    }
                    width += length - 1;
                } else if (sharp) {
                    width += 2;
                }
            } else {
                if (widPresent) {
                    writePadding(wid);
                }
                return;
            }
            if (widPresent && wid > width && !minus) {
                writePadding(wid - width);
            }
            if (sharp) {
                buf.append('0').append(digits.charAt(16 - 6) == 'a' ? 'x' : 'X');
            }
            for (int i = 0; i < length; i++) {
                if (space && i > 0) {
                    buf.append(' ');
                    if (sharp) {
                        buf.append('0').append(digits.charAt(10) == 'a' ? 'x' : 'X');
                    }
                }
                int b = bytes[i] & 0xff;
                buf.append(digits.charAt(b >> 4)).append(digits.charAt(b & 0xf));
            }
            if (widPresent && wid > width && minus) {
                writePadding(wid - width);
            }
        }

        private void fmtBytes(byte[] bytes, int verb) {
            switch (verb) {
                case 'v', 'd' -> {
                    if (sharpV) {
                        buf.append("[]byte{");
                        for (int i = 0; i < bytes.length; i++) {
                            if (i > 0) {
                                buf.append(", ");
                            }
                            buf.append("0x").append(Integer.toHexString(bytes[i] & 0xff));
                        }
                        buf.append('}');
                        return;
                    }
                    fmtByteList(bytes, verb);
                }
                case 's' -> fmtS(GoBytes.string(bytes));
                case 'x' -> fmtSx(bytes, "0123456789abcdef");
                case 'X' -> fmtSx(bytes, "0123456789ABCDEF");
                case 'q' -> fmtQ(GoBytes.string(bytes));
                default -> fmtByteList(bytes, verb);
            }
        }

        /** A byte slice as fmt prints any slice: each byte an unsigned integer under the verb, in brackets. */
        private void fmtByteList(byte[] bytes, int verb) {
            buf.append('[');
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    buf.append(' ');
                }
                fmtInteger(BigInteger.valueOf(bytes[i] & 0xff), false, verb, (long) (bytes[i] & 0xff));
            }
            buf.append(']');
        }

        // ---- integers

        private void fmtInteger(BigInteger v, boolean signed, int verb, Object arg) {
            switch (verb) {
                case 'v' -> {
                    if (sharpV && !signed) {
                        fmt0x64(v, true);
                    } else {
                        fmtInt(v, 10, verb, "0123456789abcdefx");
                    }
                }
                case 'd' -> fmtInt(v, 10, verb, "0123456789abcdefx");
                case 'b' -> fmtInt(v, 2, verb, "0123456789abcdefx");
                case 'o', 'O' -> fmtInt(v, 8, verb, "0123456789abcdefx");
                case 'x' -> fmtInt(v, 16, verb, "0123456789abcdefx");
                case 'X' -> fmtInt(v, 16, verb, "0123456789ABCDEFX");
                case 'c' -> pad(new String(Character.toChars(validRune(v))));
                case 'q' -> fmtQc(v);
                case 'U' -> fmtUnicode(v);
                default -> badVerb(arg, verb);
            }
        }

        private static int validRune(BigInteger v) {
            if (v.bitLength() > 31) {
                return 0xFFFD;
            }
            int r = v.intValue();
            if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
                return 0xFFFD;
            }
            return r;
        }

        private void fmtQc(BigInteger v) {
            int r = validRune(v);
            StringBuilder sb = new StringBuilder("'");
            if (sharp && r != '\'' && GoStrconv.isPrint(r)) {
                sb.appendCodePoint(r);
            } else {
                GoStrconv.appendQuotedRune(sb, r, '\'', plus);
            }
            sb.append('\'');
            pad(sb.toString());
        }

        private void fmtUnicode(BigInteger v) {
            String hex = v.toString(16).toUpperCase(Locale.ROOT);
            if (v.signum() < 0) {
                hex = v.add(BigInteger.ONE.shiftLeft(64)).toString(16).toUpperCase(Locale.ROOT);
            }
            int p = 4;
            if (precPresent && prec > 4) {
                p = prec;
            }
            StringBuilder sb = new StringBuilder("U+");
            for (int i = hex.length(); i < p; i++) {
                sb.append('0');
            }
            sb.append(hex);
            if (sharp && v.signum() >= 0 && v.bitLength() <= 31 && GoStrconv.isPrint(v.intValue())) {
                sb.append(" '").appendCodePoint(v.intValue()).append('\'');
            }
            boolean oldZero = zero;
            zero = false;
            pad(sb.toString());
            zero = oldZero;
        }

        private void fmt0x64(BigInteger v, boolean leading0x) {
            boolean s = sharp;
            sharp = leading0x;
            fmtInt(v, 16, 'v', "0123456789abcdefx");
            sharp = s;
        }

        private void fmtInt(BigInteger v, int base, int verb, String digits) {
            boolean negative = v.signum() < 0;
            BigInteger u = v.abs();
            String num = u.toString(base);
            if (digits.charAt(10) == 'A') {
                num = num.toUpperCase(Locale.ROOT);
            }
            int precision = 0;
            boolean usePrec = false;
            if (precPresent) {
                precision = prec;
                usePrec = true;
                if (precision == 0 && u.signum() == 0) {
                    boolean oldZero = zero;
                    zero = false;
                    writePaddingOnly(wid);
                    zero = oldZero;
                    return;
                }
            } else if (zero && widPresent) {
                precision = wid;
                if (negative || plus || space) {
                    precision--;
                }
                usePrec = true;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = num.length(); usePrec && i < precision; i++) {
                sb.append('0');
            }
            sb.append(num);
            String body = sb.toString();
            if (sharp) {
                switch (base) {
                    case 2 -> body = "0b" + body;
                    case 8 -> {
                        if (body.charAt(0) != '0') {
                            body = "0" + body;
                        }
                    }
                    case 16 -> body = "0" + digits.charAt(16) + body;
                    default -> {}
                }
            }
            if (verb == 'O') {
                body = "0o" + body;
            }
            if (negative) {
                body = "-" + body;
            } else if (plus) {
                body = "+" + body;
            } else if (space) {
                body = " " + body;
            }
            boolean oldZero = zero;
            zero = false;
            pad(body);
            zero = oldZero;
        }

        private void writePaddingOnly(int n) {
            if (widPresent) {
                for (int i = 0; i < n; i++) {
                    buf.append(' ');
                }
            }
        }

        // ---- floats

        /** fmt's fmtComplex: each part as a float64 of the verb, the imaginary one always signed. */
        private void fmtComplex(GoComplex c, int verb, Object arg) {
            switch (verb) {
                case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
                    boolean oldPlus = plus;
                    buf.append('(');
                    fmtFloat(c.real(), 64, verb, arg);
                    plus = true;
                    fmtFloat(c.imag(), 64, verb, arg);
                    buf.append("i)");
                    plus = oldPlus;
                }
                default -> badVerb(arg, verb);
            }
        }

        private void fmtFloat(double v, int size, int verb, Object arg) {
            switch (verb) {
                case 'v' -> fmtFloatVerb(v, size, 'g', -1);
                case 'b', 'g', 'G', 'x', 'X' -> fmtFloatVerb(v, size, (char) verb, -1);
                case 'f', 'e', 'E', 'F' -> fmtFloatVerb(v, size, verb == 'F' ? 'f' : (char) verb, 6);
                default -> badVerb(arg, verb);
            }
        }

        private void fmtFloatVerb(double v, int size, char verb, int defaultPrec) {
            int p = precPresent ? prec : defaultPrec;
            String num;
            if (verb == 'x' || verb == 'X' || verb == 'b') {
                num = hexOrBinaryFloat(v, verb);
            } else {
                num = GoStrconv.formatFloat(v, verb, p, size);
            }
            if (!(num.startsWith("-") || num.startsWith("+"))) {
                num = "+" + num;
            }
            if (space && num.charAt(0) == '+' && !plus) {
                num = " " + num.substring(1);
            }
            if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
                boolean oldZero = zero;
                zero = false;
                if (num.charAt(1) == 'N' && !space && !plus) {
                    num = num.substring(1);
                }
                pad(num);
                zero = oldZero;
                return;
            }
            if (sharp && verb != 'b') {
                num = sharpFloat(num);
            }
            if (plus || num.charAt(0) != '+') {
                if (zero && widPresent && wid > num.length()) {
                    buf.append(num.charAt(0));
                    int padding = wid - num.length();
                    for (int i = 0; i < padding; i++) {
                        buf.append('0');
                    }
                    buf.append(num, 1, num.length());
                    return;
                }
                pad(num);
                return;
            }
            pad(num.substring(1));
        }

        /** The '#' flag: always print a decimal point (a simplification of fmt's trailing-zero rules). */
        private static String sharpFloat(String num) {
            if (num.indexOf('.') >= 0) {
                return num;
            }
            int e = -1;
            for (int i = 1; i < num.length(); i++) {
                char c = num.charAt(i);
                if (c == 'e' || c == 'E' || c == 'p' || c == 'P') {
                    e = i;
                    break;
                }
            }
            return e < 0 ? num + "." : num.substring(0, e) + "." + num.substring(e);
        }

        private static String hexOrBinaryFloat(double v, char verb) {
            if (Double.isNaN(v)) {
                return "NaN";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "+Inf" : "-Inf";
            }
            if (verb == 'b') {
                long bits = Double.doubleToRawLongBits(v);
                long mant = bits & ((1L << 52) - 1);
                int exp = (int) ((bits >> 52) & 0x7ff);
                if (exp == 0) {
                    exp++;
                } else {
                    mant |= 1L << 52;
                }
                exp += -1023 - 52;
                String s = (bits < 0 ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
                return s;
            }
            // %x: Go prints 0x1.8p+01 style; Java's hex string differs in exponent layout.
            String h = Double.toHexString(Math.abs(v));
            String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
            int pIdx = h.indexOf('p');
            String mant = h.substring(2, pIdx);
            int exp = Integer.parseInt(h.substring(pIdx + 1));
            if (mant.endsWith(".0")) {
                mant = mant.substring(0, mant.length() - 2);
            }
            if (v == 0) {
                mant = "0";
                exp = 0;
            }
            String expStr = (exp >= 0 ? "+" : "-") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            String out = sign + "0x" + mant + "p" + expStr;
            return verb == 'X' ? out.toUpperCase(Locale.ROOT) : out;
        }
    }
}
