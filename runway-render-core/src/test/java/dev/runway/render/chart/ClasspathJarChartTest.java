package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runway.render.api.HelmVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart packed in a jar (the plugin's bundled runway-eks) is read from the jar's entries, not through a zip file
 * system: it must be the chart that the same folder gives, .helmignore applied to files and to folders.
 */
class ClasspathJarChartTest {

    @Test
    void chartInAJarIsTheChartOfItsFolder(@TempDir Path dir) throws IOException {
        Path folder = RunwayEksMatrix.chartDirectory();
        Path jar = dir.resolve("charts.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted().toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                String name = "charts/runway-eks/" + rel + (Files.isDirectory(p) && !rel.isEmpty() ? "/" : "");
                if (rel.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                if (!Files.isDirectory(p)) {
                    out.write(Files.readAllBytes(p));
                }
                out.closeEntry();
            }
            // What runway-eks's .helmignore drops: a file by its pattern, and a whole folder (.idea/).
            for (String extra : List.of("templates/notes.bak", ".idea/workspace.xml", "ci/.idea/x.yaml")) {
                out.putNextEntry(new JarEntry("charts/runway-eks/" + extra));
                out.write("kind: Ignored\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Chart expected = ChartLoader.loadDirectory(folder, HelmVersion.DEFAULT);
        Chart actual;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            actual = ChartLoader.loadClasspath("charts/runway-eks/", loader, HelmVersion.DEFAULT);
        }
        assertEquals(expected.metadata().toString(), actual.metadata().toString());
        assertEquals(expected.values(), actual.values());
        assertEquals(expected.schema(), actual.schema());
        assertEquals(contents(expected.templates()), contents(actual.templates()));
        assertEquals(contents(expected.files()), contents(actual.files()));
        assertEquals(expected.dependencies().size(), actual.dependencies().size());
        assertFalse(contents(actual.templates()).containsKey("templates/notes.bak"));
    }

    private static Map<String, String> contents(List<ChartFile> files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ChartFile f : new ArrayList<>(files)) {
            out.put(f.name(), new String(f.data(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
