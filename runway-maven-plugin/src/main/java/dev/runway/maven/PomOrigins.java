package dev.runway.maven;

import dev.runway.render.service.EnvironmentPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where a goal's overrides came from, as only Maven knows it: the entries as written in the POM before Maven
 * interpolated them, and which list properties were given on the command line (Maven gives a list parameter its
 * property's value, so {@code -Drunway.set=...} replaces the POM's {@code <set>} entries without a word).
 */
final class PomOrigins {

    /** The list parameters, the property that replaces each and the property that adds to it. */
    private static final String[][] LISTS = {
        {"set", "runway.set", "runway.extraSet"},
        {"setString", "runway.setString", "runway.extraSetString"},
        {"setFile", "runway.setFile", "runway.extraSetFile"},
        {"valuesFiles", "runway.valuesFiles", "runway.extraValuesFiles"}
    };

    private PomOrigins() {}

    static EnvironmentPlanner.Origins of(MavenProject project, MavenSession session) {
        Map<String, List<String>> written = new LinkedHashMap<>();
        Set<String> commandLine = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (String[] list : LISTS) {
            String property = userProperty(session, list[1]);
            if (property != null) {
                commandLine.add(list[0]);
            }
            List<String> inPom = rawConfiguration(project, list[0], false);
            if (property != null && !inPom.isEmpty()) {
                warnings.add("-D" + list[1] + "=" + property + " replaced the POM's <" + list[0] + "> " + inPom
                        + " (Maven gives a list parameter its property's value); to add to the POM's entries "
                        + "instead, use -D" + list[2] + "=...");
            }
            written.put(list[0], rawConfiguration(project, list[0], true));
        }
        return new EnvironmentPlanner.Origins(written, commandLine, warnings);
    }

    private static String userProperty(MavenSession session, String property) {
        return session == null || session.getUserProperties() == null
                ? null
                : session.getUserProperties().getProperty(property);
    }

    /**
     * The entries of {@code parameter} as written in this project's POM, before Maven interpolated them: from this
     * plugin's configuration in build plugins and plugin management, executions included.
     *
     * @param inEnvironments also the entries of each {@code <environment>} (else the goal's own only)
     */
    private static List<String> rawConfiguration(MavenProject project, String parameter, boolean inEnvironments) {
        List<String> raw = new ArrayList<>();
        if (project.getOriginalModel() == null || project.getOriginalModel().getBuild() == null) {
            return raw;
        }
        var build = project.getOriginalModel().getBuild();
        List<Plugin> plugins = new ArrayList<>(build.getPlugins());
        if (build.getPluginManagement() != null) {
            plugins.addAll(build.getPluginManagement().getPlugins());
        }
        for (Plugin plugin : plugins) {
            if (!"runway-maven-plugin".equals(plugin.getArtifactId())) {
                continue;
            }
            collect(plugin.getConfiguration(), parameter, false, inEnvironments, raw);
            for (PluginExecution execution : plugin.getExecutions()) {
                collect(execution.getConfiguration(), parameter, false, inEnvironments, raw);
            }
        }
        return raw;
    }

    private static void collect(
            Object configuration, String parameter, boolean inside, boolean inEnvironments, List<String> out) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        boolean here = inside || dom.getName().equals(parameter);
        if (dom.getChildCount() == 0) {
            if (here && dom.getValue() != null) {
                out.add(dom.getValue());
            }
            return;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            if (!here && !inEnvironments && child.getName().equals("environments")) {
                continue;
            }
            collect(child, parameter, here, inEnvironments, out);
        }
    }
}
