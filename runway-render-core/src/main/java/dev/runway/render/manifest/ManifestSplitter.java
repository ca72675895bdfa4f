package dev.runway.render.manifest;

import java.util.ArrayList;
import java.util.List;

/** releaseutil.SplitManifests: split at {@code ---} lines, trim each document, drop empty ones. */
public final class ManifestSplitter {
    private ManifestSplitter() {}

    public static List<String> split(String file) {
        // Hand-written form of Helm's split regexp (?:^|\s*\n)---\s* (RE2's \s is [\t\n\f\r ]). It works on
        // the trimmed range of the file in place: each document is copied once, already trimmed.
        int start = trimStart(file, 0, file.length());
        int end = trimEnd(file, start, file.length());
        List<String> docs = new ArrayList<>();
        int docStart = start;
        int search = start;
        while (true) {
            int matchStart;
            int dashes;
            if (search == start && file.startsWith("---", start)) {
                matchStart = start;
                dashes = start;
            } else {
                // The range ends at a non-space, so a match found here lies inside it.
                int k = file.indexOf("\n---", search);
                if (k < 0 || k >= end) {
                    break;
                }
                matchStart = k;
                while (matchStart > search && isRe2Space(file.charAt(matchStart - 1))) {
                    matchStart--;
                }
                dashes = k + 1;
            }
            int matchEnd = dashes + 3;
            while (matchEnd < end && isRe2Space(file.charAt(matchEnd))) {
                matchEnd++;
            }
            add(docs, file, docStart, matchStart);
            docStart = matchEnd;
            search = matchEnd;
            if (search >= end) {
                break;
            }
        }
        add(docs, file, Math.min(docStart, end), end);
        return docs;
    }

    /** A non-empty document {@code file[from, to)}, trimmed (a document of only white space stays, empty). */
    private static void add(List<String> docs, String file, int from, int to) {
        if (from < to) {
            int s = trimStart(file, from, to);
            docs.add(file.substring(s, trimEnd(file, s, to)));
        }
    }

    private static int trimStart(String s, int from, int to) {
        while (from < to && isGoSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && isGoSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** True when Go's strings.TrimSpace of {@code s} is empty, without making the trimmed copy. */
    public static boolean isGoBlank(String s) {
        return trimStart(s, 0, s.length()) == s.length();
    }

    private static boolean isRe2Space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** Go's strings.TrimSpace: Unicode white space at both ends. */
    public static String goTrimSpace(String s) {
        int start = trimStart(s, 0, s.length());
        return s.substring(start, trimEnd(s, start, s.length()));
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
