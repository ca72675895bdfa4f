package dev.runway.render.docs;

/**
 * The generated part of a README: everything between {@value #START} and {@value #END}. The rest of the
 * README is prose that people write and this code never touches.
 */
public final class ReadmeSection {

    public static final String START = "<!-- runway:docs:start -->";
    public static final String END = "<!-- runway:docs:end -->";

    private ReadmeSection() {}

    /**
     * The README with {@code generated} between the markers. A README without markers gets a {@code ## Values}
     * section with them at its end; an empty one gets a title too.
     *
     * @param readme     the current README text, empty when there is none
     * @param readmeName names the file in error messages
     * @param title      the title of a new README (the chart name)
     */
    public static String apply(String readme, String readmeName, String generated, String title) {
        String body = generated.endsWith("\n") ? generated : generated + "\n";
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 && end < 0) {
            StringBuilder out = new StringBuilder();
            if (readme.isBlank()) {
                out.append("# ").append(title).append("\n");
            } else {
                out.append(readme.stripTrailing()).append("\n");
            }
            out.append("\n## Values\n\n")
                    .append(START)
                    .append('\n')
                    .append(body)
                    .append(END)
                    .append('\n');
            return out.toString();
        }
        if (start < 0 || end < 0) {
            throw new DocsException(readmeName + ": found " + (start < 0 ? END : START) + " but not "
                    + (start < 0 ? START : END) + "; put both markers around the generated values table");
        }
        if (end < start) {
            throw new DocsException(readmeName + ": " + END + " comes before " + START + "; swap them");
        }
        if (readme.indexOf(START, start + START.length()) >= 0 || readme.indexOf(END, end + END.length()) >= 0) {
            throw new DocsException(readmeName + ": the markers " + START + " and " + END + " must appear once each");
        }
        return readme.substring(0, start) + START + "\n" + body + readme.substring(end);
    }
}
