package dev.runway.render.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.ScratchDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hostile test suite (from a chart of elsewhere or a merge request) ends as a failed test with a message, not as a
 * StackOverflowError: json-path recurses once per segment of an assertion's or a document selector's path, and the
 * expected value of contains is copied recursively; both go to a deep stack when the caller's overflows (Go's
 * stacks grow to 1 GiB, so helm-unittest gives these answers too). A set path's list index is bounded as Helm's
 * --set bounds it, instead of building a list of that many elements.
 */
class HostileSuiteTest {
    private static final int LONG = 200_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            dotted-path      § asserts: [{equal: {path: 'DOTTED', value: 1}}]                         § unknown path a.a.a.
            indexed-path     § asserts: [{equal: {path: 'dataINDEXED', value: 1}}]                    § unknown path data[0][0]
            selector-path    § documentSelector: {path: 'DOTTED', value: x}\\n    asserts: [{isKind: {of: ConfigMap}}] § document not found
            deep-contains    § asserts: [{contains: {path: data.l, content: DEEP}}]                  § to contain
            huge-set-index   § set: {'a[2000000000]': 1}\\n    asserts: [{isKind: {of: ConfigMap}}] § index of 2000000000 is greater than maximum supported index of 65536
            """)
    void hostileSuiteFailsWithAMessage(String name, String test, String message) throws Exception {
        Path chart = ScratchDirectories.create("hostile-suite").resolve("c");
        Files.createDirectories(chart.resolve("templates"));
        Files.createDirectories(chart.resolve("tests"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
        Files.writeString(
                chart.resolve("templates/cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  l: [x]\n");
        Files.writeString(
                chart.resolve("tests/a_test.yaml"),
                "suite: s\ntemplates: [templates/cm.yaml]\ntests:\n  - it: t\n    "
                        + test.replace("\\n", "\n")
                                .replace("DOTTED", "a.".repeat(LONG) + "b")
                                .replace("INDEXED", "[0]".repeat(LONG))
                                .replace("DEEP", "[".repeat(5_000) + "]".repeat(5_000))
                        + "\n");
        UnittestReport report = UnittestRunner.builder().build().run(List.of(chart));
        StringBuilder out = new StringBuilder();
        report.print(line -> out.append(line).append('\n'), chart, "-u");
        assertEquals(1, report.testCounts().failed(), out::toString);
        assertTrue(out.toString().contains(message), out::toString);
    }
}
