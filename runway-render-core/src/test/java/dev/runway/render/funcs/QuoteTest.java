package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sprig's quote and squote with one argument (their shortcut) give what the general form, fmt's %q and a join, gives. */
class QuoteTest {
    private static final FunctionContext CONTEXT = new FunctionContext() {};

    private static final Object[] VALUES = {
        "payments",
        "",
        "a\"b\\c",
        "tab\there\nline",
        "é ü ☃ 😀",
        "\u0000\u007f\u0080",
        "\ud800 lone",
        "\ufeff",
        8080L,
        1.5,
        true,
        List.of("a", 1L),
        null
    };

    @Test
    void quoteOfOneValueIsFmtQuoteOfItsString() throws Exception {
        TemplateFunction quote = StringFunctions.lookup("quote");
        for (Object v : VALUES) {
            String expected = v == null ? "" : GoFmt.sprintf("%q", GoValues.strval(v));
            assertEquals(expected, quote.call(CONTEXT, new ArrayList<>(Arrays.asList(v))), String.valueOf(v));
        }
    }

    @Test
    void squoteOfOneValueIsItsFormInSingleQuotes() throws Exception {
        TemplateFunction squote = StringFunctions.lookup("squote");
        for (Object v : VALUES) {
            String expected = v == null ? "" : "'" + GoFmt.formatValue(v) + "'";
            assertEquals(expected, squote.call(CONTEXT, new ArrayList<>(Arrays.asList(v))), String.valueOf(v));
        }
    }

    @Test
    void severalValuesAreQuotedOneByOneAndNilsSkipped() throws Exception {
        List<Object> args = new ArrayList<>(Arrays.asList("a b", null, 2L, "\"x\""));
        assertEquals(
                "\"a b\" \"2\" \"\\\"x\\\"\"", StringFunctions.lookup("quote").call(CONTEXT, args));
        assertEquals("'a b' '2' '\"x\"'", StringFunctions.lookup("squote").call(CONTEXT, args));
        assertEquals("", StringFunctions.lookup("quote").call(CONTEXT, new ArrayList<>()));
        assertEquals("", StringFunctions.lookup("squote").call(CONTEXT, new ArrayList<>(Arrays.asList((Object) null))));
    }
}
