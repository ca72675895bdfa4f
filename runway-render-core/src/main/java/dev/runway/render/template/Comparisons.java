package dev.runway.render.template;

import dev.runway.render.gofmt.GoComplex;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.gofmt.GoValues.Kind;
import java.math.BigInteger;
import java.util.List;

/**
 * text/template's eq and lt (funcs.go) with Go's rules: basic kinds only, no mixing of ints and floats, but signed
 * and unsigned integers compare by value (a uint64 such as {@code (semver "1.2.3").Major} against an int literal).
 */
final class Comparisons {
    private Comparisons() {}

    static boolean eq(Object a, List<Object> others) throws TemplateFunctionException {
        if (others.isEmpty()) {
            throw new TemplateFunctionException("missing argument for comparison");
        }
        Kind k1 = GoValues.basicKind(a);
        for (Object b : others) {
            Kind k2 = GoValues.basicKind(b);
            boolean truth;
            if ((k1 == Kind.INT && k2 == Kind.UINT) || (k1 == Kind.UINT && k2 == Kind.INT)) {
                truth = unsigned(a).equals(unsigned(b));
            } else if (k1 != k2 && !(isNilKind(k1) && isNilKind(k2))) {
                if (a != null && b != null) {
                    throw new TemplateFunctionException("incompatible types for comparison: " + GoValues.typeName(a)
                            + " and " + GoValues.typeName(b));
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case BOOL -> a.equals(b);
                    case FLOAT -> ((Number) a).doubleValue() == ((Number) b).doubleValue();
                    case INT -> ((Number) a).longValue() == ((Number) b).longValue();
                    case UINT -> a.equals(b);
                    case STRING -> a.equals(b);
                    case COMPLEX -> ((GoComplex) a).sameValue((GoComplex) b);
                    default -> {
                        if (a == null || b == null) {
                            yield a == b;
                        }
                        if (!a.getClass().equals(b.getClass())
                                && !(a instanceof java.util.Map && b instanceof java.util.Map)
                                && !(a instanceof List && b instanceof List)) {
                            throw new TemplateFunctionException(dev.runway.render.gofmt.GoFmt.sprintf(
                                    "non-comparable types %s: %v, %s: %v",
                                    a, GoValues.typeName(a), GoValues.typeName(b), b));
                        }
                        if (a instanceof java.util.Map || a instanceof List || a instanceof byte[]) {
                            throw new TemplateFunctionException(dev.runway.render.gofmt.GoFmt.sprintf(
                                    "non-comparable type %s: %v", b, GoValues.typeName(b)));
                        }
                        // Go compares pointers by address (two semver results are different pointers).
                        yield isPointer(a) ? a == b : a.equals(b);
                    }
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Kinds that Go's basicKind reports as invalid: nil, maps, lists, structs. */
    private static boolean isNilKind(Kind k) {
        return k == Kind.INVALID || k == Kind.OTHER;
    }

    static boolean lt(Object a, Object b) throws TemplateFunctionException {
        Kind k1 = GoValues.basicKind(a);
        if (isNilKind(k1)) {
            throw new TemplateFunctionException("invalid type for comparison");
        }
        Kind k2 = GoValues.basicKind(b);
        if (isNilKind(k2)) {
            throw new TemplateFunctionException("invalid type for comparison");
        }
        if ((k1 == Kind.INT && k2 == Kind.UINT) || (k1 == Kind.UINT && k2 == Kind.INT)) {
            return unsigned(a).compareTo(unsigned(b)) < 0;
        }
        if (k1 != k2) {
            throw new TemplateFunctionException(
                    "incompatible types for comparison: " + GoValues.typeName(a) + " and " + GoValues.typeName(b));
        }
        return switch (k1) {
            case BOOL, COMPLEX -> throw new TemplateFunctionException("invalid type for comparison");
            case FLOAT -> ((Number) a).doubleValue() < ((Number) b).doubleValue();
            case INT -> ((Number) a).longValue() < ((Number) b).longValue();
            case UINT -> ((BigInteger) a).compareTo((BigInteger) b) < 0;
            case STRING -> ((String) a).compareTo((String) b) < 0;
            default -> throw new TemplateFunctionException("invalid type for comparison");
        };
    }

    /** An int or uint64 as an exact integer (a negative int is below every uint64, as in Go's comparison). */
    private static BigInteger unsigned(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    private static boolean isPointer(Object v) {
        return v instanceof dev.runway.render.gofmt.GoFmt.GoTyped t
                && t.goTypeName().startsWith("*");
    }
}
