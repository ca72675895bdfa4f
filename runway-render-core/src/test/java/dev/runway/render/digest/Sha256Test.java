package dev.runway.render.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fipsExamples() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex("abc"));
        assertEquals(
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    /** Every length up to three blocks and then some, which crosses each padding case (55, 56, 63, 64 bytes). */
    @Test
    void sameAsMessageDigest() throws Exception {
        MessageDigest reference = MessageDigest.getInstance("SHA-256");
        Random random = new Random(19);
        for (int length = 0; length <= 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertArrayEquals(reference.digest(message), Sha256.digest(message), "length " + length);
        }
        byte[] large = new byte[100_003];
        random.nextBytes(large);
        assertArrayEquals(reference.digest(large), Sha256.digest(large), "100,003 bytes");
    }

    /** The same digest whatever the pieces an input is fed in, as the fingerprint feeds a file 8 KB at a time. */
    @Test
    void piecesOfEverySize() throws Exception {
        Random random = new Random(7);
        byte[] message = new byte[1_000];
        random.nextBytes(message);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(message);
        for (int piece = 1; piece <= 130; piece++) {
            Sha256 sha = new Sha256();
            for (int at = 0; at < message.length; at += piece) {
                sha.update(message, at, Math.min(piece, message.length - at));
            }
            assertArrayEquals(expected, sha.digest(), "pieces of " + piece);
        }
        Sha256 empty = new Sha256();
        empty.update(message, 10, 0);
        assertEquals(hex(""), empty.digestHex());
        assertEquals(hex("abc"), Sha256.hex("abc"));
    }
}
