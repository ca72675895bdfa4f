package dev.runway.render.servicemanifest;

import java.util.List;

/** A Runway service manifest runway-render cannot use: every problem at once, each with file, line and column. */
public final class ServiceManifestException extends RuntimeException {
    private final transient List<ManifestProblem> problems;

    public ServiceManifestException(String file, List<ManifestProblem> problems) {
        this(file, problems, 0);
    }

    /**
     * {@code problems} listed, and {@code unlisted} more counted but not listed (a manifest from a merge request can
     * hold a hundred thousand unknown keys; listing each made a message of tens of megabytes).
     */
    public ServiceManifestException(String file, List<ManifestProblem> problems, int unlisted) {
        super(format(file, problems, unlisted));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String format(String file, List<ManifestProblem> problems, int unlisted) {
        int total = problems.size() + unlisted;
        StringBuilder out = new StringBuilder(file)
                .append(" is not a Runway service manifest runway-render can use (")
                .append(total)
                .append(total == 1 ? " problem" : " problems")
                .append(unlisted > 0 ? "; the first " + problems.size() + " follow):" : "):");
        for (ManifestProblem problem : problems) {
            out.append("\n  ").append(problem);
        }
        if (unlisted > 0) {
            out.append("\n  ... and ").append(unlisted).append(" more; fix these and read the manifest again");
        }
        return out.toString();
    }
}
