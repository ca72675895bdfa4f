package dev.runway.render.regexp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

class RememberedFindTest {

    @Test
    void answersAsAPlainFindBeforeAndAfterTheTableIsFull() {
        Pattern pattern = GoRegexp.compile("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");
        RememberedFind remembered = new RememberedFind(pattern);
        // three passes over 2,000 texts: the first fills the table past its limit, the others read it back
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < 2_000; i++) {
                String text = i % 3 == 0 ? "svc-" + i : i % 3 == 1 ? "Svc_" + i : "-" + i;
                assertEquals(pattern.matcher(text).find(), remembered.find(text), text);
            }
        }
    }

    @Test
    void longTextsAreMatchedEveryTime() {
        Pattern pattern = GoRegexp.compile("b$");
        RememberedFind remembered = new RememberedFind(pattern);
        String longMatch = "a".repeat(300) + "b";
        String longMiss = "a".repeat(300) + "c";
        for (int i = 0; i < 3; i++) {
            assertEquals(true, remembered.find(longMatch));
            assertEquals(false, remembered.find(longMiss));
        }
    }
}
