package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.io.BoundedFiles;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads a chart the way Helm's loader does: files filtered by .helmignore, then sorted into Chart.yaml,
 * values.yaml, values.schema.json, templates/, charts/ (subcharts, as directories or .tgz archives) and the rest.
 */
final class ChartLoader {
    /** Helm's MaxDecompressedChartSize: all files of a chart together, subcharts included. */
    static final long MAX_CHART_BYTES = 100L * 1024 * 1024;
    /**
     * How deep packaged subcharts may nest in packaged subcharts. Helm sets no bound; real charts nest two or three
     * levels, and a bound keeps a tiny chart of archives within archives from recursing without end.
     */
    static final int MAX_ARCHIVE_NESTING = 64;

    private ChartLoader() {}

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

    /** A packaged chart (a .tgz file), as Helm's loader.LoadFile reads it. */
    static Chart loadArchive(Path archive, HelmVersion version) {
        byte[] data;
        try {
            data = BoundedFiles.read(archive, MAX_CHART_BYTES);
        } catch (BoundedFiles.FileTooLargeException e) {
            throw new RenderException("chart archive " + archive + " has more than " + MAX_CHART_BYTES
                    + " bytes; charts are limited to that size (as in Helm)");
        } catch (IOException e) {
            throw new RenderException("cannot read chart archive " + archive + ": " + e.getMessage(), e);
        }
        TarGz.Budget budget = new TarGz.Budget(MAX_CHART_BYTES);
        Map<String, byte[]> files;
        try {
            files = TarGz.read(data, budget);
        } catch (RenderException e) {
            throw new RenderException("cannot load chart archive " + archive + ": " + e.getMessage(), e);
        }
        return fromFiles(files, archive.toString(), version, budget);
    }

    static Chart loadDirectory(Path directory, HelmVersion version) {
        if (!Files.isDirectory(directory)) {
            throw new RenderException("chart directory " + directory + " does not exist");
        }
        Path ignoreFile = directory.resolve(".helmignore");
        String ignoreText = null;
        try {
            if (Files.exists(ignoreFile)) {
                // pkg/ignore Parse trims a UTF-8 BOM from the first line. A .helmignore that is a pipe or a
                // device is refused (Helm would wait on it or read it without end).
                ignoreText = text(withoutBom(BoundedFiles.read(ignoreFile, Chart.MAX_FILE_BYTES)));
            }
            HelmIgnore ignore = HelmIgnore.parse(ignoreText, ignoreFile.toString());
            Map<String, byte[]> files = new TreeMap<>();
            Walk walk = new Walk(directory);
            walk.visited.add(walk.realRoot);
            collect(walk, directory, ignore, files);
            return fromFiles(files, directory.toString(), version, new TarGz.Budget(MAX_CHART_BYTES - walk.bytes));
        } catch (IOException e) {
            throw new RenderException("cannot read chart " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void collect(Walk walk, Path dir, HelmIgnore ignore, Map<String, byte[]> out) throws IOException {
        Path root = walk.root;
        // A DirectoryStream, not Files.list: its stream and sort would load some twenty java.util.stream classes.
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path child : list) {
                children.add(child);
            }
        } catch (DirectoryIteratorException e) {
            // What Files.list's stream threw for an error while reading the folder.
            throw new UncheckedIOException(e.getCause());
        }
        Collections.sort(children);
        for (Path child : children) {
            // filepath.ToSlash: only a '\\' separator (Windows) becomes '/'; on Unix a backslash is part of a file
            // name.
            String separator = child.getFileSystem().getSeparator();
            String rel = root.relativize(child).toString();
            rel = separator.equals("/") ? rel : rel.replace(separator, "/");
            if (rel.endsWith("/")) {
                rel = rel.substring(0, rel.length() - 1);
            }
            boolean link = Files.isSymbolicLink(child);
            // Helm resolves a link before it asks .helmignore (internal/sympath): a link to nothing fails the
            // chart even where .helmignore lists it.
            Path target = link ? resolve(child) : null;
            boolean directory = Files.isDirectory(child);
            if (ignore.ignores(rel, directory)) {
                continue;
            }
            if (link) {
                insideChart(walk, target, rel);
            }
            if (directory) {
                // A link's target is its real path already (resolve above).
                if (!walk.visited.add(link ? target : child.toRealPath())) {
                    throw new RenderException("chart " + root + ": " + rel + " leads to a folder already read"
                            + " (a symbolic link loop, or a second link to one folder); remove the link");
                }
                collect(walk, child, ignore, out);
            } else if (Files.isRegularFile(child)) {
                long size = Files.size(child);
                if (size > Chart.MAX_FILE_BYTES) {
                    throw fileTooLarge(root.toString(), rel, String.valueOf(size));
                }
                walk.bytes += size;
                if (walk.bytes > MAX_CHART_BYTES) {
                    throw chartTooLarge(root.toString());
                }
                // Read with the cap too: a file that grows while the chart is read cannot outgrow the limit.
                out.put(rel, BoundedFiles.read(child, Chart.MAX_FILE_BYTES));
            } else if (Files.exists(child)) {
                // Helm's loader (pkg/chart/loader/directory.go) refuses files with type bits in their mode: named
                // pipes, devices, sockets. Reading a pipe would wait for a writer; a device could be endless.
                throw new RenderException("cannot load irregular file " + child.toAbsolutePath() + " as it has file"
                        + " mode type bits set; remove it from chart " + root + " or list " + rel + " in .helmignore");
            }
        }
    }

    /** Where a symbolic link leads; one that leads nowhere is Helm's error, worded as Go's filepath.EvalSymlinks. */
    private static Path resolve(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            // Helm's loader walks filepath.Abs of the chart folder, so it names the link by its absolute path.
            Path absolute = link.toAbsolutePath().normalize();
            String why = GoEvalSymlinks.error(absolute);
            throw new RenderException("error evaluating symlink " + absolute + ": "
                    + (why == null ? "lstat " + absolute + ": no such file or directory" : why));
        }
    }

    /** A symbolic link may point only inside the chart: otherwise a chart could read any file of the machine. */
    private static void insideChart(Walk walk, Path target, String rel) {
        if (!target.startsWith(walk.realRoot)) {
            throw new RenderException("chart " + walk.root + ": " + rel + " is a symbolic link to " + target
                    + ", outside the chart; a chart may only link to its own files (copy the file into the chart,"
                    + " or list the link in .helmignore)");
        }
    }

    static Chart loadClasspath(String resourceDirectory, ClassLoader loader, HelmVersion version) {
        String dir = resourceDirectory.endsWith("/")
                ? resourceDirectory.substring(0, resourceDirectory.length() - 1)
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
                return loadJar(url, dir, version);
            }
            throw new RenderException("cannot load a chart from " + url);
        } catch (URISyntaxException | IOException e) {
            throw new RenderException("cannot load chart " + dir + " from the classpath: " + e.getMessage(), e);
        }
    }

    /**
     * A chart folder packed in a jar (the bundled runway-eks in the plugin), read from the jar's entries as
     * {@link #loadDirectory} reads a folder: .helmignore applies to each file and to each folder above it, with the
     * same size limits. Read with {@link JarFile} rather than a zip file system: a cold JVM (every Maven build that
     * renders) otherwise loads the zip file system provider, about 50 classes (issue 19). A jar has no links, pipes
     * or devices, which loadDirectory also guards against.
     */
    private static Chart loadJar(URL chartYaml, String dir, HelmVersion version) throws IOException {
        String root = "/" + dir; // how the zip file system named the folder in messages
        String prefix = dir + "/";
        JarURLConnection connection = (JarURLConnection) chartYaml.openConnection();
        // Not the class loader's shared, cached JarFile: this one is closed when the chart is read.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Map<String, JarEntry> entries = new TreeMap<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(prefix) && !entry.isDirectory() && name.length() > prefix.length()) {
                    entries.put(name.substring(prefix.length()), entry);
                }
            }
            JarEntry ignoreEntry = entries.get(".helmignore");
            String ignoreText =
                    ignoreEntry == null ? null : text(withoutBom(readEntry(jar, ignoreEntry, root, ".helmignore")));
            HelmIgnore ignore = HelmIgnore.parse(ignoreText, root + "/.helmignore");
            Map<String, byte[]> files = new TreeMap<>();
            long bytes = 0;
            for (Map.Entry<String, JarEntry> e : entries.entrySet()) {
                String rel = e.getKey();
                if (ignoredInJar(ignore, rel)) {
                    continue;
                }
                byte[] data = readEntry(jar, e.getValue(), root, rel);
                bytes += data.length;
                if (bytes > MAX_CHART_BYTES) {
                    throw chartTooLarge(root);
                }
                files.put(rel, data);
            }
            return fromFiles(files, root, version, new TarGz.Budget(MAX_CHART_BYTES - bytes));
        }
    }

    /** Whether .helmignore drops the file {@code rel} or one of the folders above it (loadDirectory skips those). */
    private static boolean ignoredInJar(HelmIgnore ignore, String rel) {
        for (int slash = rel.indexOf('/'); slash >= 0; slash = rel.indexOf('/', slash + 1)) {
            if (ignore.ignores(rel.substring(0, slash), true)) {
                return true;
            }
        }
        return ignore.ignores(rel, false);
    }

    /** A chart folder (on disk or in a jar) whose files add up to more than Helm reads. */
    private static RenderException chartTooLarge(String root) {
        return new RenderException("chart " + root + " has more than " + MAX_CHART_BYTES
                + " bytes of files; charts are limited to that size (as in Helm); list large files in .helmignore");
    }

    /** A chart file larger than Helm reads; {@code size} as known: exact on disk, a lower bound in a jar. */
    private static RenderException fileTooLarge(String root, String rel, String size) {
        return new RenderException("chart " + root + ": file " + rel + " has " + size
                + " bytes; chart files are limited to " + Chart.MAX_FILE_BYTES + " bytes (as in Helm)");
    }

    private static byte[] readEntry(JarFile jar, JarEntry entry, String root, String rel) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) Chart.MAX_FILE_BYTES + 1);
            if (data.length > Chart.MAX_FILE_BYTES) {
                throw fileTooLarge(root, rel, "more than " + Chart.MAX_FILE_BYTES);
            }
            return data;
        }
    }

    /** The UTF-8 byte-order mark Helm's loader trims from the start of every file (loader/directory.go, archive.go). */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static byte[] withoutBom(byte[] data) {
        if (data.length >= 3 && data[0] == UTF8_BOM[0] && data[1] == UTF8_BOM[1] && data[2] == UTF8_BOM[2]) {
            return java.util.Arrays.copyOfRange(data, 3, data.length);
        }
        return data;
    }

    /**
     * Sorts the chart's files into their roles as Helm's {@code loader.LoadFiles} does (pkg/chart/v2/loader/load.go,
     * the same in Helm 3.21 and 4.1); {@code files} maps '/'-separated paths to bytes. Chart.yaml without apiVersion
     * is apiVersion v1; requirements.yaml adds to (and overrides) Chart.yaml, and for v1 charts it and
     * requirements.lock are also in {@code .Files}; Chart.lock is no file of {@code .Files}; each entry of charts/ is a
     * subchart (a folder or a .tgz) unless its name starts with '_' or '.'; *.prov files there stay in {@code .Files}.
     * The metadata is validated before the subcharts load; a subchart's error names it and its parent.
     */
    static Chart fromFiles(Map<String, byte[]> files, String where, HelmVersion version, TarGz.Budget budget) {
        Map<String, byte[]> clean = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            clean.put(e.getKey(), withoutBom(e.getValue()));
        }
        byte[] chartYaml = clean.get("Chart.yaml");
        if (chartYaml == null) {
            throw new RenderException("Chart.yaml file is missing in " + where);
        }
        // Read once: Helm 4 checks the format of the same YAML that is decoded.
        Object read = ChartYaml.read(text(chartYaml), "Chart.yaml");
        if (version.isHelm4()) {
            ChartYaml.checkFormat(read);
        }
        return load(clean, version, budget, 0, ChartYaml.decode(read, "Chart.yaml", ChartYaml.empty(), version));
    }

    /**
     * @param nesting how many packaged archives enclose these files (the top chart's own archive not counted)
     * @param decoded these files' Chart.yaml decoded, or null to decode it here
     */
    private static Chart load(
            Map<String, byte[]> files, HelmVersion version, TarGz.Budget budget, int nesting, ChartMetadata decoded) {
        byte[] chartYaml = files.get("Chart.yaml");
        if (chartYaml == null) {
            throw new RenderException("Chart.yaml file is missing");
        }
        ChartMetadata meta =
                decoded != null ? decoded : ChartYaml.decode(text(chartYaml), "Chart.yaml", ChartYaml.empty(), version);
        if (meta.apiVersion().isEmpty()) {
            // Helm 2 accepted charts without apiVersion: the loader takes them as v1.
            meta = meta.withApiVersion(API_V1);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String schema = null;
        List<ChartFile> templates = new ArrayList<>();
        List<ChartFile> other = new ArrayList<>();
        Map<String, Map<String, byte[]>> subcharts = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name = e.getKey();
            byte[] data = e.getValue();
            switch (name) {
                case "Chart.yaml" -> {
                    continue;
                }
                case "Chart.lock" -> {
                    readLock(data, name);
                    continue;
                }
                case "values.yaml" -> {
                    values = ChartValuesYaml.read(text(data), version);
                    continue;
                }
                case "values.schema.json" -> {
                    schema = text(data);
                    continue;
                }
                case "requirements.yaml" -> {
                    meta = ChartYaml.decode(text(data), name, meta, version);
                    if (API_V1.equals(meta.apiVersion())) {
                        other.add(new ChartFile(name, data));
                    }
                    continue;
                }
                case "requirements.lock" -> {
                    readLock(data, name);
                    if (API_V1.equals(meta.apiVersion())) {
                        other.add(new ChartFile(name, data));
                    }
                    continue;
                }
                default -> {}
            }
            if (name.startsWith("templates/")) {
                templates.add(new ChartFile(name, data));
            } else if (name.startsWith("charts/")) {
                if (name.endsWith(".prov")) {
                    other.add(new ChartFile(name, data));
                    continue;
                }
                String rest = name.substring("charts/".length());
                int slash = rest.indexOf('/');
                String subchart = slash < 0 ? rest : rest.substring(0, slash);
                Map<String, byte[]> subchartFiles = subcharts.get(subchart);
                if (subchartFiles == null) {
                    subchartFiles = new TreeMap<>();
                    subcharts.put(subchart, subchartFiles);
                }
                subchartFiles.put(rest, data);
            } else {
                other.add(new ChartFile(name, data));
            }
        }
        meta = meta.validated();
        List<Chart> deps = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> sub : subcharts.entrySet()) {
            String dir = sub.getKey();
            if (dir.startsWith("_") || dir.startsWith(".")) {
                continue;
            }
            if (dir.endsWith(".tgz") && !sub.getValue().containsKey(dir)) {
                throw new RenderException("error unpacking subchart tar in " + meta.name() + ": expected " + dir
                        + ", got " + sub.getValue().keySet().iterator().next());
            }
            try {
                deps.add(loadSubchart(dir, sub.getValue(), version, budget, nesting));
            } catch (RenderException e) {
                throw new RenderException(
                        "error unpacking subchart " + dir + " in " + meta.name() + ": " + e.getMessage(), e);
            }
        }
        return new Chart(meta, values, schema, templates, other, deps);
    }

    /** One entry of charts/: a .tgz archive, or a folder whose files are given relative to charts/. */
    private static Chart loadSubchart(
            String dir, Map<String, byte[]> files, HelmVersion version, TarGz.Budget budget, int nesting) {
        if (dir.endsWith(".tgz")) {
            if (nesting >= MAX_ARCHIVE_NESTING) {
                throw new RenderException("packaged subcharts nest more than " + MAX_ARCHIVE_NESTING + " levels"
                        + " deep (a .tgz in the charts/ folder of a .tgz, again and again); unpack the subcharts");
            }
            Map<String, byte[]> unpacked = new TreeMap<>();
            for (Map.Entry<String, byte[]> e :
                    TarGz.read(files.get(dir), budget).entrySet()) {
                unpacked.put(e.getKey(), withoutBom(e.getValue()));
            }
            return load(unpacked, version, budget, nesting + 1, null);
        }
        Map<String, byte[]> inside = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            int slash = e.getKey().indexOf('/');
            if (slash >= 0) {
                inside.put(e.getKey().substring(slash + 1), e.getValue());
            }
        }
        return load(inside, version, budget, nesting, null);
    }

    /** Chart.lock and requirements.lock are read (Helm fails on bad YAML there) but do not change the render. */
    private static void readLock(byte[] data, String file) {
        try {
            GoYaml.read(text(data), file);
        } catch (RuntimeException e) {
            throw new RenderException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file's text as Go's string(data): bytes that are not UTF-8 stay bytes (GoBytes), for go-yaml to refuse. */
    private static String text(byte[] data) {
        return GoBytes.string(data);
    }

    private static final String API_V1 = "v1";

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
