package dev.runway.render.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replaces masked fields with {@link SnapshotOptions#MASK_MARKER}, in place, in freshly parsed resources. */
final class Masking {

    private Masking() {}

    /**
     * Applies every mask to the resources it concerns.
     *
     * @throws IllegalArgumentException naming the mask when a mask matches no field at all (usually a typo)
     */
    static void apply(List<SnapshotResource> resources, List<SnapshotOptions.Mask> masks) {
        for (SnapshotOptions.Mask mask : masks) {
            int matched = 0;
            for (SnapshotResource resource : resources) {
                if (mask.appliesTo(resource)) {
                    matched += maskIn(resource.content(), mask.path().segments(), 0);
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException("snapshot mask '" + mask + "' matches no field of the selected "
                        + "resources (" + labels(resources) + "); check the path against a failure message or the "
                        + "snapshot file, or remove the mask");
            }
        }
    }

    private static String labels(List<SnapshotResource> resources) {
        List<String> labels = new ArrayList<>();
        for (SnapshotResource resource : resources) {
            labels.add(resource.label(false));
        }
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }

    @SuppressWarnings("unchecked")
    private static int maskIn(Object node, List<FieldPath.Segment> segments, int depth) {
        FieldPath.Segment segment = segments.get(depth);
        boolean last = depth == segments.size() - 1;
        int count = 0;
        if (node instanceof Map<?, ?> raw) {
            Map<Object, Object> map = (Map<Object, Object>) raw;
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                if (segment.matches(String.valueOf(entry.getKey()))) {
                    if (last) {
                        entry.setValue(SnapshotOptions.MASK_MARKER);
                        count++;
                    } else {
                        count += maskIn(entry.getValue(), segments, depth + 1);
                    }
                }
            }
        } else if (node instanceof List<?> raw) {
            List<Object> list = (List<Object>) raw;
            List<Integer> targets = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String name = StructuralDiff.itemName(list.get(i));
                if ("*".equals(segment.text()) || (name != null && segment.matches(name))) {
                    targets.add(i);
                }
            }
            if (targets.isEmpty()
                    && FieldPath.isIndex(segment.text())
                    && Integer.parseInt(segment.text()) < list.size()) {
                targets.add(Integer.parseInt(segment.text()));
            }
            for (int i : targets) {
                if (last) {
                    list.set(i, SnapshotOptions.MASK_MARKER);
                    count++;
                } else {
                    count += maskIn(list.get(i), segments, depth + 1);
                }
            }
        }
        return count;
    }
}
