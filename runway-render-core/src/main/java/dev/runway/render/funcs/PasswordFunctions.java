package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Sprig's password functions (crypto.go): {@code bcrypt} and {@code htpasswd} (golang.org/x/crypto/bcrypt at its
 * DefaultCost 10, version {@code 2a}) and {@code derivePassword} (the Master Password algorithm: scrypt N=32768, r=8,
 * p=2 over the user name, HMAC-SHA256 over the site, then a template of character classes). Bouncy Castle provides
 * bcrypt and scrypt. bcrypt salts at random, so its results can only be compared by shape and by verifying them;
 * derivePassword is deterministic.
 */
final class PasswordFunctions {
    /** bcrypt.DefaultCost. */
    private static final int BCRYPT_COST = 10;
    /** golang.org/x/crypto/bcrypt refuses longer passwords (ErrPasswordTooLong). */
    private static final int BCRYPT_MAX_BYTES = 72;

    private static final String SEED = "com.lyndir.masterpassword";
    private static final Map<String, List<String>> TEMPLATES = Map.of(
            "maximum", List.of("anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"),
            "long",
                    List.of(
                            "CvcvnoCvcvCvcv",
                            "CvcvCvcvnoCvcv",
                            "CvcvCvcvCvcvno",
                            "CvccnoCvcvCvcv",
                            "CvccCvcvnoCvcv",
                            "CvccCvcvCvcvno",
                            "CvcvnoCvccCvcv",
                            "CvcvCvccnoCvcv",
                            "CvcvCvccCvcvno",
                            "CvcvnoCvcvCvcc",
                            "CvcvCvcvnoCvcc",
                            "CvcvCvcvCvccno",
                            "CvccnoCvccCvcv",
                            "CvccCvccnoCvcv",
                            "CvccCvccCvcvno",
                            "CvcvnoCvccCvcc",
                            "CvcvCvccnoCvcc",
                            "CvcvCvccCvccno",
                            "CvccnoCvcvCvcc",
                            "CvccCvcvnoCvcc",
                            "CvccCvcvCvccno"),
            "medium", List.of("CvcnoCvc", "CvcCvcno"),
            "short", List.of("Cvcn"),
            "basic", List.of("aaanaaan", "aannaaan", "aaannaaa"),
            "pin", List.of("nnnn"));
    private static final Map<Character, String> CHARACTERS = Map.of(
            'V', "AEIOU",
            'C', "BCDFGHJKLMNPQRSTVWXYZ",
            'v', "aeiou",
            'c', "bcdfghjklmnpqrstvwxyz",
            'A', "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
            'a', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
            'n', "0123456789",
            'o', "@&%?,=[]_:-+*$#!'^~;()/.",
            'x', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()");

    private PasswordFunctions() {}

    /** This theme's function {@code name}, created for a function map's first lookup of the name, or null. */
    static TemplateFunction lookup(String name) {
        return switch (name) {
            case "bcrypt" ->
                (c, a) -> {
                    Args.count("bcrypt", a, 1);
                    return bcrypt(Args.string(a, 0));
                };
            case "htpasswd" ->
                (c, a) -> {
                    Args.count("htpasswd", a, 2);
                    String user = Args.string(a, 0);
                    String password = Args.string(a, 1);
                    if (user.contains(":")) {
                        return "invalid username: " + user;
                    }
                    return user + ":" + bcrypt(password);
                };
            case "derivePassword" ->
                (c, a) -> {
                    Args.count("derivePassword", a, 5);
                    Object counter = a.get(0);
                    // A Go uint32 parameter: an integer constant (text/template converts it), nothing else.
                    if (!(counter instanceof Integer n) || n < 0) {
                        throw Args.wrongType("uint32", counter, 0);
                    }
                    return derivePassword(
                            n & 0xffffffffL,
                            Args.string(a, 1),
                            Args.string(a, 2),
                            Args.string(a, 3),
                            Args.string(a, 4));
                };
            default -> null;
        };
    }

    /** bcrypt.GenerateFromPassword(input, DefaultCost), or Sprig's message when it fails. */
    static String bcrypt(String input) {
        byte[] password = GoStrings.utf8(input);
        if (password.length > BCRYPT_MAX_BYTES) {
            return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
        }
        byte[] salt = new byte[16];
        SharedRandom.get().nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password, salt, BCRYPT_COST);
    }

    static String derivePassword(long counter, String type, String password, String user, String site) {
        List<String> templates = TEMPLATES.get(type);
        if (templates == null) {
            return "cannot find password template " + type;
        }
        byte[] userBytes = GoStrings.utf8(user);
        ByteArrayOutputStream salt = new ByteArrayOutputStream();
        salt.writeBytes(SEED.getBytes(StandardCharsets.UTF_8));
        writeUint32(salt, userBytes.length);
        salt.writeBytes(userBytes);
        byte[] key = SCrypt.generate(GoStrings.utf8(password), salt.toByteArray(), 32768, 8, 2, 64);

        byte[] siteBytes = GoStrings.utf8(site);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(SEED.getBytes(StandardCharsets.UTF_8));
        writeUint32(message, siteBytes.length);
        message.writeBytes(siteBytes);
        writeUint32(message, counter);
        byte[] seed;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            seed = mac.doFinal(message.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        String template = templates.get((seed[0] & 0xff) % templates.size());
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < template.length(); i++) {
            String chars = CHARACTERS.get(template.charAt(i));
            out.append(chars.charAt((seed[i + 1] & 0xff) % chars.length()));
        }
        return out.toString();
    }

    private static void writeUint32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24) & 0xff);
        out.write((int) (v >>> 16) & 0xff);
        out.write((int) (v >>> 8) & 0xff);
        out.write((int) v & 0xff);
    }
}
