package dev.runway.render.unittest;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.google.re2j.Pattern;
import dev.runway.render.regexp.GoRegexp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The failure lines of helm-unittest's validators (validators/common.go): the {@code Path: / Expected: / Actual: /
 * Diff:} layout, {@code DocumentIndex} and {@code ValuesIndex} prefixes, and go-difflib's unified diff with one
 * line of context.
 */
final class FailInfo {
    static final String ERROR_FORMAT = "\nError:\n%s\n";
    private static final Pattern TRAILING_SPACES = GoRegexp.compile("(?m)[ ]+\\r?\\n");

    private FailInfo() {}

    /** setFailFormat. */
    static String format(boolean not, boolean path, boolean actual, boolean diff, String customize) {
        String result = "\nExpected" + (not ? " NOT" : "") + customize + ":\n%s\n";
        if (path) {
            result = "Path:%s" + result;
        }
        if (actual) {
            result += "Actual:\n%s\n";
        }
        if (diff) {
            result += "Diff:\n%s\n";
        }
        return result;
    }

    /** splitInfof: the format filled with tab-indented replacements, split into lines. */
    static List<String> split(String format, int manifestIndex, int valuesIndex, String... replacements) {
        String trimmed = trim(format, "\t\n ");
        StringBuilder sb = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '%' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == 's') {
                sb.append(
                        arg < replacements.length
                                ? "\t" + trim(replacements[arg].replace("\n", "\n\t"), "\n\t ")
                                : "%!s(MISSING)");
                arg++;
                i++;
            } else {
                sb.append(c);
            }
        }
        List<String> lines = new ArrayList<>(Arrays.asList(sb.toString().split("\n", -1)));
        if (valuesIndex >= 0) {
            lines.add(0, "ValuesIndex:\t" + valuesIndex);
        }
        if (manifestIndex >= 0) {
            lines.add(0, "DocumentIndex:\t" + manifestIndex);
        }
        return lines;
    }

    static List<String> error(int manifestIndex, int valuesIndex, String message) {
        return split(ERROR_FORMAT, manifestIndex, valuesIndex, message);
    }

    /** uniformContent: spaces before line ends removed, CRLF made LF, leading newlines dropped. */
    static String uniform(Object content) {
        String s = content == null ? "<nil>" : String.valueOf(content);
        s = TRAILING_SPACES.matcher(s).replaceAll("\n");
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        return s.substring(i);
    }

    static boolean determine(int idx, boolean original, boolean next) {
        return idx == 0 ? next : original && next;
    }

    private static String trim(String s, String cut) {
        int start = 0;
        int end = s.length();
        while (start < end && cut.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cut.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private record OpCode(char tag, int i1, int i2, int j1, int j2) {}

    /** go-difflib's GetUnifiedDiffString of two texts, "Expected" against "Actual", one line of context. */
    static String diff(String expected, String actual) {
        List<String> a = splitLines(expected);
        List<String> b = splitLines(actual);
        List<OpCode> codes = opCodes(a, b);
        StringBuilder out = new StringBuilder();
        boolean started = false;
        for (List<OpCode> group : grouped(codes, 1)) {
            if (!started) {
                started = true;
                out.append("--- Expected\n+++ Actual\n");
            }
            OpCode first = group.get(0);
            OpCode last = group.get(group.size() - 1);
            out.append("@@ -")
                    .append(range(first.i1(), last.i2()))
                    .append(" +")
                    .append(range(first.j1(), last.j2()))
                    .append(" @@\n");
            for (OpCode c : group) {
                if (c.tag() == 'e') {
                    for (String line : a.subList(c.i1(), c.i2())) {
                        out.append(' ').append(line);
                    }
                    continue;
                }
                if (c.tag() == 'r' || c.tag() == 'd') {
                    for (String line : a.subList(c.i1(), c.i2())) {
                        out.append('-').append(line);
                    }
                }
                if (c.tag() == 'r' || c.tag() == 'i') {
                    for (String line : b.subList(c.j1(), c.j2())) {
                        out.append('+').append(line);
                    }
                }
            }
        }
        return out.toString();
    }

    /** difflib.SplitLines: lines with their newline, and one more "\n" at the end. */
    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        lines.add(s.substring(start) + "\n");
        return lines;
    }

    private static String range(int start, int stop) {
        int beginning = start + 1;
        int length = stop - start;
        if (length == 1) {
            return Integer.toString(beginning);
        }
        if (length == 0) {
            beginning--;
        }
        return beginning + "," + length;
    }

    private static List<OpCode> opCodes(List<String> a, List<String> b) {
        List<OpCode> codes = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int si = d.getSource().getPosition();
            int tj = d.getTarget().getPosition();
            if (si > i || tj > j) {
                codes.add(new OpCode('e', i, si, j, tj));
            }
            int ei = si + d.getSource().size();
            int ej = tj + d.getTarget().size();
            char tag = switch (d.getType()) {
                case DELETE -> 'd';
                case INSERT -> 'i';
                default -> 'r';
            };
            codes.add(new OpCode(tag, si, ei, tj, ej));
            i = ei;
            j = ej;
        }
        if (i < a.size() || j < b.size()) {
            codes.add(new OpCode('e', i, a.size(), j, b.size()));
        }
        return codes;
    }

    private static List<List<OpCode>> grouped(List<OpCode> input, int n) {
        List<OpCode> codes = new ArrayList<>(input);
        if (codes.isEmpty()) {
            codes.add(new OpCode('e', 0, 1, 0, 1));
        }
        OpCode c0 = codes.get(0);
        if (c0.tag() == 'e') {
            codes.set(
                    0,
                    new OpCode('e', Math.max(c0.i1(), c0.i2() - n), c0.i2(), Math.max(c0.j1(), c0.j2() - n), c0.j2()));
        }
        OpCode cl = codes.get(codes.size() - 1);
        if (cl.tag() == 'e') {
            codes.set(
                    codes.size() - 1,
                    new OpCode('e', cl.i1(), Math.min(cl.i2(), cl.i1() + n), cl.j1(), Math.min(cl.j2(), cl.j1() + n)));
        }
        int nn = n + n;
        List<List<OpCode>> groups = new ArrayList<>();
        List<OpCode> group = new ArrayList<>();
        for (OpCode c : codes) {
            int i1 = c.i1();
            int j1 = c.j1();
            if (c.tag() == 'e' && c.i2() - i1 > nn) {
                group.add(new OpCode('e', i1, Math.min(c.i2(), i1 + n), j1, Math.min(c.j2(), j1 + n)));
                groups.add(group);
                group = new ArrayList<>();
                i1 = Math.max(i1, c.i2() - n);
                j1 = Math.max(j1, c.j2() - n);
            }
            group.add(new OpCode(c.tag(), i1, c.i2(), j1, c.j2()));
        }
        if (!group.isEmpty() && !(group.size() == 1 && group.get(0).tag() == 'e')) {
            groups.add(group);
        }
        return groups;
    }
}
