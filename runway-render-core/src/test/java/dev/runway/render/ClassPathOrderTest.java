package dev.runway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The libraries a render loads classes from (SnakeYAML Engine and RE2/J) are core's first dependencies, so that they
 * come first on a class path built from the POM (the plugin's, a test's, the benchmark's): a class loader opens a
 * class path's jars in order until it finds a class, and with them later the first render of charts/runway-eks opened
 * eighteen jars it used nothing from (issue 19).
 */
class ClassPathOrderTest {
    private static final Pattern ARTIFACT = Pattern.compile(
            "<dependency>\\s*(?:<!--.*?-->\\s*)*<groupId>[^<]*</groupId>\\s*<artifactId>([^<]*)</artifactId>",
            Pattern.DOTALL);

    @Test
    void renderLibrariesComeFirst() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        List<String> artifacts = new ArrayList<>();
        Matcher m = ARTIFACT.matcher(dependencies);
        while (m.find()) {
            artifacts.add(m.group(1));
        }
        assertEquals(List.of("snakeyaml-engine", "re2j"), artifacts.subList(0, 2), "core's dependencies: " + artifacts);
    }
}
