package dev.runway.render.manifest;

import java.util.ArrayList;
import java.util.List;

/** releaseutil.SplitManifests: split at {@code ---} lines, trim each document, drop empty ones. */
public final class ManifestSplitter {
    private ManifestSplitter() {}

    public static List<String> split(String file) {
        // Hand-written form of Helm's split regexp (?:^|\s*\n)---\s* (RE2's \s is [\t\n\f\r ]).
        String text = goTrimSpace(file);
        List<String> docs = new ArrayList<>();
        int docStart = 0;
        int search = 0;
        while (true) {
            int matchStart;
            int dashes;
            if (search == 0 && text.startsWith("---")) {
                matchStart = 0;
                dashes = 0;
            } else {
                int k = text.indexOf("\n---", search);
                if (k < 0) {
                    break;
                }
                matchStart = k;
                while (matchStart > search && isRe2Space(text.charAt(matchStart - 1))) {
                    matchStart--;
                }
                dashes = k + 1;
            }
            int matchEnd = dashes + 3;
            while (matchEnd < text.length() && isRe2Space(text.charAt(matchEnd))) {
                matchEnd++;
            }
            add(docs, text.substring(docStart, matchStart));
            docStart = matchEnd;
            search = matchEnd;
            if (search >= text.length()) {
                break;
            }
        }
        add(docs, text.substring(docStart));
        return docs;
    }

    private static void add(List<String> docs, String doc) {
        if (!doc.isEmpty()) {
            docs.add(goTrimSpace(doc));
        }
    }

    private static boolean isRe2Space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
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
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\r'
                || c == 0x0b
                || c == 0x0c
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202f
                || c == 0x205f
                || c == 0x3000;
    }
}
