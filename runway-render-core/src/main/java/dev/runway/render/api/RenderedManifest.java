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

    /** {@code Kind/name}, the way people name a resource in a log line. */
    public String id() {
        return kind + "/" + name;
    }
}
