package dev.runway.render.unittest;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an assertion's parameters as mapstructure.Decode does for helm-unittest: field names match
 * case-insensitively, unknown keys are ignored, a value of the wrong type is an error naming the field.
 */
final class Params {
    private final Map<?, ?> map;
    private final String kind;

    Params(Object params, String kind) {
        this.map = params instanceof Map<?, ?> m ? m : Map.of();
        this.kind = kind;
        if (params != null && !(params instanceof Map)) {
            throw new UnittestException(
                    "assertion `" + kind + "`: expected a map of parameters, got " + GoValues.yamlV3TypeName(params));
        }
    }

    Object raw(String field) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }

    String string(String field) {
        Object v = raw(field);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(field, "string", v);
    }

    boolean bool(String field) {
        Object v = raw(field);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(field, "bool", v);
    }

    Long optionalInt(String field) {
        Object v = raw(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw wrongType(field, "int", v);
    }

    List<String> strings(String field) {
        Object v = raw(field);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw wrongType(field, "[]string", v);
        }
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw wrongType(field, "[]string", v);
            }
            out.add(s);
        }
        return out;
    }

    /** A nested {@code {pattern: ...}} block such as matchSnapshot's matchRegex. */
    String nestedPattern(String field) {
        Object v = raw(field);
        return v == null ? "" : new Params(v, kind + "." + field).string("pattern");
    }

    private UnittestException wrongType(String field, String expected, Object v) {
        return new UnittestException(
                "assertion `" + kind + "`: '" + field + "' expected type '" + expected + "', got unconvertible type '"
                        + GoValues.yamlV3TypeName(v) + "', value: '" + GoFmt.formatValue(v) + "'");
    }
}
