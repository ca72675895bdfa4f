package dev.runway.render.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one verification run; each check adds to it. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    void add(Finding finding) {
        list.add(finding);
    }

    void error(Resource r, String check, String path, int line, String message, String fix) {
        add(Severity.ERROR, r, check, path, line, message, fix);
    }

    void warning(Resource r, String check, String path, int line, String message, String fix) {
        add(Severity.WARNING, r, check, path, line, message, fix);
    }

    void info(Resource r, String check, String path, int line, String message, String fix) {
        add(Severity.INFO, r, check, path, line, message, fix);
    }

    void add(Severity severity, Resource r, String check, String path, int line, String message, String fix) {
        list.add(new Finding(
                severity,
                check,
                r == null ? ResourceRef.none() : r.ref(),
                path,
                message,
                fix,
                r == null ? "" : r.file(),
                line));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
