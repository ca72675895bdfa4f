package dev.runway.render.docs;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.Map;
import java.util.Objects;

/** The few Chart.yaml fields a README shows. */
public record ChartMetadata(String name, String version, String appVersion, String description) {
    public ChartMetadata {
        Objects.requireNonNull(name, "name");
        version = Objects.requireNonNullElse(version, "");
        appVersion = Objects.requireNonNullElse(appVersion, "");
        description = Objects.requireNonNullElse(description, "");
    }

    public static ChartMetadata parse(String chartYaml, String sourceName) {
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setLabel(sourceName).build()).loadFromString(chartYaml);
        } catch (YamlEngineException e) {
            throw new DocsException(sourceName + ": not valid YAML: " + e.getMessage().strip(), e);
        }
        if (!(loaded instanceof Map<?, ?> map) || map.get("name") == null) {
            throw new DocsException(sourceName + ": a chart needs a `name`");
        }
        return new ChartMetadata(text(map.get("name")), text(map.get("version")), text(map.get("appVersion")),
                text(map.get("description")));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
