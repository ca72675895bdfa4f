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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Helm's answers kept under target/ by a hash of everything the answer depends on (oracle and its version, chart
 * files, values files, --set, release, namespace, kube version), so that a second run does not ask Helm again for
 * unchanged cases. {@code mvn clean} or {@code -Dconformance.fresh=true} asks Helm again.
 */
final class OracleCache {
    private static final Path DIR = Path.of("target/conformance/oracle-cache");

    private OracleCache() {}

    /** helm-java's answer (Helm 3.21, in-process). */
    static HelmOracle.Result template(HelmOracle.Request request) {
        return template("helm-java-0.0.21", request, HelmOracle::template);
    }

    /** The answer of {@code oracle} (named with its version, which is part of the key). */
    static HelmOracle.Result template(
            String oracle, HelmOracle.Request request, Function<HelmOracle.Request, HelmOracle.Result> ask) {
        String key = key(oracle, request);
        Path file = DIR.resolve(key);
        boolean fresh = Boolean.getBoolean("conformance.fresh");
        try {
            if (!fresh && Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8);
                String body = stored.substring(4);
                return stored.startsWith("ERR\n")
                        ? new HelmOracle.Result(null, body)
                        : new HelmOracle.Result(stored.startsWith("NIL\n") ? null : body, null);
            }
            HelmOracle.Result result = ask.apply(request);
            Files.createDirectories(DIR);
            String stored = result.failed()
                    ? "ERR\n" + result.error()
                    : result.output() == null ? "NIL\n" : "OUT\n" + result.output();
            // Oracles may be asked from several threads: write whole files only.
            Path temp = Files.createTempFile(DIR, key, ".tmp");
            Files.writeString(temp, stored, StandardCharsets.UTF_8);
            Files.move(
                    temp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String oracle, HelmOracle.Request request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(
                    sha,
                    oracle + "|" + request.releaseName() + "|" + request.namespace() + "|" + request.kubeVersion() + "|"
                            + request.set());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(request.chart())) {
                files = walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                update(sha, request.chart().relativize(f).toString());
                if (Files.isSymbolicLink(f)) {
                    // A link is keyed by where it leads (it may lead nowhere); charts without links keep their keys.
                    update(sha, "link:" + Files.readSymbolicLink(f));
                } else {
                    sha.update(Files.readAllBytes(f));
                }
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
