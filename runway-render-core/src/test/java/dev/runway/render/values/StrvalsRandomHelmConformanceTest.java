package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random {@code --set} lines (fixed seed, so every run checks the same lines) built from the
 * characters that matter to strvals, parsed by Helm and by us; the values or the error texts must be equal.
 */
class StrvalsRandomHelmConformanceTest {
    private static final String[] PIECES = {
        "a", "b", "x1", ".", ".", "[", "]", "[0]", "[1]", "[2]", "=", "=", ",", ",", "{", "}", "\\", "\\,", "\\.", "1",
        "0", "-1", "true", "null", "007", " ", "é"
    };

    @Test
    void randomLinesParseLikeHelm(@TempDir Path dir) throws IOException {
        Path chart = dir.resolve("dump");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: dump\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/dump.yaml"), GoValueDump.TEMPLATE);

        Random random = new Random(20261122L);
        List<String> mismatches = new ArrayList<>();
        int cases = 250;
        int helmErrors = 0;
        for (int i = 0; i < cases; i++) {
            StringBuilder key = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                key.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String value = random.nextBoolean() ? "v" : PIECES[random.nextInt(PIECES.length)];
            String line = HelmJavaSet.line(key.toString(), value);
            HelmOracle.Result helm = HelmOracle.template(new HelmOracle.Request(
                    chart, "r", "ns", HelmOracle.DEFAULT_KUBE_VERSION, List.of(), Map.of(key.toString(), value)));
            Map<String, Object> ours = new LinkedHashMap<>();
            String result;
            try {
                Strvals.parseInto(line, ours);
                result = helm.failed() ? "ok " + GoValueDump.dump(ours) : GoValueDump.dump(ours);
            } catch (SetValueException e) {
                result = "failed parsing --set data: " + e.getMessage();
            }
            helmErrors += helm.failed() ? 1 : 0;
            String expected = helm.failed() ? helm.error() : dump(helm.output());
            if (!expected.equals(result)) {
                mismatches.add(line + "\n    helm: " + expected + "\n    ours: " + result);
            }
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + cases + " lines differ");
        // the lines must exercise both outcomes, or the comparison proves little
        org.junit.jupiter.api.Assertions.assertTrue(
                helmErrors > 25 && helmErrors < cases - 25, helmErrors + " of " + cases + " lines made Helm fail");
    }

    private static String dump(String output) {
        return output.lines()
                .filter(l -> l.startsWith("# ") && !l.startsWith("# Source:"))
                .findFirst()
                .map(l -> l.substring(2))
                .orElse("<no dump>");
    }
}
