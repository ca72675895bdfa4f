package dev.runway.render.manifest;

import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords a YAML syntax error the way go-yaml v2 (behind sigs.k8s.io/yaml) reports it: {@code yaml: line N: msg},
 * where scanner errors count lines from 1, parser errors from 0, and errors on the first line carry no line.
 * The wording comes from go-yaml's scannerc.go and parserc.go (v2.4), checked against the Helm 4 CLI.
 */
final class GoYamlErrors {
    private static final Map<String, String> MESSAGES = Map.of(
            "mapping values are not allowed here", "mapping values are not allowed in this context",
            "sequence entries are not allowed here", "block sequence entries are not allowed in this context",
            "could not find expected ':'", "could not find expected ':'");
    /** snakeyaml-engine's words for an unclosed flow sequence or mapping. */
    private static final Pattern FLOW_END = Pattern.compile("expected ',' or '([\\]}])', but got .*");
    private static final String STREAM_END = "<stream end>";

    private GoYamlErrors() {
    }

    /**
     * The message for an error in {@code document}. go-yaml ends the stream by moving to a new line when the last
     * line has no line break, so an error found at the very end (a key without ':', an unclosed collection) names
     * the line after the last one.
     */
    static String message(MarkedYamlEngineException e, String document) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        boolean scanner = e instanceof ScannerException;
        boolean atStreamEnd = problem.endsWith(STREAM_END) || problem.endsWith(STREAM_END + "'");
        if (scanner && problem.equals("could not find expected ':'")) {
            atStreamEnd = e.getProblemMark().map(m -> m.getIndex() >= document.codePointCount(0, document.length()))
                    .orElse(false);
        }
        problem = goWords(problem, context);
        int line = e.getProblemMark().map(m -> m.getLine()).orElse(0);
        if (atStreamEnd && !document.isEmpty() && !document.endsWith("\n")) {
            line++;
        }
        if (line == 0) {
            line = e.getContextMark().map(m -> m.getLine()).orElse(0);
        } else if (scanner) {
            line++;
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + problem;
    }

    /** go-yaml's wording of snakeyaml-engine's problem, which sometimes depends on what was being read. */
    private static String goWords(String problem, String context) {
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        Matcher flow = FLOW_END.matcher(problem);
        if (flow.matches()) {
            return "did not find expected ',' or '" + flow.group(1) + "'";
        }
        if (problem.startsWith("expected <block end>, but found")) {
            return context.contains("block collection") ? "did not find expected '-' indicator"
                    : "did not find expected key";
        }
        if (problem.startsWith("expected the node content, but found")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("found unknown escape character")) {
            return "found unknown escape character";
        }
        if (problem.startsWith("found undefined tag handle")) {
            return "found undefined tag handle";
        }
        if (problem.startsWith("unexpected character found")
                && (context.contains("anchor") || context.contains("alias"))) {
            return "did not find expected alphabetic or numeric character";
        }
        return MESSAGES.getOrDefault(problem, problem);
    }
}
