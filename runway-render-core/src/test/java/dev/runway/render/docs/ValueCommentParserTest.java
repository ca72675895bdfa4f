package dev.runway.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueCommentParserTest {

    /**
     * A chart's values.yaml is read on every render: a long line of spaces between a key-like word and no colon made
     * the old java.util.regex KEY_LINE backtrack quadratically (32,000 spaces: 4 s, this 1 MB line: hours). The bound
     * is generous; RE2/J reads it in milliseconds.
     */
    @Test
    void longLineOfSpacesEndsQuickly() {
        String hostile = "a" + " ".repeat(1_000_000) + "b\n";
        Map<String, ValueComment> comments = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> ValueCommentParser.parse("# -- Not a key.\n" + hostile + "# -- Port.\nport: 8080\n"));
        assertEquals(Map.of("port", comments.get("port")), comments, "only the real key is documented");
        assertEquals("Port.", comments.get("port").description());
    }

    @Test
    void attachesCommentToTheNextKeyWithItsNestedPath() {
        Map<String, ValueComment> comments = ValueCommentParser.parse("""
                # A header comment that documents nothing.

                image:
                  # -- Image repository,
                  # continued here.
                  repository: ""
                  # -- Pull policy.
                  pullPolicy: IfNotPresent
                # -- Port.
                port: 8080
                """);
        assertEquals(
                "Image repository, continued here.",
                comments.get("image.repository").description());
        assertEquals(6, comments.get("image.repository").line());
        assertEquals("Pull policy.", comments.get("image.pullPolicy").description());
        assertEquals("Port.", comments.get("port").description());
        assertEquals(3, comments.size());
    }

    @Test
    void readsTypeHintAndRequiredMarker() {
        Map<String, ValueComment> comments = ValueCommentParser.parse("""
                # -- (required) The id.
                serviceId: ""
                # -- (int) A count.
                count: 1
                """);
        assertTrue(comments.get("serviceId").required());
        assertEquals("The id.", comments.get("serviceId").description());
        assertEquals("int", comments.get("count").typeHint());
        assertFalse(comments.get("count").required());
    }

    @Test
    void blankLineBetweenCommentAndKeyDetachesTheComment() {
        Map<String, ValueComment> comments = ValueCommentParser.parse("""
                # -- Orphan.

                key: 1
                """);
        assertTrue(comments.isEmpty());
    }

    @Test
    void skipsBlockScalarsAndListItems() {
        Map<String, ValueComment> comments = ValueCommentParser.parse("""
                script: |
                  # -- not a comment: text of the scalar
                  notAKey: 1
                list:
                  - name: a
                    value: b
                # -- After.
                after: true
                """);
        assertEquals(1, comments.size());
        assertEquals("After.", comments.get("after").description());
    }

    @Test
    void siblingsAfterANestedMapHaveTheRightParent() {
        Map<String, ValueComment> comments = ValueCommentParser.parse("""
                probes:
                  liveness:
                    # -- L.
                    path: /l
                  readiness:
                    # -- R.
                    path: /r
                """);
        assertEquals("L.", comments.get("probes.liveness.path").description());
        assertEquals("R.", comments.get("probes.readiness.path").description());
    }

    /** The expression keyLine replaces; RE2/J, as it ran. */
    private static final com.google.re2j.Pattern KEY_LINE = com.google.re2j.Pattern.compile(
            "^( *)(\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-][^:#]*?|-[^\\s:#][^:#]*?)\\s*:(?:\\s+(.*))?$");

    @Test
    void keyLineReadsAsTheExpressionMatches() {
        for (String line : new String[] {
            "a: 1",
            "  a: 1",
            "a:",
            "a :",
            "a:1",
            "\"a:#b\" : c",
            "'a' :x",
            "-a: b",
            "- a: b",
            "-:",
            "-#: x",
            ":a: b",
            "a#: b",
            "a b: c d ",
            "a\t:\tb",
            "a\u000b: b",
            "a:\u000bb",
            "\"a\"",
            "\"a",
            "\ta: b",
            "a\u00a0: b\u2028",
            ""
        }) {
            assertSameAsExpression(line);
        }
        Random random = new Random(27);
        String[] parts = {
            " ", "a", "b", ":", "\"", "'", "-", "#", "\t", "\f", "\r", "\u000b", "\u00a0", "\u2028", "|", "("
        };
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder(" ".repeat(random.nextInt(3)));
            for (int j = random.nextInt(10); j > 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            assertSameAsExpression(b.toString());
        }
    }

    private static void assertSameAsExpression(String line) {
        com.google.re2j.Matcher m = KEY_LINE.matcher(line);
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        ValueCommentParser.KeyLine read = ValueCommentParser.keyLine(line, indent);
        if (!m.matches()) {
            assertNull(read, line);
            return;
        }
        String key = m.group(2).strip();
        if (key.length() >= 2
                && ((key.startsWith("\"") && key.endsWith("\"")) || (key.startsWith("'") && key.endsWith("'")))) {
            key = key.substring(1, key.length() - 1);
        }
        String value = m.group(3) == null ? "" : m.group(3).strip();
        assertEquals(
                new ValueComment(key, 0, value, "", false),
                read == null ? null : new ValueComment(read.name(), 0, read.value(), "", false),
                line);
    }

    /**
     * Long lines and many of them, documented: the key reader and the type hints read each character a bounded number
     * of times (the expression took 1.4 s on one 8 MB line, 16,000 hints 2.3 s and 160,000 would take minutes).
     */
    @Test
    void longLinesAndManyHintsEndQuickly() {
        String longKey = "k" + " ".repeat(5_000_000) + ": " + " ".repeat(5_000_000) + "v";
        StringBuilder manyLines = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            manyLines.append("# -- x\nk").append(i).append("a".repeat(100_000)).append(":   ");
            manyLines.append(" ".repeat(100_000)).append("1\n");
        }
        String hints = "# -- " + "(int)".repeat(200_000) + " Count.\ncount: 1\n";
        Map<String, ValueComment> comments = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> ValueCommentParser.parse("# -- Long.\n" + longKey + "\n" + manyLines + hints));
        assertEquals("Long.", comments.get("k").description());
        assertEquals(102, comments.size());
        assertEquals("int", comments.get("count").typeHint());
        assertEquals("Count.", comments.get("count").description());
    }
}
