package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs as large as the limits allow, each read in a JVM of its own with a 128 MB heap
 * ({@link HostileValuesMain}): each must be read or refused with the project's exception, never end in an
 * OutOfMemoryError. The inputs are written here, not kept in the repository.
 */
class HostileValuesMemoryTest {
    private static final String HEAP = "-Xmx128m";
    private static final long MAX_SECONDS = 60;

    @TempDir
    Path dir;

    /** 3.9 million entries in one flow list: refused at the entry limit (it used to need 384 MB to get there). */
    @Test
    void aHugeFlowListIsRefusedAtTheEntryLimit() throws Exception {
        Path file = write("flow.yaml", out -> {
            out.write("serviceId: payments\nlist: [a");
            for (int i = 1; i < 3_900_000; i++) {
                out.write(",a");
            }
            out.write("]\n");
        });
        Result result = run("values", file);
        assertEquals(3, result.exit(), result.output());
        assertTrue(
                result.output().contains("limit crossed: the values expand to more than 250000 entries"),
                result.output());
    }

    /** 200,000 quoted scalars of a block list (2.7 MB): read (it used to need about 128 MB and failed at 64 MB). */
    @Test
    void twoHundredThousandQuotedScalarsAreRead() throws Exception {
        Path file = write("quoted.yaml", out -> {
            out.write("serviceId: payments\nlist:\n");
            for (int i = 0; i < 200_000; i++) {
                out.write("  - \"v" + i + "\"\n");
            }
        });
        Result result = run("values", file);
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("read 2 top-level keys"), result.output());
    }

    /**
     * 8 MB of maps nested 98 deep, some 165,000 entries: read. Positions kept as a path per entry cost 4 bytes per
     * level of every path, and this file ran out of 128 MB.
     */
    @Test
    void eightMegabytesOfDeeplyNestedMapsAreRead() throws Exception {
        Path file = write("nested.yaml", out -> {
            out.write("serviceId: payments\n");
            long written = 0;
            for (int block = 0; written < 8_000_000; block++) {
                StringBuilder chain = new StringBuilder();
                for (int depth = 0; depth < 97; depth++) {
                    chain.append("  ".repeat(depth))
                            .append('k')
                            .append(block)
                            .append('_')
                            .append(depth)
                            .append(":\n");
                }
                chain.append("  ".repeat(97)).append("x: v\n");
                out.write(chain.toString());
                written += chain.length();
            }
        });
        Result result = run("values", file);
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().startsWith("read "), result.output());
    }

    /**
     * fromYaml, fromYamlArray, fromJson and fromJsonArray of a text near the 16 MiB a template string may have, a list
     * of 8 million values: Helm's error result (a map or list holding the message), where the whole list needed
     * gigabytes.
     */
    @Test
    void templateFunctionsOfSixteenMegabytesOfValuesGiveAnError() throws Exception {
        int values = (16 << 20) / 2 - 64;
        Path yaml = write("list.yaml", out -> {
            out.write("[a");
            for (int i = 1; i < values; i++) {
                out.write(",a");
            }
            out.write("]");
        });
        for (String function : List.of("fromYaml", "fromYamlArray")) {
            Result result = run(function, yaml);
            assertEquals(0, result.exit(), result.output());
            assertTrue(result.output().contains("the document holds more than 250000 values"), result.output());
        }
        Path json = write("list.json", out -> {
            out.write("[1");
            for (int i = 1; i < values; i++) {
                out.write(",1");
            }
            out.write("]");
        });
        for (String function : List.of("fromJson", "fromJsonArray")) {
            Result result = run(function, json);
            assertEquals(0, result.exit(), result.output());
            assertTrue(result.output().contains("the JSON text holds more than 250000 values"), result.output());
        }
    }

    /** A rendered manifest of 16 MiB, a list of 8 million values, read by verify's typed view: refused. */
    @Test
    void aSixteenMegabyteManifestListIsRefused() throws Exception {
        int values = (16 << 20) / 2 - 64;
        Path manifest = write("manifest.yaml", out -> {
            out.write("apiVersion: v1\nkind: ConfigMap\ndata: [a");
            for (int i = 1; i < values; i++) {
                out.write(",a");
            }
            out.write("]\n");
        });
        Result result = run("manifest", manifest);
        assertEquals(3, result.exit(), result.output());
        assertTrue(result.output().contains("m.yaml:3: the document holds more than 250000 values"), result.output());
    }

    /**
     * Values a template builds are bounded one by one (a list of 4 Mi elements, a string of 16 Mi characters), not in
     * sum: a loop that keeps twenty of them needs far more than the heap. The render ends in its own error.
     */
    @Test
    void aTemplateThatKeepsManyLargeValuesGivesTheRendersError() throws Exception {
        List<String> templates = List.of(
                "{{ $a := until 1000000 }}{{ $b := concat $a $a $a $a }}{{ $all := list }}"
                        + "{{ range until 20 }}{{ $all = append $all (concat $b) }}{{ end }}n: {{ len $all }}",
                "{{ $s := repeat 8000000 \"ab\" }}{{ $all := list }}"
                        + "{{ range until 20 }}{{ $all = append $all (print $s .) }}{{ end }}n: {{ len $all }}");
        for (int i = 0; i < templates.size(); i++) {
            String template = templates.get(i);
            Path file = write("t" + i + ".yaml", out -> out.write(template));
            Result result = run("template", file);
            assertEquals(3, result.exit(), result.output());
            assertTrue(
                    result.output().contains("refused: the render ran out of memory (the JVM's heap is "),
                    result.output());
        }
    }

    /**
     * A 16 MiB manifest of 228,000 quoted strings of 60 characters is under the node limit but more than a 128 MB heap
     * can hold as a typed tree: verify reports the file, the heap and the fix, and does not end in an OutOfMemoryError.
     */
    @Test
    void aManifestTooLargeForTheHeapIsAVerifyFinding() throws Exception {
        Path manifest = write("long.yaml", out -> {
            out.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n");
            String value = "x".repeat(60);
            for (int i = 0; i < 228_000; i++) {
                out.write("  k" + i + ": \"" + value + "\"\n");
            }
        });
        Result result = run("verify", manifest);
        assertEquals(0, result.exit(), result.output());
        assertTrue(
                result.output().contains("m.yaml:1 error - -: the file is too large to read within the JVM's heap of "),
                result.output());
    }

    /**
     * A chart's values.yaml of 300,000 keys (3.5 MB, under Helm's 5 MiB file limit): runway:docs builds snakeyaml's
     * node tree of it, which does not fit in 128 MB; the rows are refused with the heap and the fix, not an
     * OutOfMemoryError.
     */
    @Test
    void aValuesFileTooLargeToDocumentIsRefused() throws Exception {
        Path values = write("many-keys.yaml", out -> {
            for (int i = 0; i < 300_000; i++) {
                out.write("k" + i + ": " + i + "\n");
            }
        });
        Result result = run("docs", values);
        assertEquals(3, result.exit(), result.output());
        assertTrue(
                result.output().contains("values.yaml is too large to document within the JVM's heap of "),
                result.output());
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private Path write(String name, Content content) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        return file;
    }

    private record Result(int exit, String output) {}

    /** Runs {@link HostileValuesMain} with a small heap; fails when it runs out of memory or does not end. */
    static Result run(String reader, Path file) throws IOException, InterruptedException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                HostileValuesMain.class.getName(),
                reader,
                file.toString());
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(reader + " of " + file.getFileName() + " did not end within " + MAX_SECONDS + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(output.contains("OutOfMemoryError"), output);
        return new Result(process.exitValue(), output);
    }
}
