package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every deliberately broken manifest of {@code verify-corpus/} produces exactly the findings its {@code # expect:}
 * lines name (severity, check, field path), no more and no fewer. Format: see {@code verify-corpus/README.md}.
 */
class VerifyCorpusTest {

    record Case(Path file, String description, String apiserver, String options, List<String> expected, String text) {
        static Case read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String description = "";
            String apiserver = "";
            String options = "";
            List<String> expected = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                if (!line.startsWith("#")) {
                    break;
                }
                String body = line.substring(1).strip();
                if (body.startsWith("case:")) {
                    description = body.substring(5).strip();
                } else if (body.startsWith("apiserver:")) {
                    apiserver = body.substring(10).strip();
                } else if (body.startsWith("options:")) {
                    options = body.substring(8).strip();
                } else if (body.startsWith("expect:")) {
                    expected.add(body.substring(7).strip());
                }
            }
            return new Case(file, description, apiserver, options, expected, text);
        }

        VerifyOptions verifyOptions() {
            if (options.startsWith("runway-eks ")) {
                return VerifyOptions.runwayEks(
                        options.substring("runway-eks ".length()).strip());
            }
            if (options.startsWith("kubernetes ")) {
                return VerifyOptions.namespace("payments")
                        .withKubernetesVersion(
                                options.substring("kubernetes ".length()).strip());
            }
            return VerifyOptions.namespace("payments");
        }
    }

    static List<Case> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(VerifyCorpusTest.class.getResource("/verify-corpus"))
                .toURI());
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                cases.add(Case.read(file));
            }
        }
        return cases;
    }

    /** One verifier for all cases: it caches what it read from the client's model classes. */
    private static final ManifestVerifier VERIFIER = new ManifestVerifier();

    static List<String> actual(Case c) {
        VerifyResult result = VERIFIER.verify(
                List.of(new ManifestVerifier.Source(c.file().getFileName().toString(), c.text())), c.verifyOptions());
        return result.findings().stream()
                .map(f ->
                        f.severity().word() + " " + f.check() + " " + (f.path().isEmpty() ? "-" : f.path()))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> eachCaseProducesExactlyItsExpectedFindings() throws Exception {
        return corpus().stream()
                .map(c -> DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> {
                    VerifyResult result = VERIFIER.verify(
                            List.of(new ManifestVerifier.Source(
                                    c.file().getFileName().toString(), c.text())),
                            c.verifyOptions());
                    assertEquals(
                            new TreeSet<>(c.expected()),
                            new TreeSet<>(actual(c)),
                            c.description() + "\n" + String.join("\n", result.lines()));
                    // Every finding says what to change and where.
                    result.findings().forEach(f -> assertFalse(f.fix().isBlank(), "no fix: " + f.toLine()));
                }));
    }

    @Test
    void corpusIsLargeAndWellFormed() throws Exception {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 265, "at least 265 broken manifests, found " + cases.size());
        for (Case c : cases) {
            assertFalse(c.expected().isEmpty(), c.file() + " has no expect line");
            assertTrue(
                    c.apiserver().equals("rejects") || c.apiserver().equals("accepts"),
                    c.file() + ": apiserver must be rejects or accepts");
            assertFalse(c.description().isEmpty(), c.file() + " has no case line");
            // A case the API server rejects must be caught as an error, not a warning.
            if (c.apiserver().equals("rejects")) {
                assertTrue(
                        c.expected().stream()
                                .anyMatch(e -> e.startsWith("error ")
                                        || e.contains("not-checked")
                                        || e.contains("flux-variable")),
                        c.file() + " is rejected by the API server but expects no error");
            }
        }
    }
}
