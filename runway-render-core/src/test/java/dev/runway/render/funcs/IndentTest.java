package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** sprig's indent and nindent pad every line, also past the run of spaces the pad appends at once. */
class IndentTest {

    @Test
    void padsEveryLineWithAnyWidth() throws Exception {
        for (int spaces : new int[] {0, 1, 4, 63, 64, 65, 130}) {
            String pad = " ".repeat(spaces);
            assertEquals(pad + "a\n" + pad + "b", StringFunctions.indent(spaces, "a\nb", false));
            assertEquals("\n" + pad + "a\n" + pad, StringFunctions.indent(spaces, "a\n", true));
        }
    }
}
