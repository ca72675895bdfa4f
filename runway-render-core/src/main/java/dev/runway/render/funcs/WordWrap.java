package dev.runway.render.funcs;

/** goutils.WrapCustom: wraps at spaces near the given width; long words are split only when asked. */
final class WordWrap {

    private WordWrap() {}

    static String wrap(String str, int wrapLength, String newLine, boolean wrapLongWords) {
        if (str.isEmpty()) {
            return "";
        }
        if (newLine.isEmpty()) {
            newLine = "\n";
        }
        if (wrapLength < 1) {
            wrapLength = 1;
        }
        int inputLineLength = str.length();
        int offset = 0;
        StringBuilder out = new StringBuilder();
        while (inputLineLength - offset > wrapLength) {
            if (str.charAt(offset) == ' ') {
                offset++;
                continue;
            }
            int end = wrapLength + offset + 1;
            int spaceToWrapAt = str.substring(offset, end).lastIndexOf(' ') + offset;
            if (spaceToWrapAt >= offset) {
                out.append(str, offset, spaceToWrapAt).append(newLine);
                offset = spaceToWrapAt + 1;
            } else if (wrapLongWords) {
                int e = wrapLength + offset;
                out.append(str, offset, e).append(newLine);
                offset += wrapLength;
            } else {
                int e = wrapLength + offset;
                int index = str.indexOf(' ', e);
                if (index == -1) {
                    out.append(str, offset, str.length());
                    offset = inputLineLength;
                } else {
                    out.append(str, offset, index).append(newLine);
                    offset = index + 1;
                }
            }
        }
        out.append(str, offset, str.length());
        return out.toString();
    }
}
