package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.values.ChartSchemas;
import dev.runway.render.values.ValueOrigins;
import dev.runway.render.values.ValuesFileException;
import dev.runway.render.values.ValuesSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * values.schema.json on hostile input: any schema text is compiled or refused with {@link ValuesFileException};
 * checking random Go values with it gives a verdict (Helm's text exactly when there are problems) or that same
 * exception; no other exception, no stack overflow. Runs on the caller's ordinary stack, as the engine's first
 * attempt does (a deep-stack retry would turn a missed recursion into seconds and gigabytes).
 */
@Tag("fuzz")
class SchemaFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void schemaChecksOrExplains(FuzzedDataProvider data) {
        String schemaText = data.consumeString(4096);
        Object value = FuzzValues.goValue(data, 3);
        ValuesSchema schema;
        try {
            schema = ValuesSchema.parse(schemaText, "fuzz/values.schema.json");
        } catch (ValuesFileException expected) {
            assertNotNull(expected.getMessage());
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        } else {
            values.put("v", value);
        }
        try {
            ValuesSchema.Verdict verdict =
                    ValuesSchema.verdict(ChartSchemas.of("fuzz", schema), values, ValueOrigins.none());
            assertEquals(
                    verdict.helmListing() == null, verdict.problems().isEmpty(), () -> schemaText + "\n" + verdict);
        } catch (ValuesFileException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
