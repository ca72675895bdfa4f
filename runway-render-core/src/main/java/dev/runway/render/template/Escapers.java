package dev.runway.render.template;

import dev.runway.render.gofmt.GoValues;

/** The escapers behind text/template's html, js and urlquery functions. */
final class Escapers {
    private Escapers() {}

    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> b.append('\uFFFD');
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String js(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> {
                    if (cp < ' ') {
                        b.append(String.format("\\u00%02X", cp));
                    } else if (cp < 0x80 || isPrint(cp)) {
                        b.appendCodePoint(cp);
                    } else {
                        b.append(String.format("\\u%04X", cp));
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean isPrint(int cp) {
        int t = Character.getType(cp);
        return t != Character.CONTROL
                && t != Character.FORMAT
                && t != Character.UNASSIGNED
                && t != Character.SURROGATE
                && t != Character.PRIVATE_USE
                && t != Character.LINE_SEPARATOR
                && t != Character.PARAGRAPH_SEPARATOR
                && (t != Character.SPACE_SEPARATOR);
    }

    /** Go's url.QueryEscape: space as '+', unreserved characters kept, the rest %XX. */
    static String urlQuery(String s) {
        StringBuilder b = new StringBuilder();
        for (byte raw : GoValues.utf8(s)) {
            int c = raw & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
