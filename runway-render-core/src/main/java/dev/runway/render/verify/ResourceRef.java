package dev.runway.render.verify;

import java.util.Objects;

/**
 * A Kubernetes resource as people name it: {@code Deployment/payments/payments} (kind/namespace/name).
 * Empty parts stay empty (a cluster-scoped resource has no namespace).
 */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {
    public ResourceRef {
        apiVersion = Objects.requireNonNullElse(apiVersion, "");
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
    }

    /** For findings that concern a file or the whole render rather than one resource. */
    public static ResourceRef none() {
        return new ResourceRef("", "", "", "");
    }

    /** The API group: empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** kind/namespace/name, or kind/name for a cluster-scoped resource. */
    @Override
    public String toString() {
        if (kind.isEmpty() && name.isEmpty()) {
            return "-";
        }
        return namespace.isEmpty()
                ? (kind.isEmpty() ? "?" : kind) + "/" + name
                : (kind.isEmpty() ? "?" : kind) + "/" + namespace + "/" + name;
    }
}
