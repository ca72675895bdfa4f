package dev.runway.render.verify;

import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Label selectors ({@code matchLabels} and {@code matchExpressions}) evaluated against label sets. */
final class Selectors {
    private Selectors() {}

    /** The string entries of a mapping (labels, annotations, matchLabels); non-scalars are skipped. */
    static Map<String, String> strings(Optional<YMap> map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map.isPresent()) {
            for (Map.Entry<String, YNode> e : map.get().entries().entrySet()) {
                if (e.getValue() instanceof YScalar s) {
                    out.put(e.getKey(), s.type() == YNode.ScalarType.NULL ? "" : s.value());
                }
            }
        }
        return out;
    }

    /** True when the selector has no requirement at all (it would select everything, or is rejected). */
    static boolean isEmpty(YMap selector) {
        return strings(selector.map("matchLabels")).isEmpty()
                && selector.list("matchExpressions").isEmpty();
    }

    /** Whether a LabelSelector (apps/v1 style) selects the labels. */
    static boolean matches(YMap selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : strings(selector.map("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (YNode node : selector.list("matchExpressions")) {
            if (!(node instanceof YMap expr)) {
                continue;
            }
            String key = expr.text("key").orElse("");
            String operator = expr.text("operator").orElse("");
            List<String> values = new ArrayList<>();
            for (YNode v : expr.list("values")) {
                if (v instanceof YScalar s) {
                    values.add(s.value());
                }
            }
            boolean has = labels.containsKey(key);
            boolean ok = switch (operator) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a plain map selector (Service spec.selector) selects the labels. */
    static boolean matchesMap(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
