package dev.runway.render.text;

/** Converts between char offsets in a text and 1-based lines and columns (columns count code points). */
public final class TextPositions {

    private final String text;
    private final int[] lineStarts;

    public TextPositions(String text) {
        this.text = text;
        // Two loops over the text, not a stream: no java.util.stream classes to load for a run's first positions.
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        lineStarts = new int[lines];
        for (int i = text.indexOf('\n'), k = 1; i >= 0; i = text.indexOf('\n', i + 1), k++) {
            lineStarts[k] = i + 1;
        }
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset, in code points. */
    public int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    /** Offset of a 0-based line and 0-based code point column, as snakeyaml-engine marks give them. */
    public int offset(int line0, int column0) {
        if (line0 >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line0];
        try {
            return text.offsetByCodePoints(start, column0);
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    /** The text of the 1-based line, without its line break. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(start, Math.max(start, end));
    }
}
