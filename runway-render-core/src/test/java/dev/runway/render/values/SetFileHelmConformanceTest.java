package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set-file} against Helm: helm-java's {@code setFile(key, path)} (HelmOracle has no set-file entry,
 * so this calls helm-java directly). The file content must arrive as one string, byte for byte.
 */
class SetFileHelmConformanceTest {

    @Test
    void fileContentBecomesTheStringValue(@TempDir Path dir) throws IOException {
        Path chart = dir.resolve("dump");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: dump\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/dump.yaml"), GoValueDump.TEMPLATE);
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nMIIB, with = signs {and} [brackets]\n\n");
        Path number = dir.resolve("number.txt");
        Files.writeString(number, "42");

        String helm = new Helm(chart)
                .template()
                .withName("r")
                .withNamespace("ns")
                .withKubeVersion("v1.33.0")
                .setFile("tls.cert", cert)
                .setFile("count", number)
                .call();

        Map<String, Object> ours = new LinkedHashMap<>();
        Strvals.parseIntoFile("tls.cert=" + cert, ours, p -> Files.readString(Path.of(p)));
        Strvals.parseIntoFile("count=" + number, ours, p -> Files.readString(Path.of(p)));
        String dump = helm.lines()
                .filter(l -> l.startsWith("# ") && !l.startsWith("# Source:"))
                .findFirst()
                .orElseThrow()
                .substring(2);
        assertEquals(dump, GoValueDump.dump(ours));
    }
}
