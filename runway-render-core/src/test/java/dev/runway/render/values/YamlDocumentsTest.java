package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Helm 4 reads every YAML document of a values file (Kubernetes' YAML reader) and merges them. */
class YamlDocumentsTest {

    @Test
    void separatorLinesEndDocumentsAndEmptyDocumentsAreSkipped() {
        List<YamlDocuments.Part> parts = YamlDocuments.split("---\na: 1\n--- # two\n\n---\nb: 2\nc: |\n  ---x\n");
        assertEquals(
                List.of(
                        new YamlDocuments.Part("a: 1\n", 2),
                        new YamlDocuments.Part("\n", 4),
                        new YamlDocuments.Part("b: 2\nc: |\n  ---x\n", 6)),
                parts);
    }

    @Test
    void aSeparatorFollowedByContentIsTheReadersError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> YamlDocuments.split("a: 1\n--- b: 2\n"));
        assertEquals("invalid Yaml document separator: b: 2", e.getMessage());
    }

    @Test
    void helm4MergesTheDocumentsOfAValuesFileAndHelm3ReadsTheFirst() {
        String yaml = "a: 1\nm:\n  x: 1\n---\nm:\n  z: 2\nb: [1]\n";
        Map<String, Object> helm4 = UserValues.builder()
                .valuesYaml("prod.yaml", yaml)
                .build()
                .merge()
                .values();
        assertEquals(Map.of("a", 1.0, "b", List.of(1.0), "m", Map.of("x", 1.0, "z", 2.0)), helm4);
        Map<String, Object> helm3 = UserValues.builder()
                .helmVersion(HelmVersion.HELM_3_21)
                .valuesYaml("prod.yaml", yaml)
                .build()
                .merge()
                .values();
        assertEquals(Map.of("a", 1.0, "m", Map.of("x", 1.0)), helm3);
    }

    @Test
    void positionsAndErrorsOfLaterDocumentsCountLinesFromTheTopOfTheFile() {
        List<ValuesDocument> docs = ValuesFiles.standard().readDocuments("a: 1\n---\nb:\n  c: 2\n", "v.yaml");
        assertEquals(
                4, docs.get(1).positionOf(ValuesPath.of("b", "c")).orElseThrow().line());
        ValuesFileException e = assertThrows(
                ValuesFileException.class, () -> ValuesFiles.standard().readDocuments("a: 1\n---\nb: [\n", "v.yaml"));
        assertTrue(e.position().orElseThrow().line() >= 3, e.getMessage());
    }

    @Test
    void helm4TakesAWholeJsonObjectInSetJsonAndHelm3DoesNot() {
        Map<String, Object> helm4 = UserValues.builder()
                .valuesYaml("v.yaml", "m:\n  x: 1\n")
                .setJson("{\"m\": {\"y\": 2}, \"n\": [1]}")
                .build()
                .merge()
                .values();
        assertEquals(Map.of("m", Map.of("x", 1.0, "y", 2.0), "n", List.of(1.0)), helm4);
        SetValueException bad = assertThrows(
                SetValueException.class,
                () -> UserValues.builder().setJson("{\"m\": ").build().merge());
        assertEquals("failed parsing --set-json data JSON: {\"m\": ", bad.getMessage());
        assertThrows(
                SetValueException.class,
                () -> UserValues.builder()
                        .helmVersion(HelmVersion.HELM_3_21)
                        .setJson("{\"m\": {\"y\": 2}}")
                        .build()
                        .merge());
    }
}
