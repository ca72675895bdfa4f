package dev.runway.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
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
}
