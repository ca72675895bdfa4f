package dev.runway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's examples are this module's sources, word for word: every {@code java} block of README.md is a complete
 * file under {@code src/test/java/com/example/payments/} (this build compiles and runs them), every such file is in
 * README, the {@code flux-cluster-vars} block is {@code .runway/flux-cluster-vars.yaml}, and the dependencies README
 * tells a service to add are the ones this module builds with.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("../README.md");
    private static final Path EXAMPLES = Path.of("src/test/java/com/example/payments");
    private static final Pattern BLOCK = Pattern.compile("(?m)^```(\\w+)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>\\s*<groupId>([^<]+)</groupId>\\s*"
            + "<artifactId>([^<]+)</artifactId>(?:\\s*<version>[^<]+</version>)?(?:\\s*<scope>([^<]+)</scope>)?");

    private static List<String> blocks(String language) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    @Test
    void everyJavaBlockIsAnExampleFileAndEveryExampleFileIsInReadme() throws IOException {
        Map<String, String> inReadme = new LinkedHashMap<>();
        for (String block : blocks("java")) {
            Matcher name = CLASS.matcher(block);
            assertTrue(
                    name.find(),
                    "a java block of README.md declares no top-level class; every example must be a "
                            + "complete file:\n" + block);
            assertTrue(
                    block.startsWith("package com.example.payments;\n"),
                    "README's " + name.group(1) + " must start with its package line, as the file does");
            inReadme.put(name.group(1) + ".java", block);
        }
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            list.forEach(f -> files.add(f.getFileName().toString()));
        }
        assertEquals(
                files,
                new TreeSet<>(inReadme.keySet()),
                "README.md's java blocks and " + EXAMPLES + " must hold the same examples");
        for (Map.Entry<String, String> example : inReadme.entrySet()) {
            assertEquals(
                    Files.readString(EXAMPLES.resolve(example.getKey()), StandardCharsets.UTF_8),
                    example.getValue(),
                    "README.md's " + example.getKey() + " differs from " + EXAMPLES.resolve(example.getKey())
                            + ": change both");
        }
    }

    @Test
    void theFluxClusterVarsFormatIsTheFileTheExampleReads() throws IOException {
        Path file = Path.of(".runway/flux-cluster-vars.yaml");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(blocks("yaml").contains(expected), "README.md must show " + file + " as it is:\n" + expected);
    }

    @Test
    void theDependenciesReadmeGivesAreTheOnesTheExamplesBuildWith() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        List<String> given = new ArrayList<>();
        for (String block : blocks("xml")) {
            if (!block.contains("<dependency>") || block.contains("<plugin>")) {
                continue;
            }
            Matcher m = DEPENDENCY.matcher(block);
            while (m.find()) {
                given.add(m.group(1) + ":" + m.group(2) + ":" + (m.group(3) == null ? "compile" : m.group(3)));
            }
        }
        assertFalse(given.isEmpty(), "README.md gives no dependency coordinates");
        List<String> built = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(pom);
        while (m.find()) {
            built.add(m.group(1) + ":" + m.group(2) + ":" + (m.group(3) == null ? "compile" : m.group(3)));
        }
        assertEquals(built, given, "README.md's dependencies for a service's tests must be examples/pom.xml's");
    }
}
