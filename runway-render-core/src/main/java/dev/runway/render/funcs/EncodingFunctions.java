package dev.runway.render.funcs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Sprig's encodings and hashes: b64enc/b64dec, b32enc/b32dec, sha1sum, sha256sum, sha512sum, adler32sum. */
final class EncodingFunctions {

    private EncodingFunctions() {
    }

    static void register(Registry r) {
        r.add("b64enc", (c, a) -> {
            Args.count("b64enc", a, 1);
            return Base64.getEncoder().encodeToString(GoStrings.utf8(Args.string(a, 0)));
        });
        r.add("b64dec", (c, a) -> {
            Args.count("b64dec", a, 1);
            return base64Decode(Args.string(a, 0));
        });
        r.add("b32enc", (c, a) -> {
            Args.count("b32enc", a, 1);
            return base32Encode(GoStrings.utf8(Args.string(a, 0)));
        });
        r.add("b32dec", (c, a) -> {
            Args.count("b32dec", a, 1);
            return base32Decode(Args.string(a, 0));
        });
        r.add("sha1sum", (c, a) -> {
            Args.count("sha1sum", a, 1);
            return digest("SHA-1", Args.string(a, 0));
        });
        r.add("sha256sum", (c, a) -> {
            Args.count("sha256sum", a, 1);
            return digest("SHA-256", Args.string(a, 0));
        });
        r.add("sha512sum", (c, a) -> {
            Args.count("sha512sum", a, 1);
            return digest("SHA-512", Args.string(a, 0));
        });
        r.add("adler32sum", (c, a) -> {
            Args.count("adler32sum", a, 1);
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            adler.update(GoStrings.utf8(Args.string(a, 0)));
            return Long.toString(adler.getValue());
        });
    }

    private static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(GoStrings.utf8(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** base64.StdEncoding.DecodeString; the error text is returned as the result, as Sprig does. */
    static String base64Decode(String s) {
        Decoded d = decode(s, B64, 4, 6);
        return d.error() != null ? d.error() : new String(d.data(), StandardCharsets.UTF_8);
    }

    static String base32Decode(String s) {
        Decoded d = decode(s, B32, 8, 5);
        return d.error() != null ? d.error() : new String(d.data(), StandardCharsets.UTF_8);
    }

    /** Decoded bytes, or Go's error text. */
    private record Decoded(byte[] data, String error) {
        static Decoded ok(byte[] data) {
            return new Decoded(data, null);
        }

        static Decoded fail(String error) {
            return new Decoded(null, error);
        }
    }

    /**
     * Go's padded decoder: CR and LF are skipped, each quantum of {@code quantum} characters carries
     * {@code bits} bits per character, padding ends the input.
     */
    private static Decoded decode(String s, String alphabet, int quantum, int bits) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int si = 0;
        while (si < in.length) {
            long acc = 0;
            int got = 0;
            int quantumStart = si;
            int padAt = -1;
            while (got < quantum) {
                if (si >= in.length) {
                    if (got == 0) {
                        return Decoded.ok(out.toByteArray());
                    }
                    return Decoded.fail("illegal " + (bits == 6 ? "base64" : "base32") + " data at input byte "
                            + (si - got));
                }
                byte ch = in[si];
                si++;
                if (ch == '\n' || ch == '\r') {
                    continue;
                }
                if (ch == '=') {
                    padAt = si - 1;
                    break;
                }
                int v = alphabet.indexOf(ch);
                if (v < 0 || ch < 0) {
                    return Decoded.fail("illegal " + (bits == 6 ? "base64" : "base32") + " data at input byte "
                            + (si - 1));
                }
                acc = (acc << bits) | v;
                got++;
            }
            if (padAt >= 0) {
                // Validate padding: the rest of the quantum must be '=' and nothing may follow.
                int needed = quantum - got;
                int padCount = 1;
                while (padCount < needed) {
                    while (si < in.length && (in[si] == '\n' || in[si] == '\r')) {
                        si++;
                    }
                    if (si >= in.length || in[si] != '=') {
                        return Decoded.fail("illegal " + (bits == 6 ? "base64" : "base32") + " data at input byte "
                                + (si >= in.length ? in.length : si));
                    }
                    si++;
                    padCount++;
                }
                while (si < in.length && (in[si] == '\n' || in[si] == '\r')) {
                    si++;
                }
                boolean badGot = bits == 6 ? got < 2 : (got != 2 && got != 4 && got != 5 && got != 7);
                if (si < in.length || badGot) {
                    return Decoded.fail("illegal " + (bits == 6 ? "base64" : "base32") + " data at input byte "
                            + (si < in.length ? si : padAt));
                }
                int totalBits = got * bits;
                int bytes = totalBits / 8;
                acc >>= (totalBits - bytes * 8);
                for (int k = bytes - 1; k >= 0; k--) {
                    out.write((int) (acc >> (8 * k)) & 0xff);
                }
                return Decoded.ok(out.toByteArray());
            }
            int bytes = quantum * bits / 8;
            for (int k = bytes - 1; k >= 0; k--) {
                out.write((int) (acc >> (8 * k)) & 0xff);
            }
            if (quantumStart == si) {
                break;
            }
        }
        return Decoded.ok(out.toByteArray());
    }

    static String base32Encode(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < data.length) {
            int n = Math.min(5, data.length - i);
            long buf = 0;
            for (int k = 0; k < 5; k++) {
                buf = (buf << 8) | (k < n ? (data[i + k] & 0xff) : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int k = 0; k < 8; k++) {
                if (k < chars) {
                    sb.append(B32.charAt((int) (buf >> (35 - 5 * k)) & 31));
                } else {
                    sb.append('=');
                }
            }
            i += 5;
        }
        return sb.toString();
    }
}
