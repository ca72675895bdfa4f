package dev.runway.render.digest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4), fed in pieces with {@link #update} or in one call with {@link #digest(byte[])}. Written out
 * rather than taken from {@code MessageDigest}: the first {@code MessageDigest.getInstance} of a JVM sets up the
 * security providers (the java.security file, the Sun provider's service table, the known OIDs, a random source),
 * about 80 classes and some 15 ms of a first render in a fresh JVM or of a plugin run, for hashes of a few files
 * (issue 19). Sha256Test compares it with {@code MessageDigest} on every length around the block boundaries and on
 * inputs fed in pieces of every size.
 */
public final class Sha256 {
    /** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    };

    // The first 32 bits of the fractional parts of the square roots of the first 8 primes.
    private final int[] state = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    private final int[] schedule = new int[64];
    /** Bytes of the current block not yet compressed. */
    private final byte[] block = new byte[64];

    private int buffered;
    private long length;

    /** The 32-byte digest of {@code message}. */
    public static byte[] digest(byte[] message) {
        Sha256 sha = new Sha256();
        sha.update(message, 0, message.length);
        return sha.digest();
    }

    /** The lowercase hex digest of {@code text}'s UTF-8 bytes. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds {@code count} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int count) {
        length += count;
        int at = offset;
        int end = offset + count;
        if (buffered > 0) {
            int take = Math.min(64 - buffered, count);
            System.arraycopy(bytes, at, block, buffered, take);
            buffered += take;
            at += take;
            if (buffered < 64) {
                return;
            }
            compress(block, 0);
            buffered = 0;
        }
        for (; end - at >= 64; at += 64) {
            compress(bytes, at);
        }
        System.arraycopy(bytes, at, block, 0, end - at);
        buffered = end - at;
    }

    /** Pads, finishes and returns the 32-byte digest; the instance is spent afterwards. */
    public byte[] digest() {
        long bits = length * 8;
        // Padding: a 1 bit, zeros up to 56 bytes modulo 64, then the message's length in bits, big-endian.
        block[buffered++] = (byte) 0x80;
        if (buffered > 56) {
            java.util.Arrays.fill(block, buffered, 64, (byte) 0);
            compress(block, 0);
            buffered = 0;
        }
        java.util.Arrays.fill(block, buffered, 56, (byte) 0);
        for (int i = 0; i < 8; i++) {
            block[63 - i] = (byte) (bits >>> (8 * i));
        }
        compress(block, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (state[i] >>> 24);
            out[4 * i + 1] = (byte) (state[i] >>> 16);
            out[4 * i + 2] = (byte) (state[i] >>> 8);
            out[4 * i + 3] = (byte) state[i];
        }
        return out;
    }

    /** The lowercase hex of {@link #digest()}. */
    public String digestHex() {
        return HexFormat.of().formatHex(digest());
    }

    private void compress(byte[] data, int from) {
        int[] w = schedule;
        for (int t = 0; t < 16; t++) {
            int at = from + 4 * t;
            w[t] = (data[at] & 0xff) << 24
                    | (data[at + 1] & 0xff) << 16
                    | (data[at + 2] & 0xff) << 8
                    | (data[at + 3] & 0xff);
        }
        // Rotations are written out as shifts: a first render runs this interpreted, where each
        // Integer.rotateRight would be a method call.
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ (x >>> 3);
            int s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ (y >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0], b = state[1], c = state[2], d = state[3];
        int e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            int sum1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
            int choose = (e & f) ^ (~e & g);
            int t1 = h + sum1 + choose + K[t] + w[t];
            int sum0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
            int majority = (a & b) ^ (a & c) ^ (b & c);
            int t2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
