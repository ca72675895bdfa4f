package dev.runway.render.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an environment is named and selected, for the planner and the up-to-date check alike (java.base only, so
 * the check can use it without loading what planning loads).
 */
final class EnvironmentNames {
    private EnvironmentNames() {}

    /**
     * The environment's name: its configured name, stripped, or {@link EnvironmentPlanner#DEFAULT_ENVIRONMENT} for
     * the one unnamed environment; null for an unnamed one among several.
     */
    static String nameOf(EnvironmentPlanner.EnvironmentSettings environment, List<?> all) {
        if (environment.name() == null || environment.name().isBlank()) {
            return all.size() == 1 ? EnvironmentPlanner.DEFAULT_ENVIRONMENT : null;
        }
        return environment.name().strip();
    }

    /** Whether {@code name} can be an output folder's name (letters, digits, '-', '_', '.'). */
    static boolean isFolderName(String name) {
        return name.matches("[A-Za-z0-9][-A-Za-z0-9_.]*");
    }

    /** The names a comma-separated selection lists; empty: all environments. */
    static Set<String> selection(String selection) {
        Set<String> selected = new LinkedHashSet<>();
        if (selection != null) {
            for (String name : selection.split(",", -1)) {
                if (!name.isBlank()) {
                    selected.add(name.strip());
                }
            }
        }
        return selected;
    }
}
