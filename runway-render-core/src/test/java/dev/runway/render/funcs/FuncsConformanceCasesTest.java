package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.ScratchDirectories;
import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the funcs-, yaml- and json- conformance cases honest until the engine's harness runs them: each case must
 * render with real Helm, except the groups that exist to show Helm's error messages (funcs-errors, funcs-args,
 * yaml-output-errors), which must fail.
 */
class FuncsConformanceCasesTest {

    @Test
    void casesRenderWithHelmAsIntended() throws IOException, URISyntaxException {
        Path root =
                Path.of(getClass().getClassLoader().getResource("conformance").toURI());
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> groups = Files.list(root)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                String g = group.getFileName().toString();
                if (!(g.startsWith("funcs-") || g.startsWith("yaml-") || g.startsWith("json-"))) {
                    continue;
                }
                try (Stream<Path> cs = Files.list(group)) {
                    cases.addAll(cs.filter(Files::isDirectory).sorted().toList());
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Path c : cases) {
            Path chart = ScratchDirectories.create("case").resolve("conformance");
            copy(c, chart);
            if (!Files.exists(chart.resolve("Chart.yaml"))) {
                Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: conformance\nversion: 0.1.0\n");
            }
            HelmOracle.Result r = HelmOracle.template(HelmOracle.Request.of(chart, "release", "default"));
            String group = c.getParent().getFileName().toString();
            boolean shouldFail =
                    group.equals("funcs-errors") || group.equals("funcs-args") || group.equals("yaml-output-errors");
            if (r.failed() != shouldFail) {
                wrong.add(group + "/" + c.getFileName() + ": " + (r.failed() ? r.error() : "rendered without error"));
            }
        }
        System.out.printf("[funcs-conformance] %d cases, %d as intended%n", cases.size(), cases.size() - wrong.size());
        assertTrue(cases.size() >= 400, "issue 4 asks for at least 400 cases");
        assertEquals(List.of(), wrong);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("case.yaml")
                        || !p.getParent().equals(from)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
