package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void parsesDotsAndBracketsAndPrintsThemBack() {
        String text = "spec.template.spec.containers[payments].env[GOOGLE_APPLICATION_CREDENTIALS].value";

        FieldPath path = FieldPath.parse(text);

        assertEquals(
                List.of(
                        "spec",
                        "template",
                        "spec",
                        "containers",
                        "payments",
                        "env",
                        "GOOGLE_APPLICATION_CREDENTIALS",
                        "value"),
                path.segments().stream().map(FieldPath.Segment::text).toList());
        assertEquals(text, path.toString());
    }

    @Test
    void keysWithDotsOrSlashesAreBracketed() {
        FieldPath path = FieldPath.ROOT.key("metadata").key("annotations").key("checksum/gcp-credentials");
        assertEquals("metadata.annotations[checksum/gcp-credentials]", path.toString());
        assertEquals(
                "metadata.labels[app.kubernetes.io/name]",
                FieldPath.ROOT
                        .key("metadata")
                        .key("labels")
                        .key("app.kubernetes.io/name")
                        .toString());
        assertEquals("[weird key].x", FieldPath.ROOT.key("weird key").key("x").toString());
        assertEquals(
                "containers[0].ports[http]",
                FieldPath.ROOT
                        .key("containers")
                        .item("0")
                        .key("ports")
                        .item("http")
                        .toString());
    }

    @Test
    void syntaxErrorsSayWhere() {
        IllegalArgumentException unclosed =
                assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("metadata.annotations[checksum"));
        assertTrue(unclosed.getMessage().contains("at character 21: '[' without a closing ']'"), unclosed.getMessage());
        IllegalArgumentException doubleDot =
                assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("spec..replicas"));
        assertTrue(doubleDot.getMessage().contains("at character 6: empty segment"), doubleDot.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("spec."));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("a[b]c"));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse(" "));
    }
}
