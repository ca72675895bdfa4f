package dev.runway.render.gofmt;

import java.nio.charset.StandardCharsets;

/**
 * A Go string is a sequence of bytes, not of characters: {@code .Files.Get} of a binary file, {@code b64dec} of
 * binary data or {@code toString} of a {@code []byte} hold bytes that are not UTF-8, and Helm hands those raw bytes to
 * {@code b64enc}, {@code sha256sum}, {@code len}, slicing and {@code %x}. The engine keeps Go strings as Java
 * strings (so ordinary text costs nothing), and carries each byte that is not part of valid UTF-8 as one escape
 * character: the unpaired low surrogate {@code U+DC80..U+DCFF} (byte {@code 0x80..0xFF} plus {@code 0xDC00}), as
 * Python's {@code surrogateescape} does.
 *
 * <p>Why this cannot collide with text: decoding valid UTF-8 never yields an unpaired surrogate (Go's and Java's
 * decoders both refuse encoded surrogates {@code ED A0..BF xx}, so those bytes arrive as three escapes themselves),
 * and a byte below 0x80 is ASCII, always valid, so 128 escapes cover every invalid byte. So {@link #bytes} of
 * {@link #string} gives back the exact bytes. Invalid bytes are escaped one at a time because Go's
 * {@code utf8.DecodeRune} steps one byte over an invalid sequence: one escape stands for one {@code RuneError}, so
 * rune-wise functions see the same number of runes as in Go. Functions that rebuild a string rune by rune in Go
 * ({@code strings.ToUpper}, {@code encoding/json}) write U+FFFD there: {@link #replaceInvalid}.
 *
 * <p>Chosen over a byte-array string type, which would make every function, comparison and map key of the engine pay
 * a conversion for the rare binary file. Escapes never reach the rendered output: Helm parses every rendered
 * document with go-yaml, whose reader refuses invalid UTF-8 ({@code GoYamlErrors.readerProblem}), so the output
 * stays valid UTF-8 as Helm's does.
 */
public final class GoBytes {
    private static final char ESCAPE_BASE = 0xDC00;
    private static final char FIRST_ESCAPE = 0xDC80;
    private static final char LAST_ESCAPE = 0xDCFF;

    private GoBytes() {}

    /** Go's {@code string(b)}: the bytes as a string, invalid UTF-8 kept byte for byte as escapes. */
    public static String string(byte[] b) {
        return string(b, 0, b.length);
    }

    /** Go's {@code string(b[from:to])}. */
    public static String string(byte[] b, int from, int to) {
        String fast = new String(b, from, to - from, StandardCharsets.UTF_8);
        // The JDK decoder is intrinsic and fast; only text holding U+FFFD (a replaced byte, or a real U+FFFD) needs
        // the byte-wise decoding below.
        return fast.indexOf('\uFFFD') < 0 ? fast : decodeEscaping(b, from, to);
    }

    /** The bytes of a Go string: UTF-8, with each escape turned back into its byte. */
    public static byte[] bytes(String s) {
        return firstEscape(s) < 0 ? s.getBytes(StandardCharsets.UTF_8) : encodeEscaped(s);
    }

    /** Whether the char at {@code i} is an escaped byte (an unpaired low surrogate of the escape range). */
    public static boolean isEscape(String s, int i) {
        char c = s.charAt(i);
        return c >= FIRST_ESCAPE && c <= LAST_ESCAPE && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** The byte an escape at {@code i} stands for (callers check {@link #isEscape} first). */
    public static int escapedByte(String s, int i) {
        return s.charAt(i) - ESCAPE_BASE;
    }

    /** The index of the first escaped byte, or -1 when the string is valid UTF-8. */
    public static int firstEscape(String s) {
        // Scanned as an array: whole texts come here (a chart's schema), often in a first render's interpreted code,
        // where a charAt per character is a call.
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= FIRST_ESCAPE && c <= LAST_ESCAPE && isEscape(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** What Go writes when it re-encodes the string rune by rune: each invalid byte becomes U+FFFD. */
    public static String replaceInvalid(String s) {
        int first = firstEscape(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            sb.append(isEscape(s, i) ? '\uFFFD' : s.charAt(i));
        }
        return sb.toString();
    }

    private static byte[] encodeEscaped(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 16);
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isEscape(s, i)) {
                out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(escapedByte(s, i));
                start = i + 1;
            }
        }
        out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String decodeEscaping(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int n = validSequenceLength(b, i, to);
            if (n == 0) {
                sb.append((char) (ESCAPE_BASE + (b[i] & 0xFF)));
                i++;
            } else {
                sb.append(new String(b, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /**
     * The length of the valid UTF-8 sequence at {@code i}, or 0 when the byte there starts none (Go's
     * {@code utf8.DecodeRune} rules: no overlong forms, no surrogates, nothing above U+10FFFF).
     */
    static int validSequenceLength(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + n > to) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int next = b[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return n;
    }
}
