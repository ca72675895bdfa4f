package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.CallArguments;
import java.util.List;
import java.util.Map;

/**
 * text/template's checks of a call against the Go signature of the function: argument count and the Go type of each
 * argument (a Go {@code int} parameter takes only an int, not an int64 or a float64).
 */
final class Args {

    private Args() {}

    static void count(String fn, List<Object> args, int want) throws WrongArgumentException {
        if (args.size() != want) {
            throw new WrongArgumentException(
                    "wrong number of args for " + fn + ": want " + want + " got " + args.size());
        }
    }

    static void atLeast(String fn, List<Object> args, int want) throws WrongArgumentException {
        if (args.size() < want) {
            throw new WrongArgumentException(
                    "wrong number of args for " + fn + ": want at least " + want + " got " + args.size());
        }
    }

    static void range(String fn, List<Object> args, int min, int max) throws WrongArgumentException {
        if (args.size() < min) {
            atLeast(fn, args, min);
        }
        if (args.size() > max) {
            count(fn, args, max);
        }
    }

    static String string(List<Object> args, int i) throws WrongArgumentException {
        Object v = args.get(i);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType("string", v, i);
    }

    static int integer(List<Object> args, int i) throws WrongArgumentException {
        Object v = args.get(i);
        if (v instanceof Integer n) {
            return n;
        }
        throw wrongType("int", v, i);
    }

    static boolean bool(List<Object> args, int i) throws WrongArgumentException {
        Object v = args.get(i);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType("bool", v, i);
    }

    /**
     * A map[string]interface{} parameter; null stands for a nil map. text/template's validateType gives a nil map for
     * Go's invalid value (the literal {@code nil}, a variable or pipeline holding nil) but rejects a nil interface read
     * from a map ({@code .Values.missing}), which the executor marks ({@link CallArguments}).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(List<Object> args, int i) throws WrongArgumentException {
        Object v = args.get(i);
        if (v == null) {
            if (CallArguments.isNilInterface(args, i)) {
                throw wrongType("map[string]interface {}", null, i);
            }
            return null;
        }
        if (v instanceof GoValues.NamedMap named) {
            return named.underlying();
        }
        if (v instanceof Map<?, ?> m && !(v instanceof GoFmt.GoTyped)) {
            return (Map<String, Object>) m;
        }
        // A Go map of another type (.Files is engine.files) is not assignable to map[string]interface{}; Helm's
        // Values (map[string]interface{} underneath) is.
        throw wrongType("map[string]interface {}", v, i);
    }

    /** A []interface{} parameter; null stands for a nil slice, a nil interface is rejected (see {@link #map}). */
    @SuppressWarnings("unchecked")
    static List<Object> list(List<Object> args, int i) throws WrongArgumentException {
        Object v = args.get(i);
        if (v == null) {
            if (CallArguments.isNilInterface(args, i)) {
                throw wrongType("[]interface {}", null, i);
            }
            return null;
        }
        if (v instanceof List<?> l
                && (!(v instanceof GoFmt.GoTyped)
                        || (v instanceof GoSlice s && s.elementType().equals("interface {}")))) {
            return (List<Object>) l;
        }
        throw wrongType("[]interface {}", v, i);
    }

    static WrongArgumentException wrongType(String expected, Object v) {
        return wrongType(expected, v, -1);
    }

    static WrongArgumentException wrongType(String expected, Object v, int index) {
        if (v == null) {
            // A nil interface{} value (a missing or null key) has the static type interface {}.
            return new WrongArgumentException(
                    "wrong type for value; expected " + expected + "; got interface {}", index, expected);
        }
        return new WrongArgumentException(
                "wrong type for value; expected " + expected + "; got " + GoFmt.typeName(v), index, expected);
    }
}
