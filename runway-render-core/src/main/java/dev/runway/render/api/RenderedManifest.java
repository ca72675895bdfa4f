package dev.runway.render.api;

import java.util.Objects;

/**
 * One Kubernetes manifest as {@code helm template} prints it.
 *
 * @param source     the template it came from, as Helm names it ({@code runway-eks/templates/deployment.yaml})
 * @param apiVersion the manifest's {@code apiVersion}, or empty when it has none
 * @param kind       the manifest's {@code kind}, or empty when it has none
 * @param name       {@code metadata.name}, or empty
 * @param namespace  {@code metadata.namespace}, or empty when the manifest does not set one
 * @param text       the YAML document exactly as rendered, without the {@code ---} and {@code # Source:} lines
 */
public record RenderedManifest(
        String source, String apiVersion, String kind, String name, String namespace, String text) {
    public RenderedManifest {
        Objects.requireNonNull(source, "source");
        apiVersion = Objects.requireNonNullElse(apiVersion, "");
        kind = Objects.requireNonNullElse(kind, "");
        name = Objects.requireNonNullElse(name, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        Objects.requireNonNull(text, "text");
    }

    // Written out: records' generated equals and hashCode bootstrap through java.lang.runtime.ObjectMethods, which
    // spins many method-handle classes the first time in a JVM (issue 19); the checks key maps by manifest.
    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedManifest m
                && source.equals(m.source)
                && apiVersion.equals(m.apiVersion)
                && kind.equals(m.kind)
                && name.equals(m.name)
                && namespace.equals(m.namespace)
                && text.equals(m.text);
    }

    @Override
    public int hashCode() {
        int h = source.hashCode();
        h = 31 * h + apiVersion.hashCode();
        h = 31 * h + kind.hashCode();
        h = 31 * h + name.hashCode();
        h = 31 * h + namespace.hashCode();
        return 31 * h + text.hashCode();
    }

    /** {@code Kind/name}, the way people name a resource in a log line. */
    public String id() {
        return kind + "/" + name;
    }
}
