package dev.runway.render.verify;

import java.util.Objects;

/**
 * One problem found in the manifests.
 *
 * @param severity how bad it is
 * @param check    a stable id of the rule ({@code structure.unknown-field}, {@code identity.role-arn}, ...)
 * @param resource the resource it concerns
 * @param path     the field path inside the resource ({@code spec.template.spec.containers[0].image}), or empty
 * @param message  what is wrong
 * @param fix      what to change
 * @param file     the file the resource came from (a template source or a committed file), or empty
 * @param line     1-based line of the field in that file, or 0 when unknown
 */
public record Finding(Severity severity, String check, ResourceRef resource, String path, String message,
                      String fix, String file, int line) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(resource, "resource");
        path = Objects.requireNonNullElse(path, "");
        Objects.requireNonNull(message, "message");
        fix = Objects.requireNonNullElse(fix, "");
        file = Objects.requireNonNullElse(file, "");
    }

    /** {@code error Deployment/payments/payments spec.replicas: message (check) fix: ...}, on one line. */
    public String toLine() {
        StringBuilder line = new StringBuilder()
                .append(severity.word()).append(' ')
                .append(resource).append(' ')
                .append(path.isEmpty() ? "-" : path).append(": ")
                .append(oneLine(message))
                .append(" [").append(check).append(']');
        if (!fix.isEmpty()) {
            line.append(" fix: ").append(oneLine(fix));
        }
        return line.toString();
    }

    /** A key that stays the same while the problem stays (for Code Quality fingerprints). */
    public String identity() {
        return check + "|" + resource.apiVersion() + "|" + resource + "|" + path + "|" + message;
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace('\n', ' ').strip();
    }

    @Override
    public String toString() {
        return toLine();
    }
}
