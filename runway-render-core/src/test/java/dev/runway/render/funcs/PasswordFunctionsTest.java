package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

/**
 * bcrypt salts at random, so conformance cases compare shapes only; here the hashes are checked both ways: a hash
 * Helm's htpasswd printed (Go's golang.org/x/crypto/bcrypt) verifies with the password, and ours verify too.
 */
class PasswordFunctionsTest {
    /** What `helm template` (Helm 4.1.4) printed for {{ htpasswd "user" "pw" }}. */
    private static final String GO_HTPASSWD = "user:$2a$10$.pmPVIG2b3OXhWjYFjK1T.sb962Fkeqa5.n/w9.RTCu9Wh8gJTEHG";

    @Test
    void aHashGoMadeVerifiesWithThePassword() {
        String hash = GO_HTPASSWD.substring("user:".length());
        assertTrue(OpenBSDBCrypt.checkPassword(hash, "pw".getBytes(StandardCharsets.UTF_8)));
        assertFalse(OpenBSDBCrypt.checkPassword(hash, "pW".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ourHashesHaveGosFormAndVerify() {
        for (String password : new String[] {"", "pw", "pässwörd", "a".repeat(72)}) {
            String hash = PasswordFunctions.bcrypt(password);
            assertTrue(hash.matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}"), hash);
            assertTrue(OpenBSDBCrypt.checkPassword(hash, password.getBytes(StandardCharsets.UTF_8)), password);
            // bcrypt reads at most 72 bytes: a longer password only differs below that.
            String other = password.length() < 72 ? password + "x" : "b" + password.substring(1);
            assertFalse(OpenBSDBCrypt.checkPassword(hash, other.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void passwordsOverSeventyTwoBytesGiveSprigsMessage() {
        assertEquals(
                "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes",
                PasswordFunctions.bcrypt("ä".repeat(37)));
    }

    @Test
    void derivePasswordMatchesWhatHelmPrinted() {
        // helm template (Helm 4.1.4): {{ derivePassword 1 "long" "password" "user" "example.com" }}
        assertEquals("ZedaFaxcZaso9*", PasswordFunctions.derivePassword(1, "long", "password", "user", "example.com"));
    }
}
