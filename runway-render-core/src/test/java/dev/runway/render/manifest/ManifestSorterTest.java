package dev.runway.render.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderedManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSorterTest {

    @Test
    void splitsTrimsAndDropsEmptyDocuments() {
        assertEquals(List.of("a: 1", "b: 2"), ManifestSplitter.split("\n---\na: 1\n---\n\n  b: 2\n\n"));
        // As in Helm, a separator right after another one's trailing white space is not a separator.
        assertEquals(List.of("a: 1", "---\nb: 2"), ManifestSplitter.split("a: 1\n---\n---\nb: 2"));
    }

    @Test
    void sortsByInstallOrderThenUnknownKindsAlphabetically() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("c/templates/b.yaml", "kind: Deployment\nmetadata:\n  name: d\n---\nkind: Zed\n---\nkind: Alpha\n");
        files.put("c/templates/a.yaml", "kind: Service\nmetadata:\n  name: s\n---\nkind: ServiceAccount\n");
        List<RenderedManifest> sorted = ManifestSorter.sort(files);
        assertEquals(
                List.of("ServiceAccount", "Service", "Deployment", "Alpha", "Zed"),
                sorted.stream().map(RenderedManifest::kind).toList());
        assertEquals("d", sorted.get(2).name());
    }

    @Test
    void manifestsOfOneKindKeepTheOrderOfTheirPathsUtf8Bytes() {
        // As Go sorts strings: by UTF-8 bytes, so U+FF21 (EF BC A1) comes before U+1F600 (F0 9F 98 80), which Java's
        // UTF-16 order would put first, and upper case before lower case.
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("z", "\uD83D\uDE00", "b", "\uFF21", "B")) {
            files.put("c/templates/" + name + ".yaml", "kind: ConfigMap\nmetadata:\n  name: " + name + "\n");
        }
        assertEquals(
                List.of("B", "b", "z", "\uFF21", "\uD83D\uDE00"),
                ManifestSorter.sort(files).stream().map(RenderedManifest::name).toList());
    }

    @Test
    void dropsNotesPartialsBlankFilesAndHooks() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("c/templates/NOTES.txt", "kind: Notes\n");
        files.put("c/templates/_p.tpl", "kind: Partial\n");
        files.put("c/templates/blank.yaml", " \n\t\n");
        files.put("c/templates/hook.yaml", "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install\n");
        files.put("c/templates/cm.yaml", "kind: ConfigMap\n");
        List<RenderedManifest> sorted = ManifestSorter.sort(files);
        assertEquals(1, sorted.size());
        assertEquals("---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\n", ManifestSorter.join(sorted));
    }

    @Test
    void aDocumentThatIsNotAMapFailsLikeHelm() {
        RenderException e = assertThrows(
                RenderException.class, () -> ManifestSorter.sort(Map.of("c/templates/x.yaml", "just text\n")));
        assertEquals(
                "YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: json: "
                        + "cannot unmarshal string into Go value of type util.SimpleHead",
                e.getMessage());
        RenderException helm3 = assertThrows(
                RenderException.class,
                () -> ManifestSorter.sortWithHooks(Map.of("c/templates/x.yaml", "just text\n"), HelmVersion.HELM_3_21));
        assertTrue(helm3.getMessage().endsWith("into Go value of type releaseutil.SimpleHead"), helm3.getMessage());
    }

    @Test
    void helm4InstallsWebhookConfigurationsLastAndHelm3KeepsThemWithUnknownKinds() {
        Map<String, String> files = Map.of("c/templates/a.yaml", """
                        kind: ValidatingWebhookConfiguration
                        ---
                        kind: MutatingWebhookConfiguration
                        ---
                        kind: APIService
                        ---
                        kind: AUnknownKind
                        ---
                        kind: Deployment
                        """);
        assertEquals(
                List.of(
                        "Deployment",
                        "APIService",
                        "MutatingWebhookConfiguration",
                        "ValidatingWebhookConfiguration",
                        "AUnknownKind"),
                ManifestSorter.sortWithHooks(files, HelmVersion.HELM_4_1).generic().stream()
                        .map(RenderedManifest::kind)
                        .toList());
        assertEquals(
                List.of(
                        "Deployment",
                        "APIService",
                        "AUnknownKind",
                        "MutatingWebhookConfiguration",
                        "ValidatingWebhookConfiguration"),
                ManifestSorter.sortWithHooks(files, HelmVersion.HELM_3_21).generic().stream()
                        .map(RenderedManifest::kind)
                        .toList());
    }

    @Test
    void nothingToPrintIsOneNewlineAsTheHelmTemplateCommandPrintsIt() {
        ManifestSorter.Sorted sorted = ManifestSorter.sortWithHooks(
                Map.of("c/templates/a.yaml", " \n", "c/templates/NOTES.txt", "notes"), HelmVersion.HELM_4_1);
        assertEquals("\n", sorted.output());
    }

    @Test
    void yamlSyntaxErrorsUseGoYamlWords() {
        RenderException e = assertThrows(
                RenderException.class, () -> ManifestSorter.sort(Map.of("c/templates/x.yaml", "a: b: c\n")));
        assertTrue(e.getMessage().endsWith("yaml: mapping values are not allowed in this context"), e.getMessage());
    }

    /**
     * The helm template command (cmd/helm/template.go) prints the release manifest, then each hook as
     * {@code ---\n# Source: path\nmanifest\n}; releaseutil.SortManifests sorts hooks by kind like the manifests and
     * drops a hook whose event it does not know.
     */
    @Test
    void hooksFollowTheManifestsInKindOrderAndUnknownEventsAreDropped() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("c/templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: cm\n");
        files.put("c/templates/job.yaml", """
                kind: Job
                metadata:
                  name: migrate
                  annotations:
                    helm.sh/hook: pre-install,pre-upgrade
                """);
        files.put("c/templates/sa.yaml", """
                kind: ServiceAccount
                metadata:
                  name: hook-sa
                  annotations:
                    helm.sh/hook: Test
                """);
        files.put("c/templates/odd.yaml", """
                kind: Pod
                metadata:
                  name: odd
                  annotations:
                    helm.sh/hook: post-something
                """);
        ManifestSorter.Sorted sorted = ManifestSorter.sortWithHooks(files);
        assertEquals(
                List.of("cm"),
                sorted.generic().stream().map(RenderedManifest::name).toList());
        assertEquals(
                List.of("hook-sa", "migrate"),
                sorted.hooks().stream().map(RenderedManifest::name).toList());
        assertEquals("""
                ---
                # Source: c/templates/cm.yaml
                kind: ConfigMap
                metadata:
                  name: cm
                ---
                # Source: c/templates/sa.yaml
                kind: ServiceAccount
                metadata:
                  name: hook-sa
                  annotations:
                    helm.sh/hook: Test
                ---
                # Source: c/templates/job.yaml
                kind: Job
                metadata:
                  name: migrate
                  annotations:
                    helm.sh/hook: pre-install,pre-upgrade
                """, sorted.output());
        assertEquals(
                List.of("cm"),
                ManifestSorter.sort(files).stream().map(RenderedManifest::name).toList(),
                "without hooks, as helm-java returns the release");
    }

    /** releaseutil splits the annotation with strings.Split: a trailing or doubled comma is an empty, unknown event. */
    @Test
    void anEmptyEventInTheHookListDropsTheHookAsInHelm() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "c/templates/trailing.yaml",
                "kind: Job\nmetadata:\n  name: trailing\n  annotations:\n    helm.sh/hook: pre-install,\n");
        files.put(
                "c/templates/doubled.yaml",
                "kind: Job\nmetadata:\n  name: doubled\n  annotations:\n    helm.sh/hook: pre-install,,post-install\n");
        files.put(
                "c/templates/spaced.yaml",
                "kind: Job\nmetadata:\n  name: spaced\n  annotations:\n    helm.sh/hook: pre-install, post-install\n");
        assertEquals(
                List.of("spaced"),
                ManifestSorter.sortWithHooks(files).hooks().stream()
                        .map(RenderedManifest::name)
                        .toList());
    }

    @Test
    void onlyHooksStillStartWithHelmsEmptyManifestLine() {
        ManifestSorter.Sorted sorted = ManifestSorter.sortWithHooks(Map.of(
                "c/templates/job.yaml",
                "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: post-install\n"));
        assertEquals("""

                ---
                # Source: c/templates/job.yaml
                kind: Job
                metadata:
                  name: j
                  annotations:
                    helm.sh/hook: post-install
                """, sorted.output());
    }
}
