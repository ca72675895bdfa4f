package dev.runway.render.verify;

import java.util.Objects;
import java.util.Set;

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
public record Finding(
        Severity severity,
        String check,
        ResourceRef resource,
        String path,
        String message,
        String fix,
        String file,
        int line) {
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
                .append(severity.word())
                .append(' ')
                .append(resource)
                .append(' ')
                .append(path.isEmpty() ? "-" : path)
                .append(": ")
                .append(oneLine(message))
                .append(" [")
                .append(check)
                .append(']');
        if (!fix.isEmpty()) {
            line.append(" fix: ").append(oneLine(fix));
        }
        return line.toString();
    }

    /**
     * Whether the API server itself would refuse the resource for this finding, as it stands: an error of a rule
     * that mirrors the server's own decoding and validation, or a resource the server cannot take before Flux or a
     * CRD steps in. The other rules (identity wiring, references, namespaces) guard things the server accepts.
     */
    public boolean serverWouldReject() {
        if (REJECTED_AS_IS.contains(check)) {
            return true;
        }
        String family = check.contains(".") ? check.substring(0, check.indexOf('.')) : check;
        return severity == Severity.ERROR
                && SERVER_ENFORCED_FAMILIES.contains(family)
                && !SERVER_ACCEPTS.contains(check);
    }

    /** Check families whose errors mirror the API server's own decoding and validation. */
    private static final Set<String> SERVER_ENFORCED_FAMILIES = Set.of(
            "structure",
            "name",
            "label",
            "annotation",
            "config",
            "env",
            "hpa",
            "pdb",
            "pod",
            "port",
            "resources",
            "selector",
            "value",
            "volume",
            "container",
            "probe",
            "ingress",
            "crd");
    /** Errors inside those families that the server does not raise (they break the service later). */
    private static final Set<String> SERVER_ACCEPTS = Set.of("container.image-missing", "port.unknown-name");
    /** A kind the server does not know without its CRD; a ${var} where the server wants a number. */
    private static final Set<String> REJECTED_AS_IS = Set.of("structure.not-checked", "structure.flux-variable");

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
