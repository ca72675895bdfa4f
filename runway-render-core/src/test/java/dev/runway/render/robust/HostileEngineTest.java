package dev.runway.render.robust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 15, bounded work and memory in the engine: each hostile template renders in a JVM of its own with
 * {@code -Xmx256m} and must end within seconds with Helm's output or the project's own error (never an
 * OutOfMemoryError or StackOverflowError). The forked JVM prints its render time and peak heap, which this test
 * echoes for the record. (A small harness of this test's own: the guarded-input work brings a shared one; fold the
 * two when both are on main.)
 */
class HostileEngineTest {
    /** Render time the child may take; the JVM gets more for its start and for class loading. */
    private static final long MAX_RENDER_MILLIS = 10_000;

    private static final String SELF = "{{ $d := dict }}{{ $_ := set $d \"self\" $d }}";
    private static final String DEEP = "{{ $d := dict }}{{ range until 100000 }}{{ $d = dict \"a\" $d }}{{ end }}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', quoteCharacter = '`', textBlock = """
            self-toJson         § SELF a: [{{ toJson $d }}]                        § OK a: []
            self-toYaml         § SELF a: [{{ toYaml $d }}]                        § OK a: []
            self-mustToJson     § SELF {{ mustToJson $d }}                         § ERROR json: unsupported value: encountered a cycle via map[string]interface {}
            self-mustToYaml     § SELF {{ mustToYaml $d }}                         § ERROR error marshaling into JSON: json: unsupported value: encountered a cycle
            self-printf         § SELF {{ printf "%v" $d }}                        § ERROR printing a value: the value nests more than 10000 maps or lists deep
            self-print          § SELF {{ print $d }}                              § ERROR printing a value: the value nests more than 10000
            self-deepCopy       § SELF {{ deepCopy $d }}                           § ERROR deepCopy: the value nests more than 10000
            self-toToml         § SELF {{ toToml $d }}                             § ERROR the TOML text would be longer than 16777216
            self-toYamlPretty   § SELF {{ toYamlPretty $d }}                       § ERROR toYamlPretty: the value nests more than 10000
            self-deepEqual      § SELF a: {{ deepEqual $d $d }}                    § OK a: true
            deep-toYaml         § DEEP a: [{{ toYaml $d }}]                        § OK a: []
            deep-mustToYaml     § DEEP {{ mustToYaml $d }}                         § ERROR yaml: exceeded max depth of 10000
            deep-toPrettyJson   § DEEP a: [{{ toPrettyJson $d }}]                  § ERROR the JSON text would be longer than 16777216
            deep9999-toYaml     § {{ $d := dict }}{{ range until 9999 }}{{ $d = dict \"a\" $d }}{{ end }}{{ toYaml $d | len }} § ERROR the YAML text would be longer than 16777216
            deep-toJson         § DEEP a: {{ toJson $d | len }}                    § OK a: 600002
            double-print        § {{ $s := \"ab\" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}          § ERROR would be longer than 16777216 characters
            double-cat          § {{ $s := \"ab\" }}{{ range until 40 }}{{ $s = cat $s $s }}{{ end }}            § ERROR would be longer than 16777216 characters
            double-concat       § {{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}       § ERROR a list would have more than 4194304 elements
            double-printf       § {{ $s := \"ab\" }}{{ range until 40 }}{{ $s = printf \"%s%s\" $s $s }}{{ end }} § ERROR would be longer than 16777216 characters
            shared-list-print   § {{ $l := list \"x\" }}{{ range until 60 }}{{ $l = list $l $l }}{{ end }}{{ print $l | len }} § ERROR would be longer than 16777216 characters
            shared-list-toJson  § {{ $l := list \"x\" }}{{ range until 60 }}{{ $l = list $l $l }}{{ end }}{{ toJson $l | len }} § ERROR would be longer than 16777216 characters
            indent-huge         § {{ indent 10000000 (repeat 100 \"a\\n\") }}      § ERROR indent's result would be longer than 16777216
            replace-empty       § {{ $s := repeat 100000 \"a\" }}{{ replace \"\" $s $s | len }} § ERROR replace's result would be longer than 16777216
            regex-backtracking  § a: {{ regexMatch \"^(a+)+$\" (printf \"%sb\" (repeat 100000 \"a\")) }} § OK a: false
            regex-nested-repeat § {{ mustRegexMatch \"((a{1000}){1000}){1000}\" \"a\" }} § ERROR invalid repeat count
            fromToml-deep       § a: {{ len (fromToml (printf \"a = %s1%s\" (repeat 100000 \"[\") (repeat 100000 \"]\"))) }} § OK a: 1
            fromJson-deep       § a: {{ (fromJson (printf \"%s1%s\" (repeat 100000 \"[\") (repeat 100000 \"]\"))).Error }} § OK a: invalid character '[' exceeded max depth
            """)
    void hostileTemplateEndsQuicklyInBoundedMemory(String name, String template, String expected)
            throws IOException, InterruptedException {
        String text = template.replace("SELF ", SELF).replace("DEEP ", DEEP).replace("\\\"", "\"")
                .replace("\\\\n", "\\n");
        fork(name, expected, List.of(text));
    }

    /** A values.schema.json that refers to itself without end, nests deeply or is very wide. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', quoteCharacter = '`', textBlock = """
            schema-ref-cycle    § {"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"} § a: 1 § ERROR causing reference cycle
            schema-self-ref     § {"properties":{"a":{"$ref":"#/properties/a"}}}    § a: 1 § ERROR causing reference cycle
            schema-deep         § DEEP_SCHEMA                                        § a: 1 § ERROR the schema is not valid JSON
            schema-wide-allOf   § WIDE_SCHEMA                                        § a: 1 § OK a: 1
            schema-recursive-ok § {"$defs":{"t":{"properties":{"c":{"$ref":"#/$defs/t"}}}},"$ref":"#/$defs/t"} § c: {c: {c: {}}} § OK a: 1
            """)
    void hostileSchemaEndsQuicklyInBoundedMemory(String name, String schema, String values, String expected)
            throws IOException, InterruptedException {
        String text = schema.replace("DEEP_SCHEMA", "{\"properties\":{\"a\":".repeat(100_000) + "{}" + "}}".repeat(100_000))
                .replace("WIDE_SCHEMA", "{\"allOf\":[" + String.join(",", java.util.Collections.nCopies(100_000,
                        "{\"properties\":{\"a\":{\"minimum\":0}}}")) + "]}");
        fork(name, expected, List.of("a: 1", text, values));
    }

    private static void fork(String name, String expected, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), HostileEngineMain.class.getName()));
        for (String argument : arguments) {
            // A command-line argument may not exceed 128 KiB on Linux: long ones travel in a file.
            if (argument.length() > 8192) {
                Path file = Path.of("target", "hostile-" + name + "-" + command.size() + ".arg");
                java.nio.file.Files.writeString(file, argument);
                argument = "@" + file.toAbsolutePath();
            }
            command.add(argument);
        }
        Path log = Path.of("target", "hostile-" + name + ".log");
        java.nio.file.Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + ": the forked render did not end within 60 s");
        }
        String out = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no result from the forked JVM:\n" + out));
        String[] parts = line.split(" ", 4);
        long millis = Long.parseLong(parts[1]);
        System.out.printf("[hostile] %-20s %6d ms %4s MB peak heap  %s%n", name, millis, parts[2],
                parts[3].length() > 140 ? parts[3].substring(0, 140) + "..." : parts[3]);
        assertTrue(parts[3].startsWith(expected.substring(0, expected.indexOf(' ')) + " "),
                () -> name + ": expected " + expected + " but got " + parts[3]);
        String detail = expected.substring(expected.indexOf(' ') + 1);
        assertTrue(parts[3].contains(detail), () -> name + ": expected " + detail + " in " + parts[3]);
        assertTrue(millis < MAX_RENDER_MILLIS, () -> name + ": took " + millis + " ms");
    }
}
