package dev.runway.render.docs;

/** Escaping for text inside a Markdown table cell. */
final class Markdown {

    private Markdown() {}

    /** Plain text as one table cell: pipes escaped, line breaks turned into spaces. */
    static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    /** A code span: backticks around the text, doubled when the text has a backtick; pipes escaped. */
    static String code(String text) {
        String line = oneLine(text).replace("|", "\\|");
        if (line.contains("`")) {
            return "`` " + line + " ``";
        }
        return "`" + line + "`";
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
