package dev.runway.render.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** releaseutil.SplitManifests: split at {@code ---} lines, trim each document, drop empty ones. */
public final class ManifestSplitter {
    private static final Pattern SEPARATOR = Pattern.compile("(?:^|\\s*\n)---\\s*");

    private ManifestSplitter() {
    }

    public static List<String> split(String file) {
        List<String> docs = new ArrayList<>();
        for (String d : SEPARATOR.split(goTrimSpace(file), -1)) {
            if (d.isEmpty()) {
                continue;
            }
            docs.add(goTrimSpace(d));
        }
        return docs;
    }

    /** Go's strings.TrimSpace: Unicode white space at both ends. */
    public static String goTrimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x85
                || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }
}
