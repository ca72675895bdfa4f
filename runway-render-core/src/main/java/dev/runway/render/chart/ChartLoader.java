package dev.runway.render.chart;

import dev.runway.render.HelmVersion;
import dev.runway.render.RenderException;
import dev.runway.render.yaml.GoYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a chart the way Helm's loader does: files filtered by .helmignore, then sorted into Chart.yaml,
 * values.yaml, values.schema.json, templates/, charts/ (subcharts, as directories or .tgz archives) and the rest.
 */
final class ChartLoader {
    /** Helm's MaxDecompressedFileSize: no chart file may be bigger. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** Helm's MaxDecompressedChartSize: all files of a chart together, subcharts included. */
    static final long MAX_CHART_BYTES = 100L * 1024 * 1024;

    private ChartLoader() {
    }

    /** What a directory walk has seen so far: the chart's real root, folders visited, bytes read. */
    private static final class Walk {
        final Path root;
        final Path realRoot;
        final java.util.Set<Path> visited = new java.util.HashSet<>();
        long bytes;

        Walk(Path root) throws IOException {
            this.root = root;
            this.realRoot = root.toRealPath();
        }
    }

    static Chart loadDirectory(Path directory, HelmVersion version) {
        if (!Files.isDirectory(directory)) {
            throw new RenderException("chart directory " + directory + " does not exist");
        }
        Path ignoreFile = directory.resolve(".helmignore");
        String ignoreText = null;
        try {
            if (Files.isRegularFile(ignoreFile)) {
                ignoreText = Files.readString(ignoreFile, StandardCharsets.UTF_8);
            }
            HelmIgnore ignore = HelmIgnore.parse(ignoreText, ignoreFile.toString());
            Map<String, byte[]> files = new TreeMap<>();
            Walk walk = new Walk(directory);
            walk.visited.add(walk.realRoot);
            collect(walk, directory, ignore, files);
            return fromFiles(files, directory.toString(), version);
        } catch (IOException e) {
            throw new RenderException("cannot read chart " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void collect(Walk walk, Path dir, HelmIgnore ignore, Map<String, byte[]> out) throws IOException {
        Path root = walk.root;
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String rel = root.relativize(child).toString().replace('\\', '/');
            if (rel.endsWith("/")) {
                rel = rel.substring(0, rel.length() - 1);
            }
            boolean directory = Files.isDirectory(child);
            if (ignore.ignores(rel, directory)) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                insideChart(walk, child, rel);
            }
            if (directory) {
                if (!walk.visited.add(child.toRealPath())) {
                    throw new RenderException("chart " + root + ": " + rel + " leads to a folder already read"
                            + " (a symbolic link loop, or a second link to one folder); remove the link");
                }
                collect(walk, child, ignore, out);
            } else if (Files.isRegularFile(child)) {
                long size = Files.size(child);
                if (size > MAX_FILE_BYTES) {
                    throw new RenderException("chart " + root + ": file " + rel + " has " + size
                            + " bytes; chart files are limited to " + MAX_FILE_BYTES + " bytes (as in Helm)");
                }
                walk.bytes += size;
                if (walk.bytes > MAX_CHART_BYTES) {
                    throw new RenderException("chart " + root + " has more than " + MAX_CHART_BYTES
                            + " bytes of files; charts are limited to that size (as in Helm); list large files"
                            + " in .helmignore");
                }
                out.put(rel, Files.readAllBytes(child));
            }
        }
    }

    /** A symbolic link may point only inside the chart: otherwise a chart could read any file of the machine. */
    private static void insideChart(Walk walk, Path link, String rel) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            throw new RenderException("chart " + walk.root + ": " + rel + " is a symbolic link to a file that does"
                    + " not exist; remove the link or list it in .helmignore");
        }
        if (!target.startsWith(walk.realRoot)) {
            throw new RenderException("chart " + walk.root + ": " + rel + " is a symbolic link to " + target
                    + ", outside the chart; a chart may only link to its own files (copy the file into the chart,"
                    + " or list the link in .helmignore)");
        }
    }

    static Chart loadClasspath(String resourceDirectory, ClassLoader loader, HelmVersion version) {
        String dir = resourceDirectory.endsWith("/") ? resourceDirectory.substring(0, resourceDirectory.length() - 1)
                : resourceDirectory;
        URL url = loader.getResource(dir + "/Chart.yaml");
        if (url == null) {
            throw new RenderException("no chart on the classpath at " + dir + " (Chart.yaml not found)");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return loadDirectory(Path.of(uri).getParent(), version);
            }
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return loadDirectory(fs.provider().getPath(uri).getParent(), version);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            throw new RenderException("cannot load a chart from " + url);
        } catch (URISyntaxException | IOException e) {
            throw new RenderException("cannot load chart " + dir + " from the classpath: " + e.getMessage(), e);
        }
    }

    /**
     * Sorts the chart's files into their roles; {@code files} maps '/'-separated paths to bytes. values.yaml is read
     * as the Helm version reads it ({@link ChartValuesYaml}).
     */
    static Chart fromFiles(Map<String, byte[]> files, String where, HelmVersion version) {
        byte[] chartYaml = files.get("Chart.yaml");
        if (chartYaml == null) {
            throw new RenderException("Chart.yaml file is missing in " + where);
        }
        Map<String, Object> meta = readMap(new String(chartYaml, StandardCharsets.UTF_8), "Chart.yaml", where);
        if (meta.get("apiVersion") == null || String.valueOf(meta.get("apiVersion")).isEmpty()) {
            throw new RenderException("validation: chart.metadata.apiVersion is required");
        }
        if (meta.get("name") == null || String.valueOf(meta.get("name")).isEmpty()) {
            throw new RenderException("validation: chart.metadata.name is required");
        }
        if (meta.get("version") == null || String.valueOf(meta.get("version")).isEmpty()) {
            throw new RenderException("validation: chart.metadata.version is required");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String schema = null;
        List<ChartFile> templates = new ArrayList<>();
        List<ChartFile> other = new ArrayList<>();
        Map<String, Map<String, byte[]>> subcharts = new TreeMap<>();
        List<byte[]> archives = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name = e.getKey();
            if (name.equals("Chart.yaml")) {
                continue;
            } else if (name.equals("values.yaml")) {
                values = ChartValuesYaml.read(new String(e.getValue(), StandardCharsets.UTF_8), where, version);
            } else if (name.equals("values.schema.json")) {
                schema = new String(e.getValue(), StandardCharsets.UTF_8);
            } else if (name.startsWith("templates/")) {
                templates.add(new ChartFile(name, e.getValue()));
            } else if (name.startsWith("charts/") && !name.endsWith(".prov")) {
                String rest = name.substring("charts/".length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    if (rest.endsWith(".tgz") || rest.endsWith(".tar.gz")) {
                        archives.add(e.getValue());
                    }
                    continue;
                }
                subcharts.computeIfAbsent(rest.substring(0, slash), k -> new TreeMap<>())
                        .put(rest.substring(slash + 1), e.getValue());
            } else {
                other.add(new ChartFile(name, e.getValue()));
            }
        }
        List<Chart> deps = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> sub : subcharts.entrySet()) {
            deps.add(fromFiles(sub.getValue(), where + "/charts/" + sub.getKey(), version));
        }
        for (byte[] archive : archives) {
            deps.add(fromFiles(TarGz.read(archive), where + "/charts", version));
        }
        return new Chart(new ChartMetadata(meta, true), values, schema, templates, other, deps);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(String text, String file, String where) {
        Object parsed;
        try {
            parsed = GoYaml.read(text, file);
        } catch (RuntimeException e) {
            throw new RenderException("cannot load " + file + ": " + e.getMessage(), e);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map)) {
            throw new RenderException("cannot load " + file + " of chart " + where
                    + ": the file must hold a YAML map at the top level");
        }
        return (Map<String, Object>) parsed;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
