package dev.runway.render.funcs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * RSA key pairs with e = 65537, made the way Go's crypto/rsa makes them (Go 1.24+,
 * crypto/internal/fips140/rsa/keygen.go, FIPS 186-5 A.1.3): each prime candidate is fresh random bits of exactly
 * half the modulus size with the top two bits set (so n has exactly the requested size), odd; small factors are
 * trial-divided out, then Miller-Rabin runs with Go's number of rounds for the prime's size (5 for 1024-bit primes,
 * 4 for 2048-bit ones). The key is checked as FIPS 186-5 asks: gcd(e, p-1) = gcd(e, q-1) = 1, |p - q| >
 * 2^(nlen/2 - 100), d = e^-1 mod lcm(p-1, q-1) and d > 2^(nlen/2).
 *
 * <p>Why not the JDK's KeyPairGenerator: its BigInteger.probablePrime runs a Lucas-Lehmer test on every prime on
 * top of Miller-Rabin, and that test (plain multiply and divide per bit, no Montgomery) costs about 50 modular
 * exponentiations for a 1024-bit prime; it was two thirds of a 2048-bit key's time.
 */
final class RsaKeyGenerator {

    static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    /**
     * Trial division primes, upper bound. Each prime p spares about 1/p of the candidates a Miller-Rabin round
     * (0.5 ms for 1024 bits, 3 ms for 2048 bits here) and costs a pass over the candidate's words; bounds from 2^12
     * to 2^15 measured the same within the noise for both sizes.
     */
    private static final int TRIAL_DIVISION_LIMIT = 1 << 13;

    /** Moduli for trial division: products of consecutive odd primes that stay below 2^31. */
    private static final long[] GROUP_MODULI;

    /** The primes of each group, in the same order as {@link #GROUP_MODULI}. */
    private static final int[][] GROUP_PRIMES;

    static {
        List<Long> moduli = new ArrayList<>();
        List<int[]> primes = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long product = 1;
        boolean[] composite = new boolean[TRIAL_DIVISION_LIMIT];
        for (int p = 3; p < TRIAL_DIVISION_LIMIT; p += 2) {
            if (composite[p]) {
                continue;
            }
            for (int k = p * p; k < TRIAL_DIVISION_LIMIT; k += 2 * p) {
                composite[k] = true;
            }
            if (product * p >= 1L << 31) {
                moduli.add(product);
                primes.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
                product = 1;
            }
            product *= p;
            current.add(p);
        }
        moduli.add(product);
        primes.add(current.stream().mapToInt(Integer::intValue).toArray());
        GROUP_MODULI = moduli.stream().mapToLong(Long::longValue).toArray();
        GROUP_PRIMES = primes.toArray(new int[0][]);
    }

    private RsaKeyGenerator() {}

    /** A key pair of exactly {@code bits} bits (at least 1024). */
    static KeyPair generate(int bits, SecureRandom random) throws GeneralSecurityException {
        if (bits < 1024) {
            throw new IllegalArgumentException("RSA keys under 1024 bits are not made: " + bits);
        }
        while (true) {
            BigInteger p = randomPrime((bits + 1) / 2, random);
            BigInteger q = randomPrime(bits / 2, random);
            BigInteger n = p.multiply(q);
            if (n.bitLength() != bits) {
                throw new IllegalStateException("RSA modulus of " + n.bitLength() + " bits, not " + bits);
            }
            // FIPS 186-5 A.1.3 step 5.5; fails with probability about 2^-97, so start over rather than fix q.
            if (p.subtract(q).abs().compareTo(BigInteger.ONE.shiftLeft(bits / 2 - 100)) <= 0) {
                continue;
            }
            BigInteger p1 = p.subtract(BigInteger.ONE);
            BigInteger q1 = q.subtract(BigInteger.ONE);
            BigInteger lcm = p1.divide(p1.gcd(q1)).multiply(q1);
            BigInteger d = PUBLIC_EXPONENT.modInverse(lcm); // gcd(e, p-1) = gcd(e, q-1) = 1: see randomPrime
            if (d.compareTo(BigInteger.ONE.shiftLeft(bits / 2)) <= 0) { // FIPS 186-5 A.1.1
                continue;
            }
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    factory.generatePublic(new RSAPublicKeySpec(n, PUBLIC_EXPONENT)),
                    factory.generatePrivate(new RSAPrivateCrtKeySpec(
                            n, PUBLIC_EXPONENT, d, p, q, d.mod(p1), d.mod(q1), q.modInverse(p))));
        }
    }

    /** A random prime of exactly {@code bits} bits with its top two bits set and p mod e != 1. */
    static BigInteger randomPrime(int bits, SecureRandom random) {
        byte[] b = new byte[(bits + 7) / 8];
        int excess = b.length * 8 - bits;
        int rounds = millerRabinRounds(bits);
        int[] words = new int[(b.length + 3) / 4];
        while (true) {
            random.nextBytes(b);
            b[0] = (byte) ((b[0] & 0xff) >>> excess);
            if (excess < 7) {
                b[0] |= (byte) (0xc0 >>> excess);
            } else {
                b[0] |= 1;
                b[1] |= (byte) 0x80;
            }
            b[b.length - 1] |= 1;
            toWords(b, words);
            if (hasSmallFactor(words) || remainder(words, 65537) == 1) {
                continue; // e = 65537 is prime, so gcd(e, p-1) = 1 exactly when p mod e != 1
            }
            BigInteger w = new BigInteger(1, b);
            if (isProbablePrime(w, rounds, random)) {
                return w;
            }
        }
    }

    /**
     * Go's Miller-Rabin rounds by prime size (from BoringSSL; false positive rate under 2^-100 for random
     * candidates, FIPS 186-5 table B.1).
     */
    static int millerRabinRounds(int bits) {
        if (bits >= 3747) {
            return 3;
        } else if (bits >= 1345) {
            return 4;
        } else if (bits >= 476) {
            return 5;
        } else if (bits >= 400) {
            return 6;
        } else if (bits >= 347) {
            return 7;
        } else if (bits >= 308) {
            return 8;
        } else if (bits >= 55) {
            return 27;
        }
        return 34;
    }

    /** Miller-Rabin (FIPS 186-5 B.3.1) with random bases; w odd and larger than 3. */
    static boolean isProbablePrime(BigInteger w, int rounds, SecureRandom random) {
        BigInteger minusOne = w.subtract(BigInteger.ONE);
        int a = minusOne.getLowestSetBit();
        BigInteger m = minusOne.shiftRight(a);
        int bits = w.bitLength();
        int done = 0;
        rounds:
        while (done < rounds) {
            BigInteger base = new BigInteger(bits, random);
            if (base.compareTo(BigInteger.ONE) <= 0 || base.compareTo(minusOne) >= 0) {
                continue;
            }
            done++;
            BigInteger z = base.modPow(m, w);
            if (z.equals(BigInteger.ONE) || z.equals(minusOne)) {
                continue;
            }
            for (int i = 1; i < a; i++) {
                z = z.multiply(z).mod(w);
                if (z.equals(minusOne)) {
                    continue rounds;
                }
                if (z.equals(BigInteger.ONE)) {
                    break;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean hasSmallFactor(int[] words) {
        for (int g = 0; g < GROUP_MODULI.length; g++) {
            long r = remainder(words, GROUP_MODULI[g]);
            for (int p : GROUP_PRIMES[g]) {
                if (r % p == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** words (big-endian 32-bit) mod m, for m below 2^31 so that r * 2^32 + word fits in a long. */
    private static long remainder(int[] words, long m) {
        long r = 0;
        for (int w : words) {
            r = ((r << 32) | (w & 0xffffffffL)) % m;
        }
        return r;
    }

    private static void toWords(byte[] b, int[] words) {
        int lead = words.length * 4 - b.length; // missing high bytes of the first word
        for (int i = 0; i < words.length; i++) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int idx = i * 4 + k - lead;
                v = (v << 8) | (idx >= 0 ? b[idx] & 0xff : 0);
            }
            words[i] = v;
        }
    }
}
