package dev.runway.render.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedMemoTest {
    @Test
    void keepsAnswersUpToItsCapacityAndDropsTheRest() {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(3);
        for (int i = 0; i < 10; i++) {
            assertEquals(i >= 3, memo.full(), "full after " + i + " answers");
            memo.keep("k" + i, i);
        }
        assertEquals(3, memo.size());
        assertEquals(0, memo.get("k0"));
        assertEquals(2, memo.get("k2"));
        assertNull(memo.get("k3"), "an answer offered when full is not kept");
        assertNull(memo.get("k9"));
    }

    @Test
    void theFirstAnswerForAKeyStays() {
        BoundedMemo<String, String> memo = new BoundedMemo<>(4);
        memo.keep("a", "first");
        memo.keep("a", "second");
        assertEquals("first", memo.get("a"));
        assertEquals(1, memo.size());
        assertFalse(memo.full());
    }

    @Test
    void aCapacityMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BoundedMemo<>(0));
        assertTrue(e.getMessage().contains("positive"));
    }
}
