package dev.runway.it.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin as Maven receives it from a repository: one jar with core and its libraries, and a POM that lists no
 * library Maven would have to resolve before a goal runs (issue 19: resolving them was about 250 ms of every run).
 * Also keeps the jar's licence notices in step with what the jar bundles.
 */
class PluginPackagingIT {

    private static final Path PLUGIN_DIRECTORY = Path.of(System.getProperty("runway.it.localRepository"))
            .resolve("dev/runway/runway-maven-plugin")
            .resolve(System.getProperty("runway.it.pluginVersion"));
    private static final String BASE_NAME = "runway-maven-plugin-" + System.getProperty("runway.it.pluginVersion");

    @Test
    void theInstalledPomListsNoLibraryMavenMustResolve() throws IOException {
        String pom = Files.readString(PLUGIN_DIRECTORY.resolve(BASE_NAME + ".pom"));
        List<String> resolved = new ArrayList<>();
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
                .matcher(pom);
        while (dependency.find()) {
            String body = dependency.group(1);
            Matcher scope = Pattern.compile("<scope>(\\w+)</scope>").matcher(body);
            String scopeName = scope.find() ? scope.group(1) : "compile";
            if (scopeName.equals("compile") || scopeName.equals("runtime")) {
                resolved.add(tag(body, "groupId") + ":" + tag(body, "artifactId"));
            }
        }
        // plexus-utils stays declared: Maven 3.9 asks plugins to declare it rather than receive Maven's.
        assertEquals(
                List.of("org.codehaus.plexus:plexus-utils"), resolved, "compile and runtime dependencies in " + pom);
    }

    @Test
    void theJarHoldsCoreAndItsLibrariesAndNamesEachInTheNotices() throws IOException {
        try (JarFile jar =
                new JarFile(PLUGIN_DIRECTORY.resolve(BASE_NAME + ".jar").toFile())) {
            for (String entry : List.of(
                    "dev/runway/maven/RenderMojo.class",
                    "dev/runway/render/HelmRenderer.class",
                    "org/snakeyaml/engine/v2/api/Load.class",
                    "com/google/re2j/Pattern.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class",
                    "META-INF/LICENSE",
                    "META-INF/maven/plugin.xml")) {
                assertNotNull(jar.getEntry(entry), entry + " in the plugin jar");
            }
            assertEquals("true", jar.getManifest().getMainAttributes().getValue("Multi-Release"));
            String notices;
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/THIRD-PARTY-NOTICES.txt"))) {
                notices = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            TreeSet<String> unlisted = new TreeSet<>();
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties coordinates = new Properties();
                    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                        coordinates.load(in);
                    }
                    String library = coordinates.getProperty("groupId") + ":" + coordinates.getProperty("artifactId");
                    if (!library.equals("dev.runway:runway-maven-plugin") && !notices.contains(library + " ")) {
                        unlisted.add(library);
                    }
                }
            }
            assertTrue(unlisted.isEmpty(), "bundled but not in META-INF/THIRD-PARTY-NOTICES.txt: " + unlisted);
            assertTrue(jar.stream().noneMatch(e -> e.getName().endsWith(".SF")), "no stale jar signatures");
        }
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).strip() : "";
    }
}
