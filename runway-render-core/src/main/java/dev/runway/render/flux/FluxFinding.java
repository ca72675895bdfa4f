package dev.runway.render.flux;

import java.util.Objects;

/**
 * One result of a Flux check, printable on one line.
 *
 * @param severity how bad it is
 * @param rule     a stable rule id such as {@code flux/unknown-variable}
 * @param resource {@code Kind/namespace/name}, or empty when the finding is about the whole output
 * @param path     the field ({@code data[credentials.json]}), or empty
 * @param source   the template the manifest came from ({@code runway-eks/templates/serviceaccount.yaml}), or empty
 * @param line     1-based line in the rendered output (or in the manifest when the output is unknown); 0 if none
 * @param column   1-based column; 0 if none
 * @param message  what is wrong
 * @param fix      how to fix it, or empty
 */
public record FluxFinding(
        Severity severity,
        String rule,
        String resource,
        String path,
        String source,
        int line,
        int column,
        String message,
        String fix) {

    public FluxFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        resource = Objects.requireNonNullElse(resource, "");
        path = Objects.requireNonNullElse(path, "");
        source = Objects.requireNonNullElse(source, "");
        Objects.requireNonNull(message, "message");
        fix = Objects.requireNonNullElse(fix, "");
    }

    static FluxFinding at(Severity severity, String rule, FluxLocation location, String message, String fix) {
        return new FluxFinding(
                severity,
                rule,
                location.resource(),
                location.path(),
                location.source(),
                location.line(),
                location.column(),
                message,
                fix);
    }

    /**
     * One line: {@code ERROR flux/unknown-variable ConfigMap/ns/name data[x] (runway-eks/templates/c.yaml:14:21):
     * message Fix: fix}.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(severity).append(' ').append(rule);
        if (!resource.isEmpty()) {
            out.append(' ').append(resource);
        }
        if (!path.isEmpty()) {
            out.append(' ').append(path);
        }
        if (!source.isEmpty() || line > 0) {
            out.append(" (");
            out.append(source.isEmpty() ? "line" : source);
            if (line > 0) {
                out.append(source.isEmpty() ? " " : ":").append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(')');
        }
        out.append(": ").append(message);
        if (!fix.isEmpty()) {
            out.append(" Fix: ").append(fix);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
