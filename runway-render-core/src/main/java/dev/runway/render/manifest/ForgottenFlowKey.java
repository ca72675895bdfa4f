package dev.runway.render.manifest;

/**
 * go-yaml v2.4's forgotten key of an empty flow collection. Its scanner saves a possible simple key for a {@code {}}
 * or {@code []} opened outside any flow collection, but increase_flow_level files the new level under the
 * collection's own token number and decrease_flow_level deletes that number from simple_keys_by_tok (scannerc.go).
 * The collection then goes to the parser before the ':' is seen; the KEY token (and a BLOCK-MAPPING-START) that
 * the ':' adds are queued after it. So Helm reads {@code {}: 1} at the start of a document as the document {@code
 * {}} and stops there ({@code []: 1} as a list, which its head type refuses), and elsewhere the parser fails where
 * the collection stands: "did not find expected '-' indicator" as a list item, else "did not find expected key".
 * An explicit key ({@code ? {}}) or one inside a flow collection keeps its key and is go-yaml's "invalid map key".
 */
final class ForgottenFlowKey {
    private ForgottenFlowKey() {}

    /**
     * The bracket ('{' or '[') of an empty flow collection that starts the document as a simple key, or 0: the
     * document go-yaml reads is then that empty collection alone.
     */
    static char atDocumentStart(String document) {
        int i = 0;
        int n = document.length();
        while (i < n) {
            char c = document.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < n && document.charAt(i) != '\n') {
                    i++;
                }
            } else {
                break;
            }
        }
        return i < n && isSimpleKey(document, i) ? document.charAt(i) : 0;
    }

    /**
     * Whether the empty flow collection whose bracket is at {@code open} is a simple key: only spaces inside it,
     * then only spaces before a ':' that is followed by a blank or the end (a value indicator outside flow).
     */
    static boolean isSimpleKey(String text, int open) {
        char bracket = text.charAt(open);
        char close = bracket == '{' ? '}' : bracket == '[' ? ']' : 0;
        if (close == 0) {
            return false;
        }
        int i = skipSpaces(text, open + 1);
        if (i >= text.length() || text.charAt(i) != close) {
            return false;
        }
        i = skipSpaces(text, i + 1);
        if (i >= text.length() || text.charAt(i) != ':') {
            return false;
        }
        return i + 1 == text.length() || " \t\r\n".indexOf(text.charAt(i + 1)) >= 0;
    }

    /** Whether the collection at {@code open} follows a '?' on its line (an explicit key, which go-yaml keeps). */
    static boolean isExplicit(String text, int open) {
        char before = lastOnLine(text, open);
        return before == '?';
    }

    /**
     * go-yaml's parser error for a forgotten key at {@code open} that does not start the document, in a list
     * written at its parent map's column or not: the line is go-yaml v2's (a parser error prints the 0-based line,
     * and none on the first line).
     */
    static String parserError(String text, int open, boolean indentlessList) {
        int line = 0;
        for (int i = 0; i < open; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        // A list item is followed by the queued KEY: an indented list wants a '-'; a list at its map's column ends
        // there, and the map wants a key where the ':' stands.
        String problem = lastOnLine(text, open) == '-' && !indentlessList
                ? "did not find expected '-' indicator"
                : "did not find expected key";
        return "yaml: " + (line == 0 ? "" : "line " + line + ": ") + problem;
    }

    /** The last character before {@code at} on its line other than a space, or 0. */
    private static char lastOnLine(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return 0;
            }
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return 0;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
