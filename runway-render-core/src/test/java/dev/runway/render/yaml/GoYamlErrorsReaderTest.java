package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.runway.render.gofmt.GoBytes;
import org.junit.jupiter.api.Test;

/** {@link GoYamlErrors#readerProblem}: what go-yaml's reader refuses before scanning, wherever in the text it is. */
class GoYamlErrorsReaderTest {

    private static final String TEXT =
            "a: 1\n\tb: \"h\u00e9llo \u65e5\u672c \uD83D\uDE00\"\r\nc: \u0085x\n".repeat(100);

    /** A line start inside {@link #TEXT} (not between a surrogate pair's halves). */
    private static final int MIDDLE = TEXT.indexOf('\n', TEXT.length() / 2) + 1;

    @Test
    void printableTextHasNoProblem() {
        assertNull(GoYamlErrors.readerProblem(TEXT));
        assertNull(GoYamlErrors.readerProblem(""));
        assertNull(GoYamlErrors.readerProblem("\uFFFD\uE000\uD7FF"));
    }

    @Test
    void aControlCharacterAtTheStartMiddleOrEnd() {
        String control = "control characters are not allowed";
        assertEquals(control, GoYamlErrors.readerProblem("\u0001" + TEXT));
        assertEquals(
                control, GoYamlErrors.readerProblem(TEXT.substring(0, MIDDLE) + "\u007f" + TEXT.substring(MIDDLE)));
        assertEquals(control, GoYamlErrors.readerProblem(TEXT + "\u0090"));
        assertEquals(control, GoYamlErrors.readerProblem(TEXT + "\uFFFE"));
    }

    @Test
    void invalidUtf8AtTheStartMiddleOrEnd() {
        String leading = GoBytes.string(new byte[] {(byte) 0x80});
        String cut = GoBytes.string(new byte[] {(byte) 0xE2, (byte) 0x82});
        assertEquals("invalid leading UTF-8 octet", GoYamlErrors.readerProblem(leading + TEXT));
        assertEquals(
                "invalid leading UTF-8 octet",
                GoYamlErrors.readerProblem(TEXT.substring(0, MIDDLE) + leading + TEXT.substring(MIDDLE)));
        assertEquals("incomplete UTF-8 octet sequence", GoYamlErrors.readerProblem(TEXT + cut));
    }
}
