package dev.runway.render.values;

import java.util.List;

/**
 * The values break one or more charts' schemas. Every problem is listed (not only the first), one per line,
 * under Helm's own heading.
 */
public final class ValuesValidationException extends RuntimeException {
    private final List<ValuesProblem> problems;

    public ValuesValidationException(List<ValuesProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValuesProblem> problems() {
        return problems;
    }

    private static String format(List<ValuesProblem> problems) {
        StringBuilder out =
                new StringBuilder("values don't meet the specifications of the schema(s) in the following chart(s):");
        String chart = null;
        for (ValuesProblem problem : problems) {
            if (!problem.chart().equals(chart)) {
                chart = problem.chart();
                out.append('\n').append(chart).append(':');
            }
            out.append("\n- ").append(problem.message());
        }
        return out.toString();
    }
}
