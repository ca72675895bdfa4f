package dev.runway.render.funcs;

import dev.runway.render.digest.Sha256;
import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Sprig's encodings and hashes: b64enc/b64dec, b32enc/b32dec, sha1sum, sha256sum, sha512sum, adler32sum. */
final class EncodingFunctions {

    private EncodingFunctions() {}

    /** This theme's function {@code name}, one of the names FunctionTheme lists for it (FunctionTheme.create checks). */
    static TemplateFunction lookup(String name) {
        return new EncodingFunction(name);
    }

    /**
     * Sprig's encodings and digests: one class that switches on the name rather than a lambda per function, as the
     * other themes do: in a fresh JVM each lambda is a class spun at its first use (issue 19).
     */
    private static final class EncodingFunction implements TemplateFunction {
        private final String name;

        EncodingFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "b64enc" -> {
                    Args.count("b64enc", a, 1);
                    return Base64.getEncoder().encodeToString(GoStrings.utf8(Args.string(a, 0)));
                }
                case "b64dec" -> {
                    Args.count("b64dec", a, 1);
                    return base64Decode(Args.string(a, 0));
                }
                case "b32enc" -> {
                    Args.count("b32enc", a, 1);
                    return base32Encode(GoStrings.utf8(Args.string(a, 0)));
                }
                case "b32dec" -> {
                    Args.count("b32dec", a, 1);
                    return base32Decode(Args.string(a, 0));
                }
                case "sha1sum" -> {
                    Args.count("sha1sum", a, 1);
                    return digest("SHA-1", Args.string(a, 0));
                }
                case "sha256sum" -> {
                    Args.count("sha256sum", a, 1);
                    return HexFormat.of().formatHex(Sha256.digest(GoStrings.utf8(Args.string(a, 0))));
                }
                case "sha512sum" -> {
                    Args.count("sha512sum", a, 1);
                    return digest("SHA-512", Args.string(a, 0));
                }
                case "encryptAES" -> {
                    Args.count("encryptAES", a, 2);
                    try {
                        return encryptAes(Args.string(a, 0), Args.string(a, 1));
                    } catch (GeneralSecurityException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "decryptAES" -> {
                    Args.count("decryptAES", a, 2);
                    try {
                        return decryptAes(Args.string(a, 0), Args.string(a, 1));
                    } catch (GeneralSecurityException e) {
                        throw new TemplateFunctionException(e.getMessage());
                    }
                }
                case "adler32sum" -> {
                    Args.count("adler32sum", a, 1);
                    java.util.zip.Adler32 adler = new java.util.zip.Adler32();
                    adler.update(GoStrings.utf8(Args.string(a, 0)));
                    return Long.toString(adler.getValue());
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    /** Sprig's encryptAES: AES-256-CBC, key = password bytes zero-padded or cut to 32, random IV, PKCS#7, base64. */
    static String encryptAes(String password, String plaintext) throws GeneralSecurityException {
        if (plaintext.isEmpty()) {
            return "";
        }
        byte[] content = GoStrings.utf8(plaintext);
        int padding = 16 - content.length % 16;
        byte[] padded = java.util.Arrays.copyOf(content, content.length + padding);
        java.util.Arrays.fill(padded, content.length, padded.length, (byte) padding);
        byte[] iv = new byte[16];
        SharedRandom.get().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, aesKey(password), new IvParameterSpec(iv));
        byte[] out = new byte[16 + padded.length];
        System.arraycopy(iv, 0, out, 0, 16);
        System.arraycopy(cipher.doFinal(padded), 0, out, 16, padded.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** Sprig's decryptAES; Go's base64 error text when the input is not base64. */
    static String decryptAes(String password, String crypt64)
            throws GeneralSecurityException, dev.runway.render.template.TemplateFunctionException {
        if (crypt64.isEmpty()) {
            return "";
        }
        Decoded d = decode(crypt64, B64, 4, 6);
        if (d.error() != null) {
            throw new TemplateFunctionException(d.error());
        }
        byte[] crypt = d.data();
        if (crypt.length < 16) {
            throw new TemplateFunctionException(
                    "runtime error: slice bounds out of range [:16] with capacity " + crypt.length);
        }
        if ((crypt.length - 16) % 16 != 0) {
            throw new TemplateFunctionException("crypto/cipher: input not full blocks");
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE, aesKey(password), new IvParameterSpec(java.util.Arrays.copyOfRange(crypt, 0, 16)));
        byte[] decrypted = cipher.doFinal(crypt, 16, crypt.length - 16);
        int pad = decrypted.length == 0 ? 0 : decrypted[decrypted.length - 1] & 0xff;
        int end = decrypted.length - pad;
        if (end < 0) {
            throw new TemplateFunctionException("runtime error: slice bounds out of range [:" + end + "]");
        }
        return GoBytes.string(decrypted, 0, end);
    }

    private static SecretKeySpec aesKey(String password) {
        byte[] key = java.util.Arrays.copyOf(GoStrings.utf8(password), 32);
        return new SecretKeySpec(key, "AES");
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
        return d.error() != null ? d.error() : GoBytes.string(d.data());
    }

    static String base32Decode(String s) {
        Decoded d = decode(s, B32, 8, 5);
        return d.error() != null ? d.error() : GoBytes.string(d.data());
    }

    /** Decoded bytes, or Go's error text. */
    @SuppressWarnings("ArrayRecordComponent") // a return value only: never compared or hashed
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
        byte[] in = GoStrings.utf8(s);
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
                    return Decoded.fail(
                            "illegal " + (bits == 6 ? "base64" : "base32") + " data at input byte " + (si - got));
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
                    return Decoded.fail(
                            "illegal " + (bits == 6 ? "base64" : "base32") + " data at input byte " + (si - 1));
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
