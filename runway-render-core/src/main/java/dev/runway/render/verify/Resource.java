package dev.runway.render.verify;

import dev.runway.render.yaml.YNode.YMap;

/**
 * One manifest document, parsed.
 *
 * @param ref  kind/namespace/name as the document states them
 * @param root the document's top-level mapping
 * @param file the file (template source or committed file) the document came from
 * @param text the document's YAML text
 */
record Resource(ResourceRef ref, YMap root, String file, String text) {

    static Resource of(YMap root, String file, String text) {
        YMap metadata = root.map("metadata").orElse(null);
        ResourceRef ref = new ResourceRef(
                root.text("apiVersion").orElse(""),
                root.text("kind").orElse(""),
                metadata == null ? "" : metadata.text("namespace").orElse(""),
                metadata == null ? "" : metadata.text("name").orElse(""));
        return new Resource(ref, root, file, text);
    }

    String kind() {
        return ref.kind();
    }
}
