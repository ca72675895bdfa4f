package dev.runway.render.docs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The README a chart should have, next to the one it has.
 *
 * @param readme   where the README lives
 * @param current  its text now, empty when the file does not exist
 * @param expected its text with a freshly generated values table
 * @param rows     the rows of that table
 */
public record DocsUpdate(Path readme, String current, String expected, java.util.List<ValueRow> rows) {
    public DocsUpdate {
        Objects.requireNonNull(readme, "readme");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(expected, "expected");
        rows = java.util.List.copyOf(rows);
    }

    public boolean upToDate() {
        return current.equals(expected);
    }

    /** Rows of values that have no {@code # --} comment in values.yaml. */
    public java.util.List<ValueRow> undocumented() {
        return rows.stream()
                .filter(r -> !r.documented() && r.description().isEmpty())
                .toList();
    }

    /**
     * Why the committed README is stale, with the first differing line and the command that fixes it.
     *
     * @param updateCommand the command a person runs to regenerate the README
     */
    public String outOfDateMessage(String updateCommand) {
        if (upToDate()) {
            return readme + " is up to date";
        }
        if (current.isEmpty()) {
            return readme + " does not exist; run `" + updateCommand + "` to create it, then commit it";
        }
        String[] have = current.split("\n", -1);
        String[] want = expected.split("\n", -1);
        int line = 0;
        while (line < have.length && line < want.length && have[line].equals(want[line])) {
            line++;
        }
        return readme + " is out of date with values.yaml/values.schema.json; run `" + updateCommand
                + "` and commit the result.\n  first difference at line " + (line + 1) + ":\n    committed: "
                + (line < have.length ? have[line] : "(end of file)") + "\n    generated: "
                + (line < want.length ? want[line] : "(end of file)");
    }
}
