package dev.runway.render.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code conformance/known-differences.txt}: one line per accepted difference, {@code group/case: reason}.
 * Blank lines and lines starting with '#' are ignored. A line without a reason is an error.
 */
final class KnownDifferences {
    private KnownDifferences() {
    }

    static Map<String, String> read(Path file) {
        Map<String, String> known = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return known;
        }
        int lineNo = 0;
        for (String line : ConformanceCase.readString(file).split("\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0 || l.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException(file + ":" + lineNo
                        + ": write 'group/case: reason' (the reason is required)");
            }
            known.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
        }
        return known;
    }
}
