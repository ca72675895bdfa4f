package dev.runway.render.docs;

import dev.runway.render.yaml.GuardedYaml;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The few Chart.yaml fields a README shows ({@link dev.runway.render.chart.ChartMetadata} is the whole file, as Helm
 * reads it).
 */
public record ChartSummary(String name, String version, String appVersion, String description) {
    public ChartSummary {
        Objects.requireNonNull(name, "name");
        version = Objects.requireNonNullElse(version, "");
        appVersion = Objects.requireNonNullElse(appVersion, "");
        description = Objects.requireNonNullElse(description, "");
    }

    public static ChartSummary parse(String chartYaml, String sourceName) {
        Object loaded;
        try {
            loaded = GuardedYaml.load(GuardedYaml.settings(sourceName).build()).loadFromString(chartYaml);
        } catch (YamlEngineException e) {
            throw new DocsException(
                    sourceName + ": not valid YAML: " + e.getMessage().strip(), e);
        }
        if (!(loaded instanceof Map<?, ?> map) || map.get("name") == null) {
            throw new DocsException(sourceName + ": a chart needs a `name`");
        }
        return new ChartSummary(
                text(map.get("name")),
                text(map.get("version")),
                text(map.get("appVersion")),
                text(map.get("description")));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
