package dev.runway.render.values;

import java.util.List;
import java.util.Map;

/** Small pieces of Go's formatting that Helm's messages use ({@code %q}, runtime type names). */
final class GoText {
    private GoText() {
    }

    /** Go's {@code strconv.Quote} (what {@code %q} prints for a string). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp == 0xFFFD || isPrintable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** What {@code %q} prints for a {@code []rune}: each rune as a quoted Go character, space separated. */
    static String quoteRunes(String s) {
        StringBuilder out = new StringBuilder("[");
        s.codePoints().forEach(cp -> {
            if (out.length() > 1) {
                out.append(' ');
            }
            out.append(quoteRune(cp));
        });
        return out.append(']').toString();
    }

    /** Go's {@code strconv.QuoteRune}. */
    static String quoteRune(int cp) {
        if (cp == '\'') {
            return "'\\''";
        }
        if (cp == '"') {
            return "'\"'";
        }
        String inString = quote(new String(Character.toChars(cp)));
        return "'" + inString.substring(1, inString.length() - 1) + "'";
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && !(type == Character.SPACE_SEPARATOR && cp != ' ');
    }

    /** The name Go's runtime gives the dynamic type of a Go value in the shared value model. */
    static String typeName(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Map) {
            return "map[string]interface {}";
        }
        if (value instanceof List) {
            return "[]interface {}";
        }
        if (value instanceof byte[]) {
            return "[]uint8";
        }
        return value.getClass().getSimpleName();
    }
}
