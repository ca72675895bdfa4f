package dev.runway.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The user values of a render, as {@code helm template -f ... --set ...} takes them: values files and the three
 * kinds of overrides, each from the POM and (the {@code extra} ones) added from the command line.
 */
abstract class AbstractValuesMojo extends AbstractRunwayMojo {

    /**
     * Values files, in order (later ones win). Default: {@code .runway/values.yaml} when it exists.
     * Put Flux placeholders such as {@code ${gcp_project_id}} here, not in the POM.
     */
    @Parameter(property = "runway.valuesFiles")
    protected List<File> valuesFiles;

    /** {@code --set} entries in Helm's syntax ({@code replicas=3}, {@code image.tag=1.2.0,port=8081}). */
    @Parameter(property = "runway.set")
    protected List<String> set;

    /** {@code --set-string} entries: values stay strings. */
    @Parameter(property = "runway.setString")
    protected List<String> setString;

    /** {@code --set-file} entries ({@code key=path}): the value is the file's content. */
    @Parameter(property = "runway.setFile")
    protected List<String> setFile;

    /**
     * More values files, after the POM's and the environment's: for the command line
     * ({@code -Drunway.extraValuesFiles=local.yaml}). {@code -Drunway.valuesFiles} would replace the POM's list.
     */
    @Parameter(property = "runway.extraValuesFiles")
    protected List<File> extraValuesFiles;

    /**
     * More {@code --set} entries, after the POM's and the environment's: for the command line
     * ({@code -Drunway.extraSet=replicas=3}). Maven gives a list parameter its property's value instead of the POM's,
     * so {@code -Drunway.set} would replace the POM's entries; these add to them.
     */
    @Parameter(property = "runway.extraSet")
    protected List<String> extraSet;

    /** More {@code --set-string} entries, after the POM's and the environment's ({@code -Drunway.extraSetString=...}). */
    @Parameter(property = "runway.extraSetString")
    protected List<String> extraSetString;

    /** More {@code --set-file} entries, after the POM's and the environment's ({@code -Drunway.extraSetFile=...}). */
    @Parameter(property = "runway.extraSetFile")
    protected List<String> extraSetFile;

    static List<Path> paths(List<File> files) {
        if (files == null) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (File file : files) {
            paths.add(path(file));
        }
        return Collections.unmodifiableList(paths);
    }
}
