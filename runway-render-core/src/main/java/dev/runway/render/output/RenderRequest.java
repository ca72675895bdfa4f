package dev.runway.render.output;

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
 */
public record RenderRequest(ChartSource chart, List<Path> valuesFiles, List<String> set, List<String> setString,
                            List<String> setFile, String releaseName, String namespace, String kubeVersion,
                            Path baseDirectory) {
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
    }

    /** The same request for another release name and namespace. */
    public RenderRequest withRelease(String newReleaseName, String newNamespace) {
        return new RenderRequest(chart, valuesFiles, set, setString, setFile, newReleaseName, newNamespace, kubeVersion,
                baseDirectory);
    }

    /** How messages name a values file: relative to the base directory when it lies below it. */
    public String displayName(Path file) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path absolute = base.resolve(file).normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString().replace('\\', '/') : file.toString();
    }
}
