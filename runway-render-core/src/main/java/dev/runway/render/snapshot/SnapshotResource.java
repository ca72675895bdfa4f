package dev.runway.render.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * One document of a snapshot, parsed: the resource's identity and its content as plain Java values
 * ({@code Map}, {@code List}, {@code String}, numbers, {@code Boolean}, {@code null}).
 *
 * @param kind      {@code kind}, or empty
 * @param namespace {@code metadata.namespace}, or empty
 * @param name      {@code metadata.name}, or empty
 * @param source    the template it came from ({@code runway-eks/templates/deployment.yaml}), or empty
 * @param ordinal   the document's 1-based position, to tell apart documents without kind and name
 * @param content   the parsed document
 */
record SnapshotResource(String kind, String namespace, String name, String source, int ordinal, Object content) {

    SnapshotResource {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
        Objects.requireNonNull(source);
    }

    static SnapshotResource of(Object content, String source, int ordinal) {
        String kind = "";
        String name = "";
        String namespace = "";
        if (content instanceof Map<?, ?> map) {
            kind = text(map.get("kind"));
            if (map.get("metadata") instanceof Map<?, ?> metadata) {
                name = text(metadata.get("name"));
                namespace = text(metadata.get("namespace"));
            }
        }
        return new SnapshotResource(kind, namespace, name, source, ordinal, content);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** True for documents that carry a kind and a name; the others are matched by position. */
    boolean identified() {
        return !kind.isEmpty() && !name.isEmpty();
    }

    /** The key two snapshots are matched on. */
    String key() {
        return identified() ? kind + "/" + namespace + "/" + name : "#" + ordinal;
    }

    /** {@code Kind/name} as people write it; documents without both say where they are. */
    String label(boolean withNamespace) {
        if (!identified()) {
            return "document " + ordinal + (source.isEmpty() ? "" : " (" + source + ")");
        }
        return withNamespace && !namespace.isEmpty()
                ? kind + "/" + name + " (namespace " + namespace + ")"
                : kind + "/" + name;
    }
}
