package dev.runway.render.template;

import dev.runway.render.gofmt.GoValues;

/**
 * One named template: a file's top level or a {@code define}/{@code block}. {@code parseName} and {@code text}
 * are those of the file it was parsed from, for error positions.
 */
public record Tree(String name, String parseName, String text, Node.ListNode root) {

    /** True when the body is only white space text and comments (Go's parse.IsEmptyTree). */
    boolean isEmpty() {
        return isEmpty(root);
    }

    private static boolean isEmpty(Node n) {
        if (n instanceof Node.ListNode list) {
            for (Node child : list.nodes()) {
                if (!isEmpty(child)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Node.TextNode text) {
            return text.text().isBlank() && text.text().chars().allMatch(c -> Lexer.isSpace((char) c));
        }
        return n instanceof Node.CommentNode;
    }

    /** Go's ErrorContext location: {@code parseName:line:column}, the column in bytes from the line start. */
    String location(int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = GoValues.byteLength(text, lineStart, Math.min(pos, text.length()));
        return parseName + ":" + line + ":" + column;
    }

    int line(int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
