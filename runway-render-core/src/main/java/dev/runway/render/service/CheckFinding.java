package dev.runway.render.service;

import java.util.Objects;

/**
 * One finding of a {@link ManifestChecker}, in the shape of a CI log line.
 *
 * @param severity  ERROR fails the build, WARNING does not
 * @param check     the rule's id ({@code identity.namespace-matches-service})
 * @param resource  {@code Kind/name}, or empty when the finding is about the whole render
 * @param path      the field ({@code spec.template.spec.containers[0].image}), or empty
 * @param message   what is wrong and how to fix it
 * @param location  where to fix it: the project file and line that produced the value, or the chart template
 */
public record CheckFinding(
        Severity severity, String check, String resource, String path, String message, Location location) {
    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    public CheckFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        resource = Objects.requireNonNullElse(resource, "");
        path = Objects.requireNonNullElse(path, "");
        Objects.requireNonNull(message, "message");
        location = Objects.requireNonNullElse(location, Location.NONE);
    }

    /** A finding whose place is not known yet ({@link FindingLocator} works it out from the resource and field). */
    public CheckFinding(Severity severity, String check, String resource, String path, String message) {
        this(severity, check, resource, path, message, Location.NONE);
    }

    public CheckFinding withLocation(Location newLocation) {
        return new CheckFinding(severity, check, resource, path, message, newLocation);
    }

    /**
     * Where a finding is fixed.
     *
     * @param kind   {@code FILE}: a file of the project (a values file, {@code .runway/flux-cluster-vars.yaml}),
     *               named relative to the project, with the line and column of the value; {@code TEMPLATE}: the chart
     *               template that wrote the field (no user value produced it), with the field's line in the render
     *               output ({@code manifests.yaml}); {@code NONE}: unknown
     * @param file   the project file or the template ({@code runway-eks/templates/deployment.yaml})
     * @param line   1-based line (0 when unknown)
     * @param column 1-based column (0 when unknown)
     */
    public record Location(Kind kind, String file, int line, int column) {
        public enum Kind {
            NONE,
            FILE,
            TEMPLATE
        }

        public static final Location NONE = new Location(Kind.NONE, "", 0, 0);

        public Location {
            Objects.requireNonNull(kind, "kind");
            file = Objects.requireNonNullElse(file, "");
        }

        public static Location file(String file, int line, int column) {
            return new Location(Kind.FILE, file, line, column);
        }

        public static Location template(String template, int outputLine) {
            return new Location(Kind.TEMPLATE, template, outputLine, 0);
        }

        /** {@code .runway/values.yaml:6:12}, {@code template runway-eks/templates/deployment.yaml}, or empty. */
        @Override
        public String toString() {
            return switch (kind) {
                case NONE -> "";
                case TEMPLATE -> "template " + file;
                case FILE -> file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
            };
        }
    }

    /**
     * {@code ERROR .runway/values.yaml:6:12: Deployment/payments env[0].value: message [check]} when a project file
     * produced the value (editors and CI logs link {@code file:line:column}), else
     * {@code ERROR Deployment/payments spec.replicas: message [check] (template runway-eks/templates/deployment.yaml)}.
     */
    public String line() {
        StringBuilder out = new StringBuilder(severity.name());
        StringBuilder subject = new StringBuilder();
        if (location.kind() == Location.Kind.FILE) {
            subject.append(' ').append(location);
        }
        if (!resource.isEmpty()) {
            subject.append(subject.isEmpty() ? " " : ": ").append(resource);
        }
        if (!path.isEmpty()) {
            subject.append(resource.isEmpty() && !subject.isEmpty() ? ": " : " ")
                    .append(path);
        }
        out.append(subject)
                .append(": ")
                .append(message)
                .append(" [")
                .append(check)
                .append(']');
        if (location.kind() == Location.Kind.TEMPLATE) {
            out.append(" (").append(location).append(')');
        }
        return out.toString();
    }
}
