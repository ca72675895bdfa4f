package dev.runway.render.unittest;

import dev.runway.render.chart.Chart;
import dev.runway.render.chart.ChartDependency;
import java.util.List;
import java.util.Map;

/** Whether a subchart's own suites run: its condition, else its tags, as helm-unittest evaluates them. */
final class Subcharts {
    private Subcharts() {}

    static boolean enabled(Chart parent, Chart sub, Map<String, Object> values) {
        for (ChartDependency dep : parent.metadata().dependencies()) {
            String match = dep.alias().isEmpty() ? dep.name() : dep.alias();
            if (!match.equals(sub.name())) {
                continue;
            }
            if (!dep.condition().isEmpty()) {
                return condition(dep.condition(), values);
            }
            if (dep.tags() != null && !dep.tags().isEmpty()) {
                return tags(dep.tags(), values);
            }
            return true;
        }
        return true;
    }

    /** evaluateConditionPath: true unless the path leads to a boolean false. */
    private static boolean condition(String path, Map<String, Object> values) {
        Object current = values;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(parts[i])) {
                return true;
            }
            Object next = m.get(parts[i]);
            if (i == parts.length - 1) {
                return !(next instanceof Boolean b) || b;
            }
            current = next;
        }
        return true;
    }

    /** evaluateTagsCondition: enabled when any tag is true, or when tags are not set in the values. */
    private static boolean tags(List<?> tags, Map<String, Object> values) {
        if (!(values.get("tags") instanceof Map<?, ?> set)) {
            return true;
        }
        for (Object tag : tags) {
            if (set.get(String.valueOf(tag)) instanceof Boolean b && b) {
                return true;
            }
        }
        return false;
    }
}
