package dev.runway.render.conformance;

import dev.runway.render.oracle.HelmOracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Helm's answers kept under target/ by a hash of everything the answer depends on (chart files, values files,
 * --set, release, namespace, kube version), so that a second run does not call helm-java again for unchanged
 * cases. {@code mvn clean} or {@code -Dconformance.fresh=true} asks Helm again.
 */
final class OracleCache {
    private static final Path DIR = Path.of("target/conformance/oracle-cache");
    private static final String VERSION = "helm-java-0.0.21";

    private OracleCache() {
    }

    static HelmOracle.Result template(HelmOracle.Request request) {
        String key = key(request);
        Path file = DIR.resolve(key);
        boolean fresh = Boolean.getBoolean("conformance.fresh");
        try {
            if (!fresh && Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8);
                String body = stored.substring(4);
                return stored.startsWith("ERR\n") ? new HelmOracle.Result(null, body)
                        : new HelmOracle.Result(stored.startsWith("NIL\n") ? null : body, null);
            }
            HelmOracle.Result result = HelmOracle.template(request);
            Files.createDirectories(DIR);
            String stored = result.failed() ? "ERR\n" + result.error()
                    : result.output() == null ? "NIL\n" : "OUT\n" + result.output();
            Files.writeString(file, stored, StandardCharsets.UTF_8);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(HelmOracle.Request request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, VERSION + "|" + request.releaseName() + "|" + request.namespace() + "|"
                    + request.kubeVersion() + "|" + request.set());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(request.chart())) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                update(sha, request.chart().relativize(f).toString());
                sha.update(Files.readAllBytes(f));
            }
            for (Path f : request.valuesFiles()) {
                update(sha, "values:" + f.getFileName());
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
