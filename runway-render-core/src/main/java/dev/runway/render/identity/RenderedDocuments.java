package dev.runway.render.identity;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifests of a render as {@link HandshakeCheck} reads them: parsed by the same guarded reader as the verify
 * rules ({@link ManifestStreamParser#typedDocuments}), so the check loads no second YAML library. Reads what
 * {@code RunwayEksRelease} reads, with its messages.
 */
final class RenderedDocuments {
    private final List<RenderedManifest> manifests = new ArrayList<>();
    private final List<YMap> documents = new ArrayList<>();

    /** @throws IllegalArgumentException naming the manifest when one is not valid YAML */
    RenderedDocuments(RenderedChart chart) {
        for (RenderedManifest manifest : chart.manifests()) {
            List<YamlTree.TypedDocument> parsed;
            try {
                parsed = ManifestStreamParser.typedDocuments(manifest.text(), manifest.source());
            } catch (GoYamlException e) {
                throw new IllegalArgumentException(
                        manifest.source() + " (" + manifest.id() + ") is not valid YAML: " + e.getMessage(), e);
            }
            manifests.add(manifest);
            // a manifest is one document; one that is not a mapping has no kind and is never looked up
            if (!parsed.isEmpty() && parsed.get(0).root() instanceof YMap map) {
                documents.add(map);
            }
        }
    }

    /** Every document of a kind. */
    List<YMap> all(String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.text("kind").orElse("")))
                .toList();
    }

    /** The one document of a kind, if there is one; more than one is an error. */
    Optional<YMap> optional(String kind) {
        List<YMap> found = all(kind);
        if (found.size() > 1) {
            throw new IllegalStateException(
                    "the release has " + found.size() + " " + kind + "s; runway-eks renders at most one");
        }
        return found.stream().findFirst();
    }

    YMap only(String kind) {
        return optional(kind)
                .orElseThrow(() -> new IllegalStateException("the release has no " + kind + "; it has "
                        + manifests.stream().map(RenderedManifest::id).toList()));
    }

    /** The scalar at {@code path} as text (a number is its digits), or null when there is none. */
    static String text(YMap map, String... path) {
        YMap current = map;
        for (int i = 0; i < path.length - 1; i++) {
            current = current.map(path[i]).orElse(null);
            if (current == null) {
                return null;
            }
        }
        return current.text(path[path.length - 1]).orElse(null);
    }

    /** The mapping at {@code path}, or an empty one. */
    static Map<String, YNode> map(YMap map, String... path) {
        YMap current = map;
        for (String key : path) {
            current = current.map(key).orElse(null);
            if (current == null) {
                return Map.of();
            }
        }
        return new LinkedHashMap<>(current.entries());
    }

    /** A scalar's text ({@code null} for a null, {@code ""} for a mapping or a list), as the annotations are read. */
    static String text(YNode node) {
        return node instanceof YNode.YScalar s ? s.value() : "";
    }
}
