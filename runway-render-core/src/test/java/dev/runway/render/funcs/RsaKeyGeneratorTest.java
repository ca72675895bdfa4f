package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our RSA keys must be as sound as Go's: every FIPS 186-5 property checked with the JDK's own arithmetic. */
class RsaKeyGeneratorTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void keysOf2048BitsAreValid() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertValid(RsaKeyGenerator.generate(2048, RANDOM), 2048);
        }
    }

    @Test
    void keyOf4096BitsIsValid() throws Exception {
        assertValid(RsaKeyGenerator.generate(4096, RANDOM), 4096);
    }

    @Test
    void oddSizesGiveTheLargerPrimeToP() throws Exception {
        RSAPrivateCrtKey k =
                (RSAPrivateCrtKey) RsaKeyGenerator.generate(1025, RANDOM).getPrivate();
        assertEquals(1025, k.getModulus().bitLength());
        assertEquals(513, k.getPrimeP().bitLength());
        assertEquals(512, k.getPrimeQ().bitLength());
    }

    @Test
    void smallKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RsaKeyGenerator.generate(512, RANDOM));
    }

    @Test
    void millerRabinRoundsFollowGo() {
        assertEquals(5, RsaKeyGenerator.millerRabinRounds(1024)); // primes of 2048-bit keys
        assertEquals(4, RsaKeyGenerator.millerRabinRounds(2048)); // primes of 4096-bit keys
        assertEquals(3, RsaKeyGenerator.millerRabinRounds(4096));
        assertEquals(27, RsaKeyGenerator.millerRabinRounds(128));
    }

    @Test
    void millerRabinTellsPrimesFromComposites() {
        BigInteger m521 = BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE); // Mersenne primes
        BigInteger m607 = BigInteger.ONE.shiftLeft(607).subtract(BigInteger.ONE);
        assertTrue(RsaKeyGenerator.isProbablePrime(m521, 5, RANDOM));
        assertTrue(RsaKeyGenerator.isProbablePrime(m607, 5, RANDOM));
        assertFalse(RsaKeyGenerator.isProbablePrime(m521.multiply(m607), 5, RANDOM));
        // 2^512 - 1 is composite; 3215031751 = 151 * 751 * 28351 is a strong pseudoprime to bases 2, 3, 5 and 7.
        assertFalse(
                RsaKeyGenerator.isProbablePrime(BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE), 5, RANDOM));
        assertFalse(RsaKeyGenerator.isProbablePrime(BigInteger.valueOf(3215031751L), 27, RANDOM));
        // A Carmichael number with large factors (6k+1)(12k+1)(18k+1), each prime: passes Fermat for every base.
        BigInteger carmichael = carmichael();
        assertFalse(RsaKeyGenerator.isProbablePrime(carmichael, 27, RANDOM), carmichael.toString());
    }

    @Test
    void randomPrimesHaveTheirTopTwoBitsSetAndSuitE() {
        for (int bits : new int[] {1024, 1031}) {
            for (int i = 0; i < 5; i++) {
                BigInteger p = RsaKeyGenerator.randomPrime(bits, RANDOM);
                assertEquals(bits, p.bitLength());
                assertTrue(p.testBit(bits - 2), "second bit set");
                assertTrue(p.isProbablePrime(100), p.toString(16));
                assertEquals(
                        BigInteger.ONE, p.subtract(BigInteger.ONE).gcd(RsaKeyGenerator.PUBLIC_EXPONENT), "gcd(e, p-1)");
            }
        }
    }

    @Test
    void genPrivateKeyPemIsA4096BitPkcs1Key() throws Exception {
        String pem = (String) FunctionLibrary.functions().get("genPrivateKey").call(null, List.of("rsa"));
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), pem);
        assertTrue(pem.endsWith("-----END RSA PRIVATE KEY-----\n"), pem);
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKeySpec spec = parsePkcs1(pkcs1);
        assertEquals(4096, spec.getModulus().bitLength());
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        assertEquals(spec.getPrimeP().multiply(spec.getPrimeQ()), key.getModulus());
        assertTrue(spec.getPrimeP().isProbablePrime(100));
        assertTrue(spec.getPrimeQ().isProbablePrime(100));
    }

    private static void assertValid(KeyPair pair, int bits) throws Exception {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        BigInteger p = k.getPrimeP();
        BigInteger q = k.getPrimeQ();
        BigInteger n = k.getModulus();
        BigInteger e = k.getPublicExponent();
        BigInteger d = k.getPrivateExponent();
        assertEquals(BigInteger.valueOf(65537), e);
        assertEquals(n, pub.getModulus());
        assertEquals(e, pub.getPublicExponent());
        assertEquals(bits, n.bitLength());
        assertEquals(n, p.multiply(q));
        assertEquals(bits / 2, p.bitLength());
        assertEquals(bits / 2, q.bitLength());
        // The JDK's own test (Miller-Rabin and Lucas-Lehmer), independent of the generator's.
        assertTrue(p.isProbablePrime(100), "p prime");
        assertTrue(q.isProbablePrime(100), "q prime");
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        assertEquals(BigInteger.ONE, e.gcd(p1));
        assertEquals(BigInteger.ONE, e.gcd(q1));
        BigInteger lcm = p1.multiply(q1).divide(p1.gcd(q1));
        assertEquals(BigInteger.ONE, d.multiply(e).mod(lcm), "d * e = 1 mod lcm(p-1, q-1)");
        assertTrue(d.compareTo(lcm) < 0, "d reduced mod lcm");
        assertTrue(d.compareTo(BigInteger.ONE.shiftLeft(bits / 2)) > 0, "d > 2^(nlen/2)");
        assertTrue(p.subtract(q).abs().compareTo(BigInteger.ONE.shiftLeft(bits / 2 - 100)) > 0, "|p - q|");
        assertEquals(d.mod(p1), k.getPrimeExponentP());
        assertEquals(d.mod(q1), k.getPrimeExponentQ());
        assertEquals(BigInteger.ONE, q.multiply(k.getCrtCoefficient()).mod(p), "q * qInv = 1 mod p");

        byte[] message = "runway".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(k);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pub);
        verifier.update(message);
        assertTrue(verifier.verify(signature), "signature verifies");
        // Textbook round trip through the CRT key: m^(e*d) = m mod n.
        BigInteger m = new BigInteger(bits - 1, RANDOM);
        assertEquals(m, m.modPow(e, n).modPow(d, n));
    }

    /** The smallest k >= 2^40 where 6k+1, 12k+1 and 18k+1 are all prime. */
    private static BigInteger carmichael() {
        for (BigInteger k = BigInteger.ONE.shiftLeft(40); ; k = k.add(BigInteger.ONE)) {
            BigInteger a = k.multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
            BigInteger b = k.multiply(BigInteger.valueOf(12)).add(BigInteger.ONE);
            BigInteger c = k.multiply(BigInteger.valueOf(18)).add(BigInteger.ONE);
            if (a.isProbablePrime(50) && b.isProbablePrime(50) && c.isProbablePrime(50)) {
                return a.multiply(b).multiply(c);
            }
        }
    }

    /** RSAPrivateKey (RFC 8017 A.1.2): SEQUENCE of version and eight INTEGERs. */
    private static RSAPrivateCrtKeySpec parsePkcs1(byte[] der) {
        int[] pos = {0};
        assertEquals(0x30, der[pos[0]] & 0xff, "SEQUENCE");
        pos[0]++;
        length(der, pos);
        List<BigInteger> ints = new ArrayList<>();
        while (pos[0] < der.length) {
            assertEquals(0x02, der[pos[0]] & 0xff, "INTEGER at " + pos[0]);
            pos[0]++;
            int len = length(der, pos);
            byte[] v = new byte[len];
            System.arraycopy(der, pos[0], v, 0, len);
            pos[0] += len;
            ints.add(new BigInteger(v));
        }
        assertEquals(9, ints.size());
        assertEquals(BigInteger.ZERO, ints.get(0), "version");
        return new RSAPrivateCrtKeySpec(
                ints.get(1), ints.get(2), ints.get(3), ints.get(4), ints.get(5), ints.get(6), ints.get(7), ints.get(8));
    }

    private static int length(byte[] der, int[] pos) {
        int len = der[pos[0]++] & 0xff;
        if (len < 0x80) {
            return len;
        }
        int n = len & 0x7f;
        int out = 0;
        for (int i = 0; i < n; i++) {
            out = (out << 8) | (der[pos[0]++] & 0xff);
        }
        return out;
    }
}
