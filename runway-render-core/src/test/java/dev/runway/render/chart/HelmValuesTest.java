package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Helm's Values is a named map type: a map[string]interface{} parameter gets the plain map underneath, and
 * copystructure's deepCopy keeps the name (conformance cases funcs-types/values-type-names and funcs-errors/dig-*
 * check the rendered results against Helm).
 */
class HelmValuesTest {

    @Test
    void deepCopyKeepsTheNamedTypeOverCopiedEntries() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("b", 1L));
        Map<String, Object> map = new LinkedHashMap<>(Map.of("a", inner));
        HelmValues values = new HelmValues(map, "common");

        Object copy = GoValues.deepCopy(values);

        HelmValues copied = assertInstanceOf(HelmValues.class, copy);
        assertEquals("common.Values", GoFmt.typeName(copied));
        assertEquals(map, copied.underlying());
        assertNotSame(map, copied.underlying());
        assertNotSame(inner, copied.underlying().get("a"));
        // A nested map was never a Values: its copy stays a plain map.
        assertEquals("map[string]interface {}", GoFmt.typeName(copied.get("a")));
    }

    @Test
    void theUnderlyingMapIsTheSameObjectSoChangesReachEveryReader() {
        Map<String, Object> map = new LinkedHashMap<>();
        HelmValues values = new HelmValues(map, "chartutil");

        values.underlying().put("k", List.of());

        assertSame(map, values.underlying());
        assertEquals(List.of(), values.get("k"));
    }
}
