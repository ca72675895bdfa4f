package dev.runway.render.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** path.Match works on runes: a character outside the BMP (two Java chars) is one '?' and one class member. */
class GoPathCodePointsTest {

    @Test
    void aCharacterOutsideTheBmpIsOneRune() {
        assertEquals(true, GoPath.MATCH.match("?.yaml", "\uD83D\uDE00.yaml"));
        assertEquals(false, GoPath.MATCH.match("??.yaml", "\uD83D\uDE00.yaml"));
        assertEquals(true, GoPath.MATCH.match("[\uD83D\uDE00-\uD83D\uDE4F]x", "\uD83D\uDE03x"));
        assertEquals(true, GoPath.MATCH.match("a*\uD83D\uDE00", "abc\uD83D\uDE00"));
        assertEquals(false, GoPath.MATCH.match("*", "a/b"));
        assertEquals(true, GoPath.MATCH.match("", ""));
        assertNull(GoPath.MATCH.match("[", "x"));
    }
}
