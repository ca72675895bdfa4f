package dev.runway.render.gofmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what Go's fmt prints for the same operands (documented fmt behaviour). */
class GoFmtTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1000000.0|1e+06",
                "3.5|3.5",
                "0.00001|1e-05",
                "0.0001|0.0001",
                "100000.0|100000",
                "123456.0|123456",
                "1234567.0|1.234567e+06",
                "1.0|1",
                "0.0|0",
                "-0.0|-0",
                "0.30000000000000004|0.30000000000000004",
                "123456789.0|1.23456789e+08",
                "2.5e-5|2.5e-05",
                "1e21|1e+21",
                "1e100|1e+100",
                "5e-324|5e-324",
                "1.7976931348623157e308|1.7976931348623157e+308",
                "-1.5|-1.5",
            })
    void floatsPrintAsGoPercentV(double value, String expected) {
        assertEquals(expected, GoFmt.formatValue(value));
    }

    @Test
    void specialFloats() {
        assertEquals("+Inf", GoFmt.formatValue(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", GoFmt.formatValue(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", GoFmt.formatValue(Double.NaN));
    }

    @Test
    void sprintSpacesOnlyBetweenNonStrings() {
        assertEquals("a1 2b", GoFmt.sprint("a", 1, 2, "b"));
        assertEquals("1 2", GoFmt.sprint(1L, 2L));
        assertEquals("ab", GoFmt.sprint("a", "b"));
        assertEquals("<nil> <nil>", GoFmt.sprint(null, null));
        assertEquals("true 1.5", GoFmt.sprint(true, 1.5));
        assertEquals("a b 1\n", GoFmt.sprintln("a", "b", 1));
    }

    @Test
    void compositeValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 2.0);
        m.put("a", "x");
        m.put("c", null);
        assertEquals("map[a:x b:2 c:<nil>]", GoFmt.formatValue(m));
        assertEquals("[a 1 1e+06 [true]]", GoFmt.formatValue(List.of("a", 1L, 1e6, List.of(true))));
        assertEquals("map[]", GoFmt.formatValue(Map.of()));
        assertEquals("[]", GoFmt.formatValue(List.of()));
        assertEquals("<nil>", GoFmt.formatValue(null));
        assertEquals("[104 105]", GoFmt.formatValue("hi".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hi", GoFmt.sprintf("%s", (Object) "hi".getBytes(StandardCharsets.UTF_8)));
        assertEquals("[%!s(int=1) a]", GoFmt.sprintf("%s", Arrays.asList(1, "a")));
        assertEquals("[1 2]", GoFmt.sprintf("%d", List.of(1L, 2L)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '^',
            value = {
                "%5.2f|3.14159|^ 3.14^",
                "%08.3f|-3.14159|-003.142",
                "%e|1234.5678|1.234568e+03",
                "%E|1234.5678|1.234568E+03",
                "%g|1234.5678|1234.5678",
                "%g|1000000.0|1e+06",
                "%.3g|1234.0|1.23e+03",
                "%.3g|0.0001234|0.000123",
                "%f|1.0|1.000000",
                "%.0f|2.5|2",
                "%.0f|3.5|4",
                "%.2f|2.675|2.67",
                "%6.2f|1e10|10000000000.00",
                "%+.1f|2.0|+2.0",
                "%v|1e6|1e+06",
                "%d|1.5|%!d(float64=1.5)",
                "%s|1.5|%!s(float64=1.5)",
                "%10.3e|123456.0|^ 1.235e+05^",
                "%-8.2f|1.5|^1.50    ^",
            })
    void floatVerbs(String format, double value, String expected) {
        assertEquals(expected, GoFmt.sprintf(format, value));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '^',
            value = {
                "%d|42|42",
                "%03d|7|007",
                "%+d|5|+5",
                "%x|255|ff",
                "%X|255|FF",
                "%#x|255|0xff",
                "%o|8|10",
                "%b|5|101",
                "%c|65|A",
                "%U|128512|U+1F600",
                "%q|65|'A'",
                "%5d|42|^   42^",
                "%-5d|42|^42   ^",
                "%x|-255|-ff",
                "%s|3|%!s(int64=3)",
                "%t|1|%!t(int64=1)",
                "%z|1|%!z(int64=1)",
                "%v|-7|-7",
                "%05d|-42|-0042",
                "%.3d|7|007",
            })
    void integerVerbs(String format, long value, String expected) {
        assertEquals(expected, GoFmt.sprintf(format, value));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '^',
            value = {
                "%s|ab|ab",
                "%5s|ab|^   ab^",
                "%-10s|ab|^ab        ^",
                "%.1s|abc|a",
                "%x|hi|6869",
                "%X|hi|6869",
                "%q|ab|^\"ab\"^",
                "%d|x|%!d(string=x)",
                "%t|x|%!t(string=x)",
                "%05s|ab|000ab",
                "%v|héllo|héllo",
                "%3s|é|^  é^",
            })
    void stringVerbs(String format, String value, String expected) {
        assertEquals(expected, GoFmt.sprintf(format, value));
    }

    @Test
    void errorsAndSpecials() {
        assertEquals("%!d(MISSING)", GoFmt.sprintf("%d"));
        assertEquals("1%!(EXTRA int=2)", GoFmt.sprintf("%d", 1, 2));
        assertEquals("%!(EXTRA string=a, int64=1)", GoFmt.sprintf("", "a", 1L));
        assertEquals("%!(NOVERB)", GoFmt.sprintf("%"));
        assertEquals("100%", GoFmt.sprintf("100%%"));
        assertEquals("%!s(<nil>)", GoFmt.sprintf("%s", (Object) null));
        assertEquals("<nil>", GoFmt.sprintf("%v", (Object) null));
        assertEquals("\"hi\\n\"", GoFmt.sprintf("%q", "hi\n"));
        assertEquals("true", GoFmt.sprintf("%t", true));
        assertEquals("%!d(bool=true)", GoFmt.sprintf("%d", true));
        assertEquals("float64 string int <nil>", GoFmt.sprintf("%T %T %T %T", 1.5, "a", 1, null));
        assertEquals("b a", GoFmt.sprintf("%[2]s %[1]s", "a", "b"));
        assertEquals("   ab", GoFmt.sprintf("%*s", 5, "ab"));
        assertEquals("a=1 b=x", GoFmt.sprintf("a=%v b=%v", 1.0, "x"));
        assertEquals("map[a:1]", GoFmt.sprintf("%v", Map.of("a", 1L)));
        assertEquals("+Inf", GoFmt.sprintf("%f", Double.POSITIVE_INFINITY));
        assertEquals("NaN", GoFmt.sprintf("%v", Double.NaN));
    }
}
