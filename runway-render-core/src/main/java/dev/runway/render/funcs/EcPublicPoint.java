package dev.runway.render.funcs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;

/**
 * The public point {@code d·G} of an EC private key, as Go's x509.ParseECPrivateKey derives it with
 * curve.ScalarBaseMult: Go never reads the public point a SEC 1 key may carry, and the JDK has no call that computes
 * it, so Bouncy Castle's curve arithmetic (already here for bcrypt and scrypt) does.
 */
final class EcPublicPoint {
    private EcPublicPoint() {}

    /** {@code d·G} on {@code spec}'s curve; {@code d} must lie in [1, n), as Go requires (it refuses d ≥ n). */
    static ECPoint of(BigInteger d, ECParameterSpec spec) throws GeneralSecurityException {
        if (d.signum() <= 0 || d.compareTo(spec.getOrder()) >= 0) {
            throw new GeneralSecurityException("invalid elliptic curve private key value");
        }
        return EC5Util.convertPoint(EC5Util.convertSpec(spec).getG().multiply(d).normalize());
    }
}
