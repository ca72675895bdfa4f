package dev.runway.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.values.MergedValues;
import dev.runway.render.values.UserValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveValuesTest {

    private static final String CHART_VALUES = """
            # -- The service id.
            serviceId: ""
            image:
              # -- Image repository.
              repository: ""
              # -- Image tag.
              tag: ""
            # -- Container resources.
            resources:
              requests:
                cpu: 100m
              limits:
                memory: 256Mi
            # -- Pods.
            replicas: 2
            """;

    @Test
    void eachValueWithWhatIsInEffectAndWhereItWasSet() {
        MergedValues merged = UserValues.builder()
                .valuesYaml(".runway/values.yaml", "serviceId: orders\nresources:\n  requests:\n    cpu: 1\n")
                .setString("image.tag=1.4.2")
                .build()
                .merge();
        List<EffectiveValues.Row> rows = EffectiveValues.rows(CHART_VALUES, null, merged.values(), merged.origins());
        assertEquals(
                List.of(
                        new EffectiveValues.Row(
                                "serviceId", "\"orders\"", ".runway/values.yaml:1:12", "The service id."),
                        new EffectiveValues.Row(
                                "image.repository", "\"\"", EffectiveValues.CHART_DEFAULT, "Image repository."),
                        new EffectiveValues.Row("image.tag", "\"1.4.2\"", "--set-string image.tag=1.4.2", "Image tag."),
                        new EffectiveValues.Row(
                                "resources",
                                "{\"requests\":{\"cpu\":1},\"limits\":{\"memory\":\"256Mi\"}}",
                                ".runway/values.yaml:3:3",
                                "Container resources."),
                        new EffectiveValues.Row("replicas", "2", EffectiveValues.CHART_DEFAULT, "Pods.")),
                rows,
                "a map set in part shows whole, numbers as Helm prints them");
        String page = EffectiveValues.markdown("Values of orders (staging)", rows);
        assertTrue(page.startsWith("# Values of orders (staging)\n"), page);
        assertTrue(page.contains("| `image.tag` | `\"1.4.2\"` | --set-string image.tag=1.4.2 | Image tag. |\n"), page);
    }
}
