package dev.runway.render.robust;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.yaml.GoYaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders runway-eks with every ci values file, plus a small chart of locale-sensitive functions, and writes all
 * output as UTF-8 bytes to the file named by the first argument. Run in a forked JVM with another locale,
 * charset, line separator and time zone, its bytes must equal an in-process render's.
 */
public final class DeterminismMain {
    static final List<String> CI_FILES = List.of(
            "default-values.yaml",
            "full-values.yaml",
            "oidc-values.yaml",
            "autoscaling-values.yaml",
            "profiling-values.yaml");

    /** Functions whose Java counterparts follow the default locale or charset unless told otherwise. */
    static final String LOCALE_TEMPLATE = "locale: |\n  "
            + String.join(
                    "\n  ",
                    "upper: {{ upper \"istanbul i\" }} {{ \"i\" | upper }}",
                    "lower: {{ lower \"ISTANBUL I\" }}",
                    "title: {{ title \"istanbul ırmak\" }} {{ untitle \"I\" }}",
                    "camel: {{ camelcase \"id_in\" }} {{ snakecase \"IdIn\" }} {{ kebabcase \"IdIn\" }} {{ swapcase \"iI\" }}",
                    "numbers: {{ 1.5 }} {{ 1000000.0 }} {{ printf \"%.3f %e %g %v %d\" 3.14159 12345.678 0.000012 2.5 1234567 }}",
                    "json: {{ dict \"f\" 1.25 \"i\" 7 \"u\" \"é\" | toJson }}",
                    "yaml: {{ dict \"f\" 1e21 \"s\" \"ı\" | toYaml | nindent 4 }}",
                    "float: {{ float64 \"2.5\" }} {{ atoi \"42\" }} {{ add 1 2 }} {{ div 7 2 }} {{ mulf 1.1 3 }}",
                    "date: {{ dateInZone \"2006-01-02 15:04 Mon Jan\" 1700000000 \"UTC\" }}",
                    "sort: {{ list \"b\" \"I\" \"ı\" \"i\" \"İ\" \"a\" | sortAlpha | join \",\" }}",
                    "b64: {{ \"ğüşiöç\" | b64enc }} {{ \"ğüşiöç\" | sha256sum }}",
                    "quote: {{ \"tab\\there\" | quote }} {{ \"ünï\" | squote }}",
                    "trunc: {{ trunc 3 \"abcdef\" }} {{ len \"ığüş\" }}")
            + "\n";

    private DeterminismMain() {}

    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), renderAll(Path.of(args[1])));
    }

    @SuppressWarnings("unchecked")
    static byte[] renderAll(Path scratch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HelmRenderer eks = HelmRenderer.prepare(Chart.loadClasspath("charts/runway-eks"));
        for (String file : CI_FILES) {
            String text;
            try (InputStream in =
                    DeterminismMain.class.getClassLoader().getResourceAsStream("charts/runway-eks/ci/" + file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, Object> values = (Map<String, Object>) GoYaml.read(text, file);
            String id = String.valueOf(values.getOrDefault("serviceId", "svc"));
            out.write(eks.render(values, RenderOptions.of(id, id)).output().getBytes(StandardCharsets.UTF_8));
        }
        Path chart =
                TempCharts.write(scratch.resolve("locale-chart"), Map.of("templates/locale.yaml", LOCALE_TEMPLATE));
        out.write(TempCharts.render(chart, Map.of()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
