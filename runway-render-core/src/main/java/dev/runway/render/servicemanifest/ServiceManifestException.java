package dev.runway.render.servicemanifest;

import java.util.List;

/** A Runway service manifest runway-render cannot use: every problem at once, each with file, line and column. */
public final class ServiceManifestException extends RuntimeException {
    private final transient List<ManifestProblem> problems;

    public ServiceManifestException(String file, List<ManifestProblem> problems) {
        super(format(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String format(String file, List<ManifestProblem> problems) {
        StringBuilder out = new StringBuilder(file)
                .append(" is not a Runway service manifest runway-render can use (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (ManifestProblem problem : problems) {
            out.append("\n  ").append(problem);
        }
        return out.toString();
    }
}
