package dev.runway.render.manifest;

import dev.runway.render.RenderedManifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code helm template} does with the rendered files (releaseutil.SortManifests and renderResources):
 * NOTES.txt and partials dropped, files that are only white space dropped, each file split into documents, hooks
 * set aside (helm-java's template does not print them), the rest sorted by Helm's install order of kinds, stable
 * by file path and position.
 */
public final class ManifestSorter {
    private ManifestSorter() {
    }

    /** The manifests to print, in Helm's order. */
    public static List<RenderedManifest> sort(Map<String, String> rendered) {
        TreeMap<String, String> byPath = new TreeMap<>(KindOrder::compareBytes);
        for (Map.Entry<String, String> e : rendered.entrySet()) {
            if (!e.getKey().endsWith("NOTES.txt")) {
                byPath.put(e.getKey(), e.getValue());
            }
        }
        List<RenderedManifest> generic = new ArrayList<>();
        for (Map.Entry<String, String> e : byPath.entrySet()) {
            String path = e.getKey();
            String content = e.getValue();
            if (path.substring(path.lastIndexOf('/') + 1).startsWith("_")) {
                continue;
            }
            if (ManifestSplitter.goTrimSpace(content).isEmpty()) {
                continue;
            }
            for (String doc : ManifestSplitter.split(content)) {
                ManifestHead head = ManifestHead.parse(doc, path);
                if (head.hook() != null) {
                    continue;
                }
                generic.add(new RenderedManifest(path, head.apiVersion(), head.kind(), head.name(),
                        head.namespace(), doc));
            }
        }
        List<RenderedManifest> sorted = new ArrayList<>(generic);
        sorted.sort(Comparator.comparing(RenderedManifest::kind, KindOrder::compare));
        return sorted;
    }

    /** The text {@code helm template} prints: {@code ---}, {@code # Source:}, the document, for each manifest. */
    public static String join(List<RenderedManifest> manifests) {
        StringBuilder b = new StringBuilder();
        for (RenderedManifest m : manifests) {
            b.append("---\n# Source: ").append(m.source()).append('\n').append(m.text()).append('\n');
        }
        return b.toString();
    }
}
