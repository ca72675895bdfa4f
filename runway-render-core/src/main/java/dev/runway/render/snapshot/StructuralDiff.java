package dev.runway.render.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a stored snapshot with the rendered resources, field by field. Resources are matched by kind, namespace
 * and name (their order is not compared); list items that all carry a unique {@code name} are matched by name, as
 * Kubernetes merges containers, env entries, ports and volumes; other lists by index.
 */
final class StructuralDiff {

    private StructuralDiff() {}

    static List<SnapshotDifference> compare(List<SnapshotResource> expected, List<SnapshotResource> actual) {
        Set<String> ambiguous = ambiguousNames(expected, actual);
        Map<String, SnapshotResource> expectedByKey = byKey(expected);
        Map<String, SnapshotResource> actualByKey = byKey(actual);
        List<SnapshotDifference> differences = new ArrayList<>();
        for (Map.Entry<String, SnapshotResource> entry : expectedByKey.entrySet()) {
            SnapshotResource before = entry.getValue();
            SnapshotResource after = actualByKey.get(entry.getKey());
            String label = before.label(ambiguous.contains(before.kind() + "/" + before.name()));
            if (after == null) {
                differences.add(new SnapshotDifference(
                        label, FieldPath.ROOT, SnapshotDifference.Change.REMOVED, before.content(), null));
            } else {
                compareValues(label, FieldPath.ROOT, before.content(), after.content(), differences);
            }
        }
        for (Map.Entry<String, SnapshotResource> entry : actualByKey.entrySet()) {
            if (!expectedByKey.containsKey(entry.getKey())) {
                SnapshotResource after = entry.getValue();
                String label = after.label(ambiguous.contains(after.kind() + "/" + after.name()));
                differences.add(new SnapshotDifference(
                        label, FieldPath.ROOT, SnapshotDifference.Change.ADDED, null, after.content()));
            }
        }
        return differences;
    }

    /** Kind/name pairs that occur in more than one namespace: their labels need the namespace. */
    private static Set<String> ambiguousNames(List<SnapshotResource> expected, List<SnapshotResource> actual) {
        Map<String, Set<String>> namespaces = new HashMap<>();
        for (List<SnapshotResource> list : List.of(expected, actual)) {
            for (SnapshotResource r : list) {
                namespaces
                        .computeIfAbsent(r.kind() + "/" + r.name(), k -> new HashSet<>())
                        .add(r.namespace());
            }
        }
        Set<String> result = new HashSet<>();
        namespaces.forEach((k, v) -> {
            if (v.size() > 1) {
                result.add(k);
            }
        });
        return result;
    }

    /** Keys in document order; a repeated key (a chart rendering the same resource twice) gets a counter. */
    private static Map<String, SnapshotResource> byKey(List<SnapshotResource> resources) {
        Map<String, SnapshotResource> result = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int unidentified = 0;
        for (SnapshotResource r : resources) {
            String key;
            if (r.identified()) {
                int n = seen.merge(r.key(), 1, Integer::sum);
                key = n == 1 ? r.key() : r.key() + "#" + n;
            } else {
                key = "#" + ++unidentified;
            }
            result.put(key, r);
        }
        return result;
    }

    private static void compareValues(
            String resource, FieldPath path, Object expected, Object actual, List<SnapshotDifference> out) {
        if (expected instanceof Map<?, ?> before && actual instanceof Map<?, ?> after) {
            for (Map.Entry<?, ?> entry : before.entrySet()) {
                FieldPath child = path.key(String.valueOf(entry.getKey()));
                if (!after.containsKey(entry.getKey())) {
                    out.add(new SnapshotDifference(
                            resource, child, SnapshotDifference.Change.REMOVED, entry.getValue(), null));
                } else {
                    compareValues(resource, child, entry.getValue(), after.get(entry.getKey()), out);
                }
            }
            for (Map.Entry<?, ?> entry : after.entrySet()) {
                if (!before.containsKey(entry.getKey())) {
                    out.add(new SnapshotDifference(
                            resource,
                            path.key(String.valueOf(entry.getKey())),
                            SnapshotDifference.Change.ADDED,
                            null,
                            entry.getValue()));
                }
            }
        } else if (expected instanceof List<?> before && actual instanceof List<?> after) {
            if (namedItems(before) && namedItems(after)) {
                compareNamedLists(resource, path, before, after, out);
            } else {
                compareIndexedLists(resource, path, before, after, out);
            }
        } else if (!scalarEquals(expected, actual)) {
            out.add(new SnapshotDifference(resource, path, SnapshotDifference.Change.CHANGED, expected, actual));
        }
    }

    private static void compareNamedLists(
            String resource, FieldPath path, List<?> before, List<?> after, List<SnapshotDifference> out) {
        Map<String, Object> afterByName = new LinkedHashMap<>();
        for (Object item : after) {
            afterByName.put(itemName(item), item);
        }
        List<String> beforeOrder = new ArrayList<>();
        Set<String> beforeNames = new HashSet<>();
        for (Object item : before) {
            String name = itemName(item);
            beforeNames.add(name);
            FieldPath child = path.item(name);
            if (!afterByName.containsKey(name)) {
                out.add(new SnapshotDifference(resource, child, SnapshotDifference.Change.REMOVED, item, null));
            } else {
                beforeOrder.add(name);
                compareValues(resource, child, item, afterByName.get(name), out);
            }
        }
        List<String> afterOrder = new ArrayList<>();
        for (Map.Entry<String, Object> entry : afterByName.entrySet()) {
            if (beforeNames.contains(entry.getKey())) {
                afterOrder.add(entry.getKey());
            } else {
                out.add(new SnapshotDifference(
                        resource, path.item(entry.getKey()), SnapshotDifference.Change.ADDED, null, entry.getValue()));
            }
        }
        if (!beforeOrder.equals(afterOrder)) {
            out.add(new SnapshotDifference(
                    resource, path, SnapshotDifference.Change.REORDERED, beforeOrder, afterOrder));
        }
    }

    private static void compareIndexedLists(
            String resource, FieldPath path, List<?> before, List<?> after, List<SnapshotDifference> out) {
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            compareValues(resource, path.item(Integer.toString(i)), before.get(i), after.get(i), out);
        }
        for (int i = common; i < before.size(); i++) {
            out.add(new SnapshotDifference(
                    resource, path.item(Integer.toString(i)), SnapshotDifference.Change.REMOVED, before.get(i), null));
        }
        for (int i = common; i < after.size(); i++) {
            out.add(new SnapshotDifference(
                    resource, path.item(Integer.toString(i)), SnapshotDifference.Change.ADDED, null, after.get(i)));
        }
    }

    /** True when every item is a map with a scalar {@code name}, and the names are unique. */
    private static boolean namedItems(List<?> list) {
        if (list.isEmpty()) {
            return true;
        }
        Set<String> names = new HashSet<>();
        for (Object item : list) {
            String name = itemName(item);
            if (name == null || !names.add(name)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code name} of a list item, or {@code null} when it has none. */
    static String itemName(Object item) {
        if (item instanceof Map<?, ?> map) {
            Object name = map.get("name");
            if (name != null && !(name instanceof Map) && !(name instanceof List)) {
                return String.valueOf(name);
            }
        }
        return null;
    }

    private static boolean scalarEquals(Object expected, Object actual) {
        if (expected instanceof byte[] a && actual instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        return Objects.equals(expected, actual);
    }
}
