package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded Helm chart: Chart.yaml, the default values, the optional values schema, the templates, the other
 * files (for {@code .Files}) and the subcharts under {@code charts/}. Immutable once loaded; render it as often
 * as you like.
 *
 * @param metadata     Chart.yaml
 * @param values       values.yaml in the Go value model (empty when the chart has none)
 * @param schema       values.schema.json text, or null
 * @param templates    files under templates/, in load order
 * @param files        every other file that .helmignore keeps
 * @param dependencies subcharts, in name order
 */
public record Chart(
        ChartMetadata metadata,
        Map<String, Object> values,
        String schema,
        List<ChartFile> templates,
        List<ChartFile> files,
        List<Chart> dependencies) {

    public Chart {
        templates = List.copyOf(templates);
        files = List.copyOf(files);
        dependencies = List.copyOf(dependencies);
    }

    public String name() {
        return metadata.name();
    }

    /** Helm's MaxDecompressedFileSize: Helm loads no bigger chart file (templates, values.yaml, README...). */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** Loads a chart from a directory, as the default Helm version ({@link HelmVersion#DEFAULT}) loads it. */
    public static Chart load(Path directory) {
        return load(directory, HelmVersion.DEFAULT);
    }

    /**
     * Loads a chart from a directory as this Helm version loads it: Helm 4 merges the YAML documents of values.yaml,
     * Helm 3 reads the first. Render it with the same version.
     */
    public static Chart load(Path directory, HelmVersion version) {
        return ChartLoader.loadDirectory(directory, version);
    }

    /** Loads a packaged chart (a .tgz file, as {@code helm package} writes it), as this Helm version loads it. */
    public static Chart loadArchive(Path archive, HelmVersion version) {
        return ChartLoader.loadArchive(archive, version);
    }

    /** Loads a chart packed as classpath resources, for example {@code charts/runway-eks} in the core jar. */
    public static Chart loadClasspath(String resourceDirectory) {
        return loadClasspath(resourceDirectory, HelmVersion.DEFAULT);
    }

    /** Loads a chart packed as classpath resources, as this Helm version loads it. */
    public static Chart loadClasspath(String resourceDirectory, HelmVersion version) {
        return ChartLoader.loadClasspath(resourceDirectory, Chart.class.getClassLoader(), version);
    }

    /**
     * Helm 4's loader (pkg/chart/loader/load.go LoadDir) takes apiVersion v1, v2 or none as a v2-format chart and v3
     * as the new format, which {@code helm template} then refuses; any other apiVersion is refused. Helm 3.21 takes
     * any apiVersion.
     */
    public void requireSupportedApiVersion(HelmVersion version) {
        if (!version.isHelm4()) {
            return;
        }
        switch (metadata.apiVersion()) {
            case "v1", "v2", "" -> {}
            case "v3" -> throw new RenderException("invalid chart apiVersion");
            default -> throw new RenderException("unsupported chart version");
        }
    }

    public boolean isLibrary() {
        return "library".equals(metadata.type());
    }

    /** The same chart with other subcharts (after conditions and aliases). */
    public Chart withDependencies(List<Chart> deps) {
        return new Chart(metadata, values, schema, templates, files, deps);
    }
}
