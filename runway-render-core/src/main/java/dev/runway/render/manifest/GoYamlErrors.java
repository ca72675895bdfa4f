package dev.runway.render.manifest;

import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;

import java.util.Map;

/**
 * Rewords a YAML syntax error the way go-yaml v2 (behind sigs.k8s.io/yaml) reports it: {@code yaml: line N: msg},
 * where scanner errors count lines from 1, parser errors from 0, and errors on the first line carry no line.
 */
final class GoYamlErrors {
    private static final Map<String, String> MESSAGES = Map.of(
            "mapping values are not allowed here", "mapping values are not allowed in this context",
            "expected <block end>, but found '<block mapping start>'", "did not find expected key",
            "expected <block end>, but found '<scalar>'", "did not find expected key",
            "expected <block end>, but found '<block sequence start>'", "did not find expected key",
            "expected <block end>, but found '-'", "did not find expected key",
            "could not find expected ':'", "could not find expected ':'");

    private GoYamlErrors() {
    }

    static String message(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            problem = "found character that cannot start any token";
        }
        problem = MESSAGES.getOrDefault(problem, problem);
        boolean scanner = e instanceof ScannerException;
        int line = e.getProblemMark().map(m -> m.getLine()).orElse(0);
        if (line == 0) {
            line = e.getContextMark().map(m -> m.getLine()).orElse(0);
        } else if (scanner) {
            line++;
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + problem;
    }
}
