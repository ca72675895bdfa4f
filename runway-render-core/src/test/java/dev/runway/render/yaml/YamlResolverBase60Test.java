package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** YamlResolver reads go-yaml's base 60 float expression by hand; it must agree with the expression on every text. */
class YamlResolverBase60Test {
    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

    @Test
    void isWhatTheExpressionMatches() {
        for (String s : List.of("1:20", "-1:20.5", "+1_0:5:59", "1:60", "1:555", "1:65", "1:", "1:2.", "1:2\n", ":1")) {
            assertEquals(BASE60_FLOAT.matcher(s).matches(), YamlResolver.isBase60Float(s), s);
        }
        Random random = new Random(13);
        String[] parts = {"0", "1", "5", "6", "9", ":", "_", ".", "-", "+", "x", "\n"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(9); j > 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            String s = b.toString();
            assertEquals(BASE60_FLOAT.matcher(s).matches(), YamlResolver.isBase60Float(s), s);
        }
    }

    @Test
    void longTextsNeedNoStack() {
        // Java's expression recursed once per ":1" and overflowed the stack at 5,000 of them.
        assertTrue(YamlResolver.isBase60Float("1" + ":1".repeat(1_000_000)));
        assertFalse(YamlResolver.isBase60Float("1" + ":1".repeat(1_000_000) + "x"));
        assertTrue(YamlResolver.needsQuoting("1" + ":59".repeat(100_000)));
    }
}
