package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flags the oracle cannot reach (helm-java has no --set-string/--set-json/--set-literal). */
class StrvalsTest {

    private static Map<String, Object> parse(
            java.util.function.BiConsumer<String, Map<String, Object>> parser, String line) {
        Map<String, Object> out = new LinkedHashMap<>();
        parser.accept(line, out);
        return out;
    }

    @Test
    void setStringKeepsStrings() {
        assertEquals(
                Map.of("a", "1", "b", "true", "c", "null", "l", List.of("1", "x")),
                parse(Strvals::parseIntoString, "a=1,b=true,c=null,l={1,x}"));
    }

    @Test
    void setJsonParsesValuesAndContinuesAfterThem() {
        Map<String, Object> v = parse(Strvals::parseJson, "a=[1,{\"b\":\"c,d\"}], e = 2 ,f=\"x\",l[1]={\"k\":false}");
        assertEquals(List.of(1.0, Map.of("b", "c,d")), v.get("a"));
        assertEquals(2.0, v.get(" e "), "Helm keeps the blanks around a key");
        assertEquals("x", v.get("f"));
        assertEquals(Arrays.asList(null, Map.of("k", false)), v.get("l"));
    }

    @Test
    void setJsonEmptyIsNullAndEscapesDecode() {
        Map<String, Object> v = parse(Strvals::parseJson, "a=,b=\"\\u00e9\\n\"");
        assertEquals(Arrays.asList("a", "b"), List.copyOf(v.keySet()));
        assertEquals(null, v.get("a"));
        assertEquals("é\n", v.get("b"));
    }

    @Test
    void setJsonRejectsBadJson() {
        assertThrows(SetValueException.class, () -> parse(Strvals::parseJson, "a={\"x\":}"));
        assertThrows(SetValueException.class, () -> parse(Strvals::parseJson, "a=tru"));
        assertThrows(SetValueException.class, () -> parse(Strvals::parseJson, "a=1."));
    }

    @Test
    void setJsonNumberFollowedByTextStartsANewKey() {
        // Go's decoder stops after a complete value; strvals carries on with the rest as the next key.
        assertEquals(Map.of("a", 1.0, "b", 2.0), parse(Strvals::parseJson, "a=1b=2"));
    }

    @Test
    void literalTakesTheRestAsIs() {
        assertEquals(Map.of("a", Map.of("b", "x,y={z}\\.w")), parse(Strvals::parseLiteralInto, "a.b=x,y={z}\\.w"));
        assertEquals(Map.of("l", Arrays.asList(null, "v,w")), parse(Strvals::parseLiteralInto, "l[1]=v,w"));
    }

    @Test
    void typedValues() {
        assertEquals(true, Strvals.typedValue("TrUe"));
        assertEquals(12L, Strvals.typedValue("12"));
        assertEquals("012", Strvals.typedValue("012"));
        assertEquals("\u0661\u0662", Strvals.typedValue("\u0661\u0662"), "only ASCII digits make a number");
        assertEquals("1.0", Strvals.typedValue("1.0"));
    }

    @Test
    void fileReaderGetsUnescapedPath() {
        Map<String, Object> v = new LinkedHashMap<>();
        Strvals.parseIntoFile("a=dir\\,x/f.txt,l={p,q}", v, path -> "<" + path + ">");
        assertEquals(Map.of("a", "<dir,x/f.txt>", "l", List.of("<p>", "<q>")), v);
    }

    /**
     * A hang guard, not a speed target: each key's JSON value is read from one copy of the line. When each value
     * copied the whole line, 200,000 keys (a 1.9 MB line) took 94 s; read linearly they take about 2 s.
     */
    @Test
    void setJsonLineOfManyKeysIsReadInLinearTime() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            line.append(i == 0 ? "" : ",")
                    .append('k')
                    .append(i)
                    .append("=[")
                    .append(i)
                    .append(']');
        }
        Map<String, Object> v =
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parse(Strvals::parseJson, line.toString()));
        assertEquals(200_000, v.size());
        assertEquals(List.of(199_999.0), v.get("k199999"));
    }
}
