package dev.runway.render.unittest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * documentSelector: the documents whose value at {@code path} equals {@code value} (or that have the path at all
 * when no value is given), across the asserted templates (valueutils/documentselector.go).
 */
record DocumentSelector(String path, Object value, boolean matchMany, boolean skipEmptyTemplates) {

    static DocumentSelector parse(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return null;
        }
        if (!(m.get("path") instanceof String path)) {
            throw new UnittestException("empty 'documentSelector.path' not supported");
        }
        return new DocumentSelector(
                path,
                m.get("value"),
                Boolean.TRUE.equals(m.get("matchMany")),
                Boolean.TRUE.equals(m.get("skipEmptyTemplates")));
    }

    /** The selected documents by template, or an error message ("document not found", "multiple indexes found"). */
    Map<String, List<Map<String, Object>>> select(Map<String, List<Map<String, Object>>> byTemplate) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : byTemplate.entrySet()) {
            List<Map<String, Object>> filtered = new ArrayList<>();
            for (Map<String, Object> doc : e.getValue()) {
                if (matches(doc)) {
                    if (!matchMany && !filtered.isEmpty()) {
                        throw new SelectionException("multiple indexes found");
                    }
                    filtered.add(doc);
                }
            }
            if (!skipEmptyTemplates && filtered.isEmpty()) {
                throw new SelectionException("document not found");
            }
            total += filtered.size();
            if (!matchMany && total > 1) {
                throw new SelectionException("multiple indexes found");
            }
            if (!filtered.isEmpty() || !skipEmptyTemplates) {
                out.put(e.getKey(), filtered);
            }
        }
        return out;
    }

    private boolean matches(Map<String, Object> doc) {
        List<Object> found;
        try {
            found = ValuePaths.get(doc, path);
        } catch (ValuePaths.PathException e) {
            throw new SelectionException(e.getMessage());
        }
        for (Object v : found) {
            if (value == null || Objects.equals(value, v)) {
                return true;
            }
        }
        return false;
    }

    /** The selection failed; helm-unittest reports it as the assertion's error. */
    static final class SelectionException extends RuntimeException {
        SelectionException(String message) {
            super(message);
        }
    }
}
