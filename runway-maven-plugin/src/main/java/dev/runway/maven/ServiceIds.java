package dev.runway.maven;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The service id a render will use, found the way Helm would see it: the last {@code --set}/{@code --set-string}
 * entry for {@code serviceId}, else the last values file with a top-level {@code serviceId}. It names the release
 * and its namespace by default, as the chart requires.
 */
final class ServiceIds {

    private ServiceIds() {
    }

    static String find(List<Path> valuesFiles, List<String> setEntries) {
        String found = "";
        for (Path file : valuesFiles) {
            String fromFile = fromValuesFile(file);
            if (!fromFile.isEmpty()) {
                found = fromFile;
            }
        }
        for (String entry : setEntries) {
            for (String assignment : entry.split(",")) {
                int eq = assignment.indexOf('=');
                if (eq > 0 && assignment.substring(0, eq).strip().equals("serviceId")) {
                    found = assignment.substring(eq + 1).strip();
                }
            }
        }
        return found;
    }

    private static String fromValuesFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            Object values = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            if (values instanceof Map<?, ?> map && map.get("serviceId") instanceof String id) {
                return id;
            }
            return "";
        } catch (IOException | YamlEngineException e) {
            return ""; // the renderer reads the file again and reports the problem with its position
        }
    }
}
