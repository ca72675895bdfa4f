package dev.runway.render.funcs;

import java.security.SecureRandom;

/**
 * The one {@link SecureRandom} the functions draw from (randAlphaNum, uuidv4, shuffle, encryptAES's IV, bcrypt's salt,
 * certificate serials and RSA keys). SecureRandom is safe to share between threads, and creating one loads and seeds
 * the security providers: a per-call instance paid that on every call, and a per-class constant paid it in every JVM
 * that rendered any function of the class. The holder class creates it on the first draw instead.
 */
final class SharedRandom {
    private SharedRandom() {}

    static SecureRandom get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
}
