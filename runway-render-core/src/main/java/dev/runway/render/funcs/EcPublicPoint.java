package dev.runway.render.funcs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * The public point {@code d·G} of an EC private key, as Go's x509.ParseECPrivateKey derives it with
 * curve.ScalarBaseMult: Go never reads the public point a SEC 1 key may carry, and Java has no call that computes it.
 * Plain affine double-and-add over the curve's prime field (the NIST curves of {@link Certificates}); a template key
 * is no secret worth a constant-time ladder, and the scalar is below the curve's order, so at most 521 rounds.
 */
final class EcPublicPoint {
    private EcPublicPoint() {}

    /** {@code d·G} on {@code spec}'s curve; {@code d} must lie in [1, n), as Go requires (it refuses d ≥ n). */
    static ECPoint of(BigInteger d, ECParameterSpec spec) throws GeneralSecurityException {
        if (d.signum() <= 0 || d.compareTo(spec.getOrder()) >= 0) {
            throw new GeneralSecurityException("invalid elliptic curve private key value");
        }
        if (!(spec.getCurve().getField() instanceof ECFieldFp field)) {
            throw new GeneralSecurityException("unsupported curve field");
        }
        BigInteger p = field.getP();
        BigInteger a = spec.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        for (int i = d.bitLength() - 1; i >= 0; i--) {
            result = add(result, result, a, p);
            if (d.testBit(i)) {
                result = add(result, spec.getGenerator(), a, p);
            }
        }
        if (result.equals(ECPoint.POINT_INFINITY)) {
            // 0 < d < n: unreachable on a curve of prime order n.
            throw new GeneralSecurityException("invalid elliptic curve private key value");
        }
        return result;
    }

    /** {@code s + t} on y² = x³ + ax + b over GF(p), with the point at infinity as the neutral element. */
    private static ECPoint add(ECPoint s, ECPoint t, BigInteger a, BigInteger p) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger x1 = s.getAffineX();
        BigInteger y1 = s.getAffineY();
        BigInteger x2 = t.getAffineX();
        BigInteger y2 = t.getAffineY();
        BigInteger slope;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            // Doubling: (3x² + a) / 2y.
            slope = x1.multiply(x1)
                    .multiply(BigInteger.valueOf(3))
                    .add(a)
                    .multiply(y1.shiftLeft(1).modInverse(p))
                    .mod(p);
        } else {
            slope = y2.subtract(y1)
                    .multiply(x2.subtract(x1).mod(p).modInverse(p))
                    .mod(p);
        }
        BigInteger x3 = slope.multiply(slope).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = slope.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
