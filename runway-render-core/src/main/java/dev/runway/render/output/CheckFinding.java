package dev.runway.render.output;

import java.util.Objects;

/**
 * One finding of a {@link ManifestChecker}, in the shape of a CI log line.
 *
 * @param severity  ERROR fails the build, WARNING does not
 * @param check     the rule's id ({@code identity.namespace-matches-service})
 * @param resource  {@code Kind/name}, or empty when the finding is about the whole render
 * @param path      the field ({@code spec.template.spec.containers[0].image}), or empty
 * @param message   what is wrong and how to fix it
 */
public record CheckFinding(Severity severity, String check, String resource, String path, String message) {
    public enum Severity { ERROR, WARNING, INFO }

    public CheckFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        resource = Objects.requireNonNullElse(resource, "");
        path = Objects.requireNonNullElse(path, "");
        Objects.requireNonNull(message, "message");
    }

    /** {@code ERROR Deployment/payments spec.replicas: message [check]}. */
    public String line() {
        StringBuilder out = new StringBuilder(severity.name());
        if (!resource.isEmpty()) {
            out.append(' ').append(resource);
        }
        if (!path.isEmpty()) {
            out.append(' ').append(path);
        }
        return out.append(": ").append(message).append(" [").append(check).append(']').toString();
    }
}
