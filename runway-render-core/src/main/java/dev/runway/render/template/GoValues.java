package dev.runway.render.template;

import dev.runway.render.gofmt.GoFmt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Go's value rules the executor needs: truth, type names, lengths, comparison kinds. */
final class GoValues {
    private GoValues() {
    }

    /** text/template's isTrue: the zero value of a type is false; structs are true. */
    static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Float f) {
            return f != 0;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof byte[] b) {
            return b.length > 0;
        }
        if (v instanceof Object[] a) {
            return a.length > 0;
        }
        return true;
    }

    /**
     * The Go type name of a value, as reflect prints it: Go's fmt names it, except for what only the engine holds
     * (a function value; a byte, which here is always an element of a []byte, so uint8).
     */
    static String typeName(Object v) {
        if (v instanceof TemplateFunction) {
            return "func(...interface {}) (interface {}, error)";
        }
        if (v instanceof Byte) {
            return "uint8";
        }
        return GoFmt.typeName(v);
    }

    /** Go's len() of a string counts UTF-8 bytes. */
    static int byteLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    enum Kind { INVALID, BOOL, INT, UINT, FLOAT, STRING, COMPLEX, OTHER }

    /** text/template's basicKind; OTHER stands for its error case. */
    static Kind basicKind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Kind.INT;
        }
        if (v instanceof java.math.BigInteger) {
            return Kind.UINT;
        }
        if (v instanceof Double || v instanceof Float) {
            return Kind.FLOAT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        return Kind.OTHER;
    }

    static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }
}
