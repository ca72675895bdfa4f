package dev.runway.render.manifest;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderedManifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code helm template} does with the rendered files (releaseutil.SortManifests and renderResources):
 * NOTES.txt and partials dropped, files that are only white space dropped, each file split into documents, hooks
 * set aside (helm-java's template does not print them), the rest sorted by Helm's install order of kinds, stable
 * by file path and position. The order and the wording of errors follow the Helm version asked for.
 */
public final class ManifestSorter {
    private ManifestSorter() {}

    /** The manifests to print, in Helm 4's order, without hooks (what {@code helm template --no-hooks} prints). */
    public static List<RenderedManifest> sort(Map<String, String> rendered) {
        return split(rendered, HelmVersion.DEFAULT, null).generic();
    }

    /** Like {@link #sortWithHooks(Map, HelmVersion)} as the default Helm version sorts. */
    public static Sorted sortWithHooks(Map<String, String> rendered) {
        return split(rendered, HelmVersion.DEFAULT, null);
    }

    /**
     * The manifests and hooks, in the install order of this Helm version. Hooks keep Helm's kind order among
     * themselves and come after the manifests, as the {@code helm template} command prints them; a hook of an
     * unknown event is dropped, as Helm drops it (releaseutil.SortManifests).
     */
    public static Sorted sortWithHooks(Map<String, String> rendered, HelmVersion version) {
        return split(rendered, version, null);
    }

    /** As {@link #sortWithHooks(Map, HelmVersion)}, the head scanner copying documents into {@code scratch}'s array. */
    public static Sorted sortWithHooks(Map<String, String> rendered, HelmVersion version, ManifestScratch scratch) {
        return split(rendered, version, scratch);
    }

    /** Manifests and hooks of a render, each list in Helm's install order of kinds. */
    public record Sorted(List<RenderedManifest> generic, List<RenderedManifest> hooks) {
        public Sorted {
            generic = List.copyOf(generic);
            hooks = List.copyOf(hooks);
        }

        /** What {@code helm template} prints: the manifests, then each hook. */
        public String output() {
            return ManifestSorter.output(generic, hooks);
        }

        public List<RenderedManifest> all() {
            List<RenderedManifest> all = new ArrayList<>(generic);
            all.addAll(hooks);
            return all;
        }
    }

    /** The events Helm knows a hook by (release.HookEvent, plus Helm 2's test-success). */
    private static final java.util.Set<String> HOOK_EVENTS = java.util.Set.of(
            "pre-install",
            "post-install",
            "pre-delete",
            "post-delete",
            "pre-upgrade",
            "post-upgrade",
            "pre-rollback",
            "post-rollback",
            "test",
            "test-success");

    /** {@code scratches}: where the head scanner's arrays come from, or null for one array per call. */
    private static Sorted split(Map<String, String> rendered, HelmVersion version, ManifestScratch scratches) {
        TreeMap<String, String> byPath = new TreeMap<>(PathOrder.INSTANCE);
        for (Map.Entry<String, String> e : rendered.entrySet()) {
            if (!e.getKey().endsWith("NOTES.txt")) {
                byPath.put(e.getKey(), e.getValue());
            }
        }
        List<RenderedManifest> generic = new ArrayList<>();
        List<RenderedManifest> hooks = new ArrayList<>();
        // The head scanner's copy of each document's characters: one array for the call, as long as its longest.
        char[] scratch = new char[0];
        for (Map.Entry<String, String> e : byPath.entrySet()) {
            String path = e.getKey();
            String content = e.getValue();
            if (path.substring(path.lastIndexOf('/') + 1).startsWith("_")) {
                continue;
            }
            if (ManifestSplitter.isGoBlank(content)) {
                continue;
            }
            for (String doc : ManifestSplitter.split(content)) {
                // The fast scan reads the head of plain block YAML; the full parse decides everything else.
                if (scratches != null) {
                    scratch = scratches.chars(doc.length());
                } else if (scratch.length < doc.length()) {
                    scratch = new char[doc.length()];
                }
                ManifestHead head = ManifestHeadScanner.scan(doc, scratch);
                if (head == null) {
                    head = ManifestHead.parse(doc, path, version);
                }
                RenderedManifest manifest =
                        new RenderedManifest(path, head.apiVersion(), head.kind(), head.name(), head.namespace(), doc);
                if (head.hook() == null) {
                    generic.add(manifest);
                } else if (knownHook(head.hook())) {
                    hooks.add(manifest);
                }
            }
        }
        KindOrder order = KindOrder.of(version);
        Comparator<RenderedManifest> byKind = new ByKind(order);
        generic.sort(byKind);
        hooks.sort(byKind);
        return new Sorted(generic, hooks);
    }

    // The two orders are named classes rather than lambdas and method references: each of those spins a class through
    // java.lang.invoke the first time it runs in a JVM, a cost of every build's first render (issue 19).

    /** Template paths by their UTF-8 bytes, as Go sorts strings. */
    private static final class PathOrder implements Comparator<String> {
        static final PathOrder INSTANCE = new PathOrder();

        @Override
        public int compare(String a, String b) {
            return KindOrder.compareBytes(a, b);
        }
    }

    /** Manifests by their kinds' install order. */
    private static final class ByKind implements Comparator<RenderedManifest> {
        private final KindOrder order;

        ByKind(KindOrder order) {
            this.order = order;
        }

        @Override
        public int compare(RenderedManifest a, RenderedManifest b) {
            return order.compareKinds(a.kind(), b.kind());
        }
    }

    private static boolean knownHook(String annotation) {
        for (String event : annotation.split(",", -1)) {
            if (!HOOK_EVENTS.contains(event.strip().toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the {@code helm template} command prints (pkg/cmd/template.go in Helm 4, cmd/helm/template.go in Helm 3):
     * the release manifest with its surrounding white space trimmed and one newline, so a render where every
     * template came out empty prints a single newline; then each hook. (helm-java returns no text at all there.)
     */
    public static String output(List<RenderedManifest> manifests, List<RenderedManifest> hooks) {
        // One builder of the final size: the output is the largest string of a render, copied once.
        StringBuilder b = new StringBuilder(joinedLength(manifests) + joinedLength(hooks) + 1);
        if (manifests.isEmpty()) {
            b.append('\n');
        } else {
            append(b, manifests);
        }
        append(b, hooks);
        return b.toString();
    }

    /** {@code ---}, {@code # Source:} and the document, for each manifest. */
    public static String join(List<RenderedManifest> manifests) {
        StringBuilder b = new StringBuilder(joinedLength(manifests));
        append(b, manifests);
        return b.toString();
    }

    private static void append(StringBuilder b, List<RenderedManifest> manifests) {
        for (RenderedManifest m : manifests) {
            b.append(SEPARATOR).append(m.source()).append('\n').append(m.text()).append('\n');
        }
    }

    /** The characters {@link #join} writes for these manifests. */
    private static int joinedLength(List<RenderedManifest> manifests) {
        long n = 0;
        for (RenderedManifest m : manifests) {
            n += SEPARATOR.length() + m.source().length() + m.text().length() + 2;
        }
        // Only a capacity hint: past int range the builder grows (and fails) as it would without it.
        return (int) Math.min(n, Integer.MAX_VALUE - 16);
    }

    private static final String SEPARATOR = "---\n# Source: ";
}
