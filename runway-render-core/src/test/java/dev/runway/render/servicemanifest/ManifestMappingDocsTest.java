package dev.runway.render.servicemanifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of how {@code .runway/runway.yml} maps onto runway-eks is {@link ManifestField}'s list, so the
 * documentation cannot drift from the code. {@code -Drunway.updateDocs=true} rewrites the table.
 */
class ManifestMappingDocsTest {
    private static final Path README = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"))
            .resolve("../../README.md")
            .normalize();
    private static final String START = "<!-- runway-manifest:start -->\n";
    private static final String END = "<!-- runway-manifest:end -->";

    static String table() {
        StringBuilder out = new StringBuilder("| `runway.yml` field | runway-eks values | How |\n|---|---|---|\n");
        for (ManifestField field : ManifestField.all()) {
            if (field.meaning() == ManifestField.Meaning.GROUP && field.target().isEmpty()) {
                continue;
            }
            String target = switch (field.meaning()) {
                case NO_EKS_MEANING -> "refused: no EKS meaning";
                case NOT_SUPPORTED -> "refused: not supported";
                default ->
                    field.target().isEmpty()
                            ? "(checked)"
                            : "`" + field.target().replace(", ", "`, `") + "`";
            };
            out.append("| `")
                    .append(field.path())
                    .append("` | ")
                    .append(target)
                    .append(" | ")
                    .append(field.note().replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    @Test
    void readmeTableIsTheFieldList() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has the markers " + START.strip() + " and " + END);
        String expected = readme.substring(0, start + START.length()) + table() + readme.substring(end);
        if (Boolean.getBoolean("runway.updateDocs")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
        }
        assertEquals(
                expected,
                readme,
                "README.md's manifest table is out of date with ManifestField; run `./mvnw -pl "
                        + "runway-render-core test -Dtest=ManifestMappingDocsTest -Drunway.updateDocs=true` and commit it");
    }
}
