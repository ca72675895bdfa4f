package dev.runway.render.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code conformance/known-differences.txt}: one line per accepted difference, {@code group/case: reason} for every
 * Helm version compared, or {@code group/case (helm3): reason} / {@code group/case (helm4): reason} for one.
 * Blank lines and lines starting with '#' are ignored. A line without a reason is an error.
 */
final class KnownDifferences {
    private final Map<String, String> reasons;

    private KnownDifferences(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    /** Why {@code id} may differ from the Helm version tagged {@code versionTag}, or null when it may not. */
    String reason(String id, String versionTag) {
        String forVersion = reasons.get(id + " (" + versionTag + ")");
        return forVersion != null ? forVersion : reasons.get(id);
    }

    static KnownDifferences read(Path file) {
        Map<String, String> known = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return new KnownDifferences(known);
        }
        int lineNo = 0;
        for (String line : ConformanceCase.readString(file).split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0 || l.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException(
                        file + ":" + lineNo
                                + ": write 'group/case: reason' or 'group/case (helm3|helm4): reason' (the reason is required)");
            }
            String key = l.substring(0, colon).strip();
            if (key.contains(" (") && !key.endsWith(" (helm3)") && !key.endsWith(" (helm4)")) {
                throw new IllegalArgumentException(
                        file + ":" + lineNo + ": the version in '" + key + "' must be (helm3) or (helm4)");
            }
            known.put(key, l.substring(colon + 1).strip());
        }
        return new KnownDifferences(known);
    }
}
