package dev.runway.render.conformance;

import dev.runway.render.yaml.GoYaml;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user values of a case as {@code helm template -f ... --set ...} builds them: values files merged in order
 * (maps deep-merged, anything else replaced), then each --set on top. --set values are typed as Helm's strvals
 * types them: integers int64, true/false bool, null, everything else a string.
 */
final class UserValues {
    private UserValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(List<Path> valuesFiles, Map<String, Object> set) {
        Map<String, Object> base = new LinkedHashMap<>();
        for (Path file : valuesFiles) {
            Object read = GoYaml.read(ConformanceCase.readString(file), file.toString());
            if (read instanceof Map<?, ?> m) {
                merge(base, (Map<String, Object>) m);
            }
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            setPath(base, e.getKey().split("\\."), typed(String.valueOf(e.getValue())));
        }
        return base;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> base, Map<String, Object> override) {
        for (Map.Entry<String, Object> e : override.entrySet()) {
            Object existing = base.get(e.getKey());
            if (existing instanceof Map && e.getValue() instanceof Map) {
                merge((Map<String, Object>) existing, (Map<String, Object>) e.getValue());
            } else {
                base.put(e.getKey(), e.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void setPath(Map<String, Object> base, String[] path, Object value) {
        Map<String, Object> m = base;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = m.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(path[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.put(path[path.length - 1], value);
    }

    private static Object typed(String s) {
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        if (s.equalsIgnoreCase("null")) {
            return null;
        }
        if (s.equals("0")) {
            return 0L;
        }
        try {
            if (!s.isEmpty() && !(s.length() > 1 && s.startsWith("0"))) {
                return Long.parseLong(s);
            }
        } catch (NumberFormatException e) {
            // a string
        }
        return s;
    }
}
