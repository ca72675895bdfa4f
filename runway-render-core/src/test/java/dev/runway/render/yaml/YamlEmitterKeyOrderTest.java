package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * YamlEmitter.keyLess reads runes from the strings in place; this checks it against keyList.Less written over
 * code point arrays (the form it had before, a line-for-line port of go-yaml's sorter.go), on keys made of
 * letters, ASCII and non-ASCII digits, supplementary characters and unpaired surrogates.
 */
class YamlEmitterKeyOrderTest {

    @Test
    void naturalOrderOfLettersAndNumbers() {
        assertTrue(YamlEmitter.keyLess("a2", "a10"));
        assertFalse(YamlEmitter.keyLess("a10", "a2"));
        assertTrue(YamlEmitter.keyLess("v1a", "v01")); // equal numbers: the shorter run first
        assertTrue(YamlEmitter.keyLess("abc", "abcd"));
        assertFalse(YamlEmitter.keyLess("abc", "abc"));
        assertTrue(YamlEmitter.keyLess("1", "a"));
        assertEquals(
                List.of("item9b", "item10a", "k8s", "v9", "v10"),
                YamlEmitter.sortByKey(List.of("v10", "item10a", "v9", "k8s", "item9b"), k -> k));
    }

    @Test
    void agreesWithTheCodePointArrayForm() {
        String[] alphabet = {
            "a",
            "B",
            "z",
            "0",
            "1",
            "9",
            "00",
            " ",
            "-",
            ".",
            "é",
            "\u0663",
            "\uD835\uDFD8",
            "\uD835\uDC00",
            "\uD800",
            "\uDC00",
            "\uD83D\uDE00"
        };
        Random random = new Random(19);
        int checked = 0;
        for (int n = 0; n < 200_000; n++) {
            String a = randomKey(random, alphabet);
            String other = random.nextInt(4) == 0 ? a + randomKey(random, alphabet) : randomKey(random, alphabet);
            // Often a shared prefix, so that the first difference comes later in the key.
            String b =
                    random.nextBoolean() && !a.isEmpty() ? a.substring(0, random.nextInt(a.length())) + other : other;
            assertEquals(reference(a, b), YamlEmitter.keyLess(a, b), () -> show(a) + " < " + show(b));
            checked++;
        }
        assertEquals(200_000, checked);
    }

    private static String randomKey(Random random, String[] alphabet) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    private static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return sb.append('"').toString();
    }

    /** sorter.go keyList.Less for two strings, over their runes as arrays. */
    private static boolean reference(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return bl;
            }
            int ai;
            int bi;
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            for (ai = i; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            for (bi = i; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
