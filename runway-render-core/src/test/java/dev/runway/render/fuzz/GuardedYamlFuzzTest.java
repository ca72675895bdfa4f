package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GuardedYaml;
import org.junit.jupiter.api.Tag;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code fromYaml} and {@code fromJson} on hostile text (issue 15), seeded with alias-heavy and deeply nested
 * documents: Helm's functions never fail, they return a value or one holding Go's error, so these never throw, and
 * the guarded tree readers (snakeyaml-engine's loader) give a value or a snakeyaml-engine error. Runs on the
 * caller's ordinary stack: the readers' own deep-stack retry must be enough.
 */
@Tag("fuzz")
class GuardedYamlFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fromYamlAnswersOrExplains(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        assertNotNull(GoYaml.fromYaml(text));
        assertNotNull(GoYaml.fromYamlArray(text));
        try {
            for (Object ignored :
                    GuardedYaml.load(GuardedYaml.settings("fuzz.yaml").build()).loadAllFromString(text)) {
                assertNotNull(text);
            }
        } catch (YamlEngineException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fromJsonAnswersOrExplains(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        GoJson.fromJson(text);
        assertNotNull(GoJson.fromJsonArray(text));
    }
}
