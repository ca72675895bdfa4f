package dev.runway.render.service;

import java.nio.file.Path;
import java.util.List;

/**
 * The parameters of a goal as mutable fields, for tests that configure a few of them and leave the rest unset (null),
 * as a POM without that parameter does; {@link #build()} makes the planner's {@link EnvironmentPlanner.Settings} record.
 * One place for the record's 23 positional components, so a new parameter changes one test helper.
 */
class GoalSettings {
    String goal = "runway:render";
    Path baseDirectory;
    Path chartDirectory;
    List<Path> valuesFiles;
    List<Path> extraValuesFiles;
    List<String> set;
    List<String> setString;
    List<String> setFile;
    List<String> extraSet;
    List<String> extraSetString;
    List<String> extraSetFile;
    String serviceId;
    Path manifest;
    List<String> ignoredManifestFields;
    String image;
    String releaseName;
    String namespace;
    String kubeVersion;
    String helmVersion;
    List<EnvironmentPlanner.EnvironmentSettings> environments;
    String selection;
    Path committedManifestsRoot;
    EnvironmentPlanner.Origins origins = EnvironmentPlanner.Origins.none();

    GoalSettings(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    EnvironmentPlanner.Settings build() {
        return new EnvironmentPlanner.Settings(
                goal,
                baseDirectory,
                chartDirectory,
                valuesFiles,
                extraValuesFiles,
                set,
                setString,
                setFile,
                extraSet,
                extraSetString,
                extraSetFile,
                serviceId,
                manifest,
                ignoredManifestFields,
                image,
                releaseName,
                namespace,
                kubeVersion,
                helmVersion,
                environments,
                selection,
                committedManifestsRoot,
                origins);
    }
}
