package dev.runway.render.unittest;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Go's names of the types yaml.v3 decodes into interface{}, as reflect.TypeOf(v).String() prints them. */
final class GoTypes {
    private GoTypes() {
    }

    /** fmt's %v of a yaml.v3 value. */
    static String sprintV(Object v) {
        return dev.runway.render.gofmt.GoFmt.sprintf("%v", v);
    }

    static String name(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof BigInteger) {
            return "uint64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        return v.getClass().getSimpleName();
    }
}
