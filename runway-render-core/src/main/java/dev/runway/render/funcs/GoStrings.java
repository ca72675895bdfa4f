package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoBytes;

/** Go's unicode and strings helpers that differ from Java's (Go's IsSpace, rune-wise case mapping, byte slicing). */
final class GoStrings {

    private GoStrings() {}

    /** unicode.IsSpace. */
    static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x2028 || c == 0x2029;
    }

    /** strings.TrimSpace. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int c = s.codePointAt(start);
            if (!isSpace(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = s.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(start, end);
    }

    /** strings.ToUpper: a rune-wise rebuild, so an invalid byte becomes U+FFFD as in Go. */
    static String toUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        GoBytes.replaceInvalid(s).codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(c)));
        return sb.toString();
    }

    /** strings.ToLower, rune-wise like {@link #toUpper}. */
    static String toLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        GoBytes.replaceInvalid(s).codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
        return sb.toString();
    }

    /** strings.Title. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isSeparator(prev)) {
                sb.appendCodePoint(Character.toTitleCase(c));
            } else {
                sb.appendCodePoint(c);
            }
            prev = c;
        }
        return sb.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return isSpace(r);
    }

    /** strings.Trim with a cutset. */
    static String trimCutset(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int c = s.codePointAt(start);
            if (cutset.indexOf(c) < 0) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = s.codePointBefore(end);
            if (cutset.indexOf(c) < 0) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(start, end);
    }

    static byte[] utf8(String s) {
        return GoBytes.bytes(s);
    }

    static String fromUtf8(byte[] b, int from, int to) {
        return GoBytes.string(b, from, to);
    }

    /** Go's s[a:b] on the UTF-8 bytes, with Go's panic text when out of range. */
    static String sliceBytes(String s, Integer a, Integer b) throws SlicePanic {
        byte[] bytes = utf8(s);
        int len = bytes.length;
        int lo = a == null ? 0 : a;
        int hi = b == null ? len : b;
        if (b != null && (hi < 0 || hi > len)) {
            throw new SlicePanic("runtime error: slice bounds out of range [:" + hi + "] with length " + len);
        }
        if (lo < 0 || lo > hi) {
            throw new SlicePanic("runtime error: slice bounds out of range [" + lo + ":" + hi + "]");
        }
        return fromUtf8(bytes, lo, hi);
    }

    /** A Go runtime panic inside a function; text/template reports it as the call's error. */
    static final class SlicePanic extends Exception {
        SlicePanic(String message) {
            super(message);
        }
    }
}
