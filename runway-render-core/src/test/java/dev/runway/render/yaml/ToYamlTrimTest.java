package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** toYaml is Marshal's document with one trailing newline trimmed, which the emitter now cuts in its own buffer. */
class ToYamlTrimTest {

    @Test
    void toYamlIsMarshalWithoutOneTrailingNewline() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", List.of("x", "y\n"));
        nested.put("a", new LinkedHashMap<>(Map.of("k", "multi\nline\n")));
        List<Object> values = new ArrayList<>(Arrays.asList(
                null,
                "",
                "plain",
                "ends with newline\n",
                "two\n\n",
                1L,
                1.5,
                true,
                Map.of(),
                List.of(),
                nested,
                List.of(Map.of("k", "v"))));
        for (Object v : values) {
            String document = GoYaml.marshal(v);
            String expected = document.endsWith("\n") ? document.substring(0, document.length() - 1) : document;
            assertEquals(expected, GoYaml.toYaml(v), String.valueOf(v));
            assertEquals(expected, GoYaml.mustToYaml(v), String.valueOf(v));
        }
        assertEquals("a:\n  k: |\n    multi\n    line\nb:\n- x\n- |\n  y", GoYaml.toYaml(nested));
        assertEquals("null", GoYaml.toYaml(null));
        assertEquals("{}", GoYaml.toYaml(Map.of()));
    }
}
