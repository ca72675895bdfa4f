package dev.runway.render.unittest;

import java.util.List;
import java.util.Map;

/**
 * What a validator sees (validators/common.go ValidateContext): the documents of one template, the ones the
 * assertion selected, whether it is negated, the test's snapshot comparer, and the render error when rendering
 * failed before any template ran.
 */
record ValidateContext(
        List<Map<String, Object>> docs,
        List<Map<String, Object>> selectedDocs,
        boolean negative,
        SnapshotComparer comparer,
        String renderError,
        boolean failFast) {

    /** Compares one value with the test's next snapshot. */
    interface SnapshotComparer {
        SnapshotCache.Compared compare(Object content, String matchPattern, String notMatchPattern);
    }

    List<Map<String, Object>> manifests() {
        return selectedDocs == null ? docs : selectedDocs;
    }
}
