package dev.runway.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lines and columns of offsets, as error messages print them (1-based; columns in code points). */
class TextPositionsTest {

    @Test
    void linesColumnsAndOffsets() {
        TextPositions p = new TextPositions("a: 1\n\nb: \uD83D\uDE00x\n");
        assertEquals(1, p.line(0));
        assertEquals(1, p.line(4));
        assertEquals(2, p.line(5));
        assertEquals(3, p.line(6));
        assertEquals(3, p.line(12));
        assertEquals(4, p.line(13));
        assertEquals(4, p.column(9));
        assertEquals(5, p.column(11), "the emoji is one column");
        assertEquals(9, p.offset(2, 3));
        assertEquals(13, p.offset(3, 0));
        assertEquals(13, p.offset(9, 0));
        assertEquals("b: \uD83D\uDE00x", p.lineText(3));
        assertEquals("", p.lineText(2));
        assertEquals("", p.lineText(4));
    }

    @Test
    void aTextWithoutNewlinesIsOneLine() {
        TextPositions p = new TextPositions("abc");
        assertEquals(1, p.line(2));
        assertEquals(3, p.column(2));
        assertEquals("abc", p.lineText(1));
        assertEquals(1, new TextPositions("").line(0));
    }
}
