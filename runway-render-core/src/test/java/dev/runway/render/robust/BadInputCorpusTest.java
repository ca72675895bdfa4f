package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.runway.render.service.ChartSource;
import dev.runway.render.service.EngineManifestRenderer;
import dev.runway.render.service.RenderRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/<group>/<case>.case}): each case is a render request
 * (the plugin's parameters) over a small chart, values files and {@code --set} lines, that must fail with a
 * message holding every {@code expect:} line. A message must never be a stack trace or a bare Java exception.
 *
 * <p>Case format: header lines ({@code expect:}, {@code set:}, {@code set-string:}, {@code set-json:},
 * {@code set-file:}, {@code values-file:}, {@code release:}, {@code namespace:}, {@code kube-version:},
 * {@code chart:} = {@code runway-eks}, {@code none} or {@code classpath:<dir>}, {@code known-difference:} = why
 * the engine does not give Helm's message yet, which skips the case with that reason), then files, each after a line
 * {@code === <path>}: paths are inside the chart, or inside the project (the request's base directory) when
 * they start with {@code project/}. A chart gets a minimal Chart.yaml (name {@code bad}) unless the case writes
 * one or marks it {@code === Chart.yaml (absent)}. Every message is written to
 * {@code target/bad-input-messages.md} for review.
 */
class BadInputCorpusTest {

    @TempDir
    Path tmp;

    record Case(String id, Map<String, List<String>> headers, Map<String, String> files, List<String> absent) {
        List<String> header(String key) {
            return headers.getOrDefault(key, List.of());
        }

        String single(String key, String otherwise) {
            List<String> v = header(key);
            return v.isEmpty() ? otherwise : v.get(v.size() - 1);
        }
    }

    static Case parse(String id, String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        String current = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (current != null) {
                    files.put(current, content.toString());
                }
                String path = line.substring(4).trim();
                if (path.endsWith(" (absent)")) {
                    absent.add(path.substring(0, path.length() - " (absent)".length()));
                    current = null;
                } else {
                    current = path;
                }
                content.setLength(0);
            } else if (current != null) {
                content.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(id + ": header line without ':': " + line);
                }
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        if (current != null) {
            String c = content.toString();
            files.put(current, c.endsWith("\n\n") ? c.substring(0, c.length() - 1) : c);
        }
        return new Case(id, headers, files, absent);
    }

    static List<Path> caseFiles() {
        try {
            Path root = Path.of(BadInputCorpusTest.class
                    .getClassLoader()
                    .getResource("bad-input")
                    .toURI());
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.toString().endsWith(".case")).sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputFailsWithItsMessage() throws IOException {
        List<Path> files = caseFiles();
        assertTrue(files.size() >= 100, "the corpus holds at least 100 cases, found " + files.size());
        Path report = Path.of("target", "bad-input-messages.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Bad-input corpus: messages\n\n");
        return files.stream().map(file -> {
            String id = file.getParent().getFileName() + "/"
                    + file.getFileName().toString().replace(".case", "");
            return DynamicTest.dynamicTest(id, () -> {
                Case c = parse(id, Files.readString(file, StandardCharsets.UTF_8));
                // A case may name a known difference from Helm: it is reported as skipped, with the reason.
                Assumptions.assumeTrue(
                        c.header("known-difference").isEmpty(),
                        () -> id + ": known difference: " + c.single("known-difference", ""));
                String message = failureOf(c, tmp.resolve(id.replace('/', '_')));
                Files.writeString(
                        report,
                        "## " + id + "\n```\n" + message + "\n```\n\n",
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
                checkQuality(c, message);
            });
        });
    }

    static void checkQuality(Case c, String message) {
        assertNotNull(message, c.id() + ": the error has no message");
        assertFalse(message.isBlank(), c.id() + ": the error message is blank");
        assertFalse(
                message.contains("\tat ") || message.matches("(?s).*\\bat [a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*\\.\\w+\\(.*"),
                () -> c.id() + ": the message holds a stack trace:\n" + message);
        assertFalse(
                message.matches("(?s)^(java|javax|org|com)\\.[\\w.]+(Exception|Error).*"),
                () -> c.id() + ": the message is a bare Java exception:\n" + message);
        assertFalse(
                message.contains("NullPointerException")
                        || message.contains("ClassCastException")
                        || message.contains("IndexOutOfBounds")
                        || message.contains("NumberFormatException"),
                () -> c.id() + ": the message leaks a Java exception:\n" + message);
        List<String> expects = c.header("expect");
        assertFalse(expects.isEmpty(), c.id() + ": the case has no expect: line");
        for (String expect : expects) {
            assertTrue(
                    message.contains(expect),
                    () -> c.id() + ": expected the message to contain\n  " + expect + "\nbut it was\n  " + message);
        }
    }

    static String failureOf(Case c, Path project) {
        try {
            Path chartDir = project.resolve("chart");
            Files.createDirectories(chartDir);
            boolean writesChartYaml =
                    c.files().containsKey("Chart.yaml") || c.absent().contains("Chart.yaml");
            String chartHeader = c.single("chart", "");
            if (!writesChartYaml && chartHeader.isEmpty()) {
                Files.writeString(chartDir.resolve("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: 0.1.0\n");
            }
            for (Map.Entry<String, String> f : c.files().entrySet()) {
                Path target = f.getKey().startsWith("project/")
                        ? project.resolve(f.getKey().substring(8))
                        : chartDir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
            ChartSource chart = switch (chartHeader) {
                case "" -> ChartSource.directory(chartDir);
                case "runway-eks" -> ChartSource.RUNWAY_EKS;
                case "none" -> ChartSource.directory(project.resolve("no-such-chart"));
                default -> ChartSource.classpath(chartHeader.substring("classpath:".length()));
            };
            List<Path> valuesFiles =
                    c.header("values-file").stream().map(project::resolve).toList();
            List<String> set = new ArrayList<>(c.header("set"));
            RenderRequest request = new RenderRequest(
                    chart,
                    valuesFiles,
                    set,
                    c.header("set-string"),
                    c.header("set-file"),
                    c.single("release", "release-name"),
                    c.single("namespace", "default"),
                    c.single("kube-version", ""),
                    project);
            if (!c.header("set-json").isEmpty()) {
                return setJsonFailure(c, chart, project);
            }
            new EngineManifestRenderer().render(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return e.getMessage();
        } catch (StackOverflowError e) {
            fail(c.id() + ": stack overflow instead of a message");
        }
        return fail(c.id() + ": the render succeeded but must fail");
    }

    /** RenderRequest has no --set-json; the values API takes it the same way the plugin would. */
    private static String setJsonFailure(Case c, ChartSource chart, Path project) {
        try {
            dev.runway.render.values.UserValues.Builder b =
                    dev.runway.render.values.UserValues.builder().fileReaderRelativeTo(project);
            c.header("set-json").forEach(b::setJson);
            dev.runway.render.HelmRenderer.render(
                    dev.runway.render.chart.Chart.load(chart.directory()),
                    b.build().merge().values(),
                    dev.runway.render.api.RenderOptions.defaults());
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        return fail(c.id() + ": the render succeeded but must fail");
    }
}
