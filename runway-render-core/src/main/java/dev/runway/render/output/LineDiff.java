package dev.runway.render.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line ({@code diff -u} style, three lines of context). Manifests are a
 * few hundred lines, so a plain longest-common-subsequence table is fast enough and easy to trust.
 */
public final class LineDiff {

    private static final int CONTEXT = 3;
    private static final int MAX_CELLS = 25_000_000;

    private LineDiff() {
    }

    /** The diff from {@code expected} to {@code actual}, with headers naming both; empty when they are equal. */
    public static String unified(String expectedName, String expected, String actualName, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return "--- " + expectedName + "\n+++ " + actualName + "\n(files differ; too large to diff line by line)\n";
        }
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder("--- ").append(expectedName).append("\n+++ ").append(actualName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).op() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != '+') {
                if (oldStart < 0) {
                    oldStart = e.oldLine();
                }
                oldCount++;
            }
            if (e.op() != '-') {
                if (newStart < 0) {
                    newStart = e.newLine();
                }
                newCount++;
            }
        }
        out.append("@@ -").append(range(oldStart, oldCount, hunk.get(0).oldLine()))
                .append(" +").append(range(newStart, newCount, hunk.get(0).newLine())).append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op()).append(e.text()).append('\n');
        }
    }

    private static String range(int start, int count, int fallback) {
        int line = count == 0 ? fallback : start + 1;
        return count == 1 ? String.valueOf(line) : line + "," + count;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), i++, j));
            } else {
                edits.add(new Edit('+', b.get(j), i, j++));
            }
        }
        return edits;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private record Edit(char op, String text, int oldLine, int newLine) {
    }
}
