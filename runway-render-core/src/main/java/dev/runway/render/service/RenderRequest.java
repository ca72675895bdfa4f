package dev.runway.render.service;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.values.MergedValues;
import dev.runway.render.values.UserValues;
import dev.runway.render.values.ValuesDocument;
import dev.runway.render.values.ValuesFileMemo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one render needs, as {@code helm template} takes it: the chart, values files (later ones win),
 * then {@code --set}, {@code --set-string} and {@code --set-file} overrides in Helm's syntax, and the release.
 *
 * @param chart         the chart
 * @param valuesFiles   values files, in order
 * @param set           {@code --set} entries ({@code a.b=1,c=x})
 * @param setString     {@code --set-string} entries
 * @param setFile       {@code --set-file} entries ({@code key=path}), paths relative to {@code baseDirectory}
 * @param releaseName   the release name
 * @param namespace     the release namespace
 * @param kubeVersion   the Kubernetes version for {@code .Capabilities} ({@code v1.33.0}); empty for the default
 * @param baseDirectory the directory relative paths are resolved against (the project's)
 * @param manifestValues values from the Runway service manifest ({@code .runway/runway.yml}), applied before the
 *                       values files so they can override them; null when the service has no manifest
 * @param helmVersion   the Helm version whose output to reproduce (null: {@link HelmVersion#DEFAULT})
 * @param valuesFileMemo the run's values files read once ({@link EnvironmentPlanner} gives each run's requests one);
 *                       null: the values files are read at every {@link #mergeValues()}
 */
public record RenderRequest(
        ChartSource chart,
        List<Path> valuesFiles,
        List<String> set,
        List<String> setString,
        List<String> setFile,
        String releaseName,
        String namespace,
        String kubeVersion,
        Path baseDirectory,
        ValuesDocument manifestValues,
        HelmVersion helmVersion,
        ValuesFileMemo valuesFileMemo) {

    /**
     * A request without a service manifest, rendering as the default Helm version and reading its values files at
     * every {@link #mergeValues()}; {@link #withHelmVersion} changes the version.
     */
    public RenderRequest(
            ChartSource chart,
            List<Path> valuesFiles,
            List<String> set,
            List<String> setString,
            List<String> setFile,
            String releaseName,
            String namespace,
            String kubeVersion,
            Path baseDirectory) {
        this(
                chart,
                valuesFiles,
                set,
                setString,
                setFile,
                releaseName,
                namespace,
                kubeVersion,
                baseDirectory,
                null,
                null,
                null);
    }

    public RenderRequest {
        Objects.requireNonNull(chart, "chart");
        valuesFiles = List.copyOf(valuesFiles);
        set = List.copyOf(set);
        setString = List.copyOf(setString);
        setFile = List.copyOf(setFile);
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        kubeVersion = Objects.requireNonNullElse(kubeVersion, "");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        helmVersion = helmVersion == null ? HelmVersion.DEFAULT : helmVersion;
    }

    /** The same request rendering as another Helm version. */
    public RenderRequest withHelmVersion(HelmVersion version) {
        return new RenderRequest(
                chart,
                valuesFiles,
                set,
                setString,
                setFile,
                releaseName,
                namespace,
                kubeVersion,
                baseDirectory,
                manifestValues,
                version,
                valuesFileMemo);
    }

    /** The same request for another release name and namespace. */
    public RenderRequest withRelease(String newReleaseName, String newNamespace) {
        return new RenderRequest(
                chart,
                valuesFiles,
                set,
                setString,
                setFile,
                newReleaseName,
                newNamespace,
                kubeVersion,
                baseDirectory,
                manifestValues,
                helmVersion,
                valuesFileMemo);
    }

    /** How messages name a values file: relative to the base directory when it lies below it. */
    public String displayName(Path file) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path absolute = base.resolve(file).normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString().replace('\\', '/')
                : file.toString();
    }

    /**
     * The user's values as {@code helm template} of the request's Helm version merges them: the manifest's values,
     * the values files (named relative to the base directory, {@code .runway/values.yaml:4:3}), then the {@code --set}
     * kinds. Errors name the file and line (or the flag).
     */
    public MergedValues mergeValues() {
        UserValues.Builder values =
                UserValues.builder().fileReaderRelativeTo(baseDirectory).helmVersion(helmVersion);
        if (valuesFileMemo != null) {
            values.memo(valuesFileMemo);
        }
        if (manifestValues != null) {
            values.valuesDocument(manifestValues);
        }
        for (Path file : valuesFiles) {
            values.valuesFile(baseDirectory.resolve(file), displayName(file));
        }
        for (String s : set) {
            values.set(s);
        }
        for (String s : setString) {
            values.setString(s);
        }
        for (String s : setFile) {
            values.setFile(s);
        }
        return values.build().merge();
    }

    /** The Kubernetes version the render and the checks target: {@link #kubeVersion()}, or Helm's default. */
    public String targetKubeVersion() {
        return kubeVersion.isEmpty() ? dev.runway.render.api.RenderOptions.DEFAULT_KUBE_VERSION : kubeVersion;
    }
}
