package dev.runway.render.yaml;

import dev.runway.render.ScratchDirectories;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a throw-away chart with real Helm (helm-java) whose single template prints, for every top-level values key,
 * one line {@code <probe>.<key>: <base64 of the expression's output>}. One Helm run answers many cases at once.
 */
final class OracleProbe {

    private OracleProbe() {}

    /** Result per "probe.key", or the Helm error when the whole render failed. */
    record Outcome(Map<String, String> outputs, String error) {}

    /**
     * @param probes probe name -> template expression over {@code $v} (the value), e.g. {@code toYaml $v}
     */
    static Outcome run(String valuesYaml, Map<String, String> probes) throws IOException {
        Path dir = ScratchDirectories.create("oracle-probe");
        Path chart = dir.resolve("probe");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n");
        StringBuilder t = new StringBuilder("# probes\n");
        for (Map.Entry<String, String> p : probes.entrySet()) {
            t.append("{{- range $k, $v := .Values }}\n")
                    .append("#P ")
                    .append(p.getKey())
                    .append(".{{ $k }}: {{ ")
                    .append(p.getValue())
                    .append(" | b64enc }}\n{{- end }}\n");
        }
        Files.writeString(chart.resolve("templates/probe.yaml"), t.toString());
        Path values = dir.resolve("values-in.yaml");
        Files.writeString(values, valuesYaml, StandardCharsets.UTF_8);
        HelmOracle.Result r = HelmOracle.template(HelmOracle.Request.of(chart, "rel", "default", values));
        if (r.failed()) {
            return new Outcome(Map.of(), r.error());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.output().split("\n", -1)) {
            if (!line.startsWith("#P ") || !line.contains(": ")) {
                continue;
            }
            int colon = line.indexOf(": ");
            String key = line.substring(3, colon);
            String b64 = line.substring(colon + 2).trim();
            out.put(key, new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
        }
        return new Outcome(out, null);
    }
}
