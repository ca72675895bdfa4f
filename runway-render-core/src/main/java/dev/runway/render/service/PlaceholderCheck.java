package dev.runway.render.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds Flux placeholders that Maven has already replaced or emptied. Maven interpolates {@code ${...}} in POM
 * configuration (and a shell expands it on a command line) before a goal sees it, so
 * {@code <set>gcp.projectId=${gcp_project_id}</set>} can reach the chart as {@code gcp.projectId=} or with a
 * value baked in, and the manifest no longer carries the variable Flux fills in on the cluster.
 *
 * <p>Plain Java: it compares the POM's raw configuration text with the values the goal received.
 */
public final class PlaceholderCheck {

    /** The Flux variables the runway-eks chart relies on; replacing one before Flux does is always wrong. */
    private static final Set<String> CHART_FLUX_VARIABLES =
            Set.of("aws_account_id", "gcp_project_id", "gcp_project_number", "gcp_wip_id");
    /** Maven's CI-friendly version properties: replacing these is what the user wants. */
    private static final Set<String> MAVEN_PROPERTIES = Set.of("revision", "sha1", "changelist");

    private static final Pattern FLUX_NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    private static final String ADVICE =
            "put Flux placeholders in a values file (.runway/values.yaml), " + "which Maven does not interpolate";

    private PlaceholderCheck() {}

    /**
     * What each "${...}" of the text holds, as the expression \$\{([^}]*)} finds them. By hand: the expression tries
     * every later "${" again when no '}' follows, which took 1 s on 10,000 characters of "${" and minutes on 100,000.
     */
    static List<String> expressions(String text) {
        List<String> names = new ArrayList<>();
        for (int open = text.indexOf("${"); open >= 0; open = text.indexOf("${", open)) {
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                break; // no later "${" has a '}' after it either
            }
            names.add(text.substring(open + 2, close));
            open = close + 1;
        }
        return names;
    }

    /** A problem with one override entry. Errors stop the build. */
    public record Problem(boolean error, String message) {}

    /**
     * Finds entries that look like a placeholder Maven or the shell replaced with nothing.
     *
     * @param parameter  the parameter's name for messages ({@code set})
     * @param raw        the entries as written in the POM, before interpolation (empty when unknown)
     * @param effective  the entries the goal received
     */
    public static List<Problem> check(String parameter, List<String> raw, List<String> effective) {
        List<Problem> problems = new ArrayList<>();
        for (String entry : effective) {
            for (String assignment : entry.split(",", -1)) {
                int eq = assignment.indexOf('=');
                if (eq > 0 && assignment.substring(eq + 1).isBlank() && !assignment.endsWith("\\")) {
                    problems.add(new Problem(
                            true,
                            parameter + " entry '" + assignment.strip()
                                    + "' has an empty value. If it held a placeholder such as ${gcp_project_id}, Maven (or "
                                    + "your shell) replaced it with nothing: " + ADVICE
                                    + ". To set an empty value on purpose, set it in a values file too."));
                }
            }
        }
        for (String written : raw) {
            List<String> names = expressions(written);
            if (names.isEmpty() || effective.contains(written)) {
                continue;
            }
            String key = keyOf(written);
            for (String received : effective) {
                if (!keyOf(received).equals(key) || received.equals(written)) {
                    continue;
                }
                for (String name : names) {
                    if (written.contains("${" + name + "}")
                            && !received.contains("${" + name + "}")
                            && FLUX_NAME.matcher(name).matches()
                            && !MAVEN_PROPERTIES.contains(name)) {
                        boolean chartVariable = CHART_FLUX_VARIABLES.contains(name);
                        problems.add(new Problem(
                                chartVariable,
                                parameter + " entry '" + written.strip()
                                        + "' reached the goal as '" + received.strip() + "': Maven replaced ${" + name
                                        + "} from a property of the same name"
                                        + (chartVariable
                                                ? ", so Flux can no longer fill in this cluster's value; "
                                                : "; if ${" + name + "} is meant for Flux, ")
                                        + ADVICE + "."));
                    }
                }
            }
        }
        return problems;
    }

    private static String keyOf(String entry) {
        int eq = entry.indexOf('=');
        return (eq < 0 ? entry : entry.substring(0, eq)).strip();
    }
}
