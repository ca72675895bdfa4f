package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructuralDiffTest {

    private static List<SnapshotResource> resources(String yaml) {
        List<SnapshotResource> result = new java.util.ArrayList<>();
        for (Object document : SnapshotYaml.loadAll(yaml, "test")) {
            result.add(SnapshotResource.of(document, "", result.size() + 1));
        }
        return result;
    }

    private static List<String> diff(String before, String after) {
        return StructuralDiff.compare(resources(before), resources(after)).stream()
                .map(SnapshotDifference::describe)
                .toList();
    }

    @Test
    void namedItemsAreMatchedByNameWhateverTheirPosition() {
        String before = """
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: a:1
                  - name: b
                    image: b:1
                """;
        String after = """
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: b
                    image: b:2
                  - name: a
                    image: a:1
                """;

        assertEquals(
                List.of(
                        "~ Pod/p spec.containers[b].image: \"b:1\" -> \"b:2\"",
                        "~ Pod/p spec.containers: items reordered, [\"a\", \"b\"] -> [\"b\", \"a\"]"),
                diff(before, after));
    }

    @Test
    void listsWithoutNamesAreComparedByIndex() {
        assertEquals(
                List.of("~ Pod/p spec.args[1]: \"--b\" -> \"--c\"", "+ Pod/p spec.args[2]: added \"--d\""),
                diff(
                        "kind: Pod\nmetadata: {name: p}\nspec:\n  args: [--a, --b]\n",
                        "kind: Pod\nmetadata: {name: p}\nspec:\n  args: [--a, --c, --d]\n"));
    }

    @Test
    void typeChangesAndRemovedKeysAreReported() {
        assertEquals(
                List.of("~ Pod/p spec.port: \"80\" -> 80", "- Pod/p spec.host: removed (was \"x\")"),
                diff(
                        "kind: Pod\nmetadata: {name: p}\nspec:\n  port: \"80\"\n  host: x\n",
                        "kind: Pod\nmetadata: {name: p}\nspec:\n  port: 80\n"));
    }

    @Test
    void resourcesInSeveralNamespacesAreLabelledWithTheirNamespace() {
        String before = """
                kind: Svc
                metadata: {name: s, namespace: a}
                spec: {x: 1}
                ---
                kind: Svc
                metadata: {name: s, namespace: b}
                spec: {x: 1}
                """;
        String after = """
                kind: Svc
                metadata: {name: s, namespace: a}
                spec: {x: 1}
                ---
                kind: Svc
                metadata: {name: s, namespace: b}
                spec: {x: 2}
                """;

        assertEquals(List.of("~ Svc/s (namespace b) spec.x: 1 -> 2"), diff(before, after));
    }

    @Test
    void documentsWithoutKindAndNameAreMatchedByPosition() {
        assertEquals(List.of("~ document 1 a: 1 -> 2"), diff("a: 1\n", "a: 2\n"));
    }
}
