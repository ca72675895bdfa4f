package dev.runway.maven;

import dev.runway.render.service.EnvironmentPlanner;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One named environment of {@code runway:render} and {@code runway:verify}, configured in the POM:
 * <pre>{@code
 * <environment>
 *   <name>production</name>
 *   <valuesFiles><valuesFile>.runway/production.yaml</valuesFile></valuesFiles>
 *   <set><set>replicas=4</set></set>
 * </environment>
 * }</pre>
 * Its values files and overrides come after the goal's own, so they win. Keep Flux placeholders such as
 * {@code ${gcp_project_id}} in values files: Maven interpolates {@code ${...}} in the POM.
 */
public class Environment {

    /** The environment's name: the output folder {@code target/runway/<name>/}. */
    private String name;
    /** Values files for this environment, after the goal's own. */
    private List<File> valuesFiles = new ArrayList<>();
    /** {@code --set} entries for this environment. */
    private List<String> set = new ArrayList<>();
    /** {@code --set-string} entries for this environment. */
    private List<String> setString = new ArrayList<>();
    /** {@code --set-file} entries for this environment. */
    private List<String> setFile = new ArrayList<>();
    /** Release name for this environment; defaults to the goal's. */
    private String releaseName;
    /** Release namespace for this environment; defaults to the goal's. */
    private String namespace;
    /** Committed manifests of this environment for drift checks; defaults to {@code <committedManifestsDirectory>/<name>}. */
    private File committedManifests;
    /** The Runway service manifest of this environment; defaults to the goal's (or its {@code runway-<name>.yml}). */
    private File manifest;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<File> getValuesFiles() {
        return valuesFiles == null ? List.of() : valuesFiles;
    }

    public List<String> getSet() {
        return set == null ? List.of() : set;
    }

    public List<String> getSetString() {
        return setString == null ? List.of() : setString;
    }

    public List<String> getSetFile() {
        return setFile == null ? List.of() : setFile;
    }

    public String getReleaseName() {
        return releaseName;
    }

    public String getNamespace() {
        return namespace;
    }

    public File getCommittedManifests() {
        return committedManifests;
    }

    public File getManifest() {
        return manifest;
    }

    private List<Path> valuesFilePaths() {
        List<Path> paths = new ArrayList<>();
        for (File file : getValuesFiles()) {
            paths.add(file.toPath());
        }
        return Collections.unmodifiableList(paths);
    }

    /** This environment for runway-render-core's planner. */
    EnvironmentPlanner.EnvironmentSettings settings() {
        return new EnvironmentPlanner.EnvironmentSettings(
                name,
                valuesFilePaths(),
                getSet(),
                getSetString(),
                getSetFile(),
                releaseName,
                namespace,
                AbstractRunwayMojo.path(committedManifests),
                AbstractRunwayMojo.path(manifest));
    }
}
