package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sprig's arithmetic (numeric.go): integer functions convert with spf13/cast and return int64; the float forms go
 * through shopspring/decimal (shortest decimal of each float64, 16 places for division).
 */
final class MathFunctions {

    private MathFunctions() {}

    @FunctionalInterface
    private interface DecimalOp {
        BigDecimal apply(BigDecimal a, BigDecimal b) throws TemplateFunctionException;
    }

    /** This theme's function {@code name}, one of the names FunctionTheme lists for it (FunctionTheme.create checks). */
    static TemplateFunction lookup(String name) {
        return new MathFunction(name);
    }

    /**
     * Sprig's arithmetic: one class that switches on the name rather than a lambda per function, as the other themes
     * do: in a fresh JVM each lambda is a class spun at its first use (issue 19).
     */
    private static final class MathFunction implements TemplateFunction {
        private final String name;

        MathFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "add1" -> {
                    Args.count("add1", a, 1);
                    return Cast.toInt64(a.get(0)) + 1;
                }
                case "add" -> {
                    long sum = 0;
                    for (Object o : a) {
                        sum += Cast.toInt64(o);
                    }
                    return sum;
                }
                case "sub" -> {
                    Args.count("sub", a, 2);
                    return Cast.toInt64(a.get(0)) - Cast.toInt64(a.get(1));
                }
                case "div" -> {
                    Args.count("div", a, 2);
                    long d = Cast.toInt64(a.get(1));
                    if (d == 0) {
                        throw new TemplateFunctionException("runtime error: integer divide by zero");
                    }
                    return Cast.toInt64(a.get(0)) / d;
                }
                case "mod" -> {
                    Args.count("mod", a, 2);
                    long d = Cast.toInt64(a.get(1));
                    if (d == 0) {
                        throw new TemplateFunctionException("runtime error: integer divide by zero");
                    }
                    return Cast.toInt64(a.get(0)) % d;
                }
                case "mul" -> {
                    Args.atLeast("mul", a, 1);
                    long v = Cast.toInt64(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        v *= Cast.toInt64(a.get(i));
                    }
                    return v;
                }
                case "max", "biggest" -> {
                    Args.atLeast("max", a, 1);
                    long m = Cast.toInt64(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        m = Math.max(m, Cast.toInt64(a.get(i)));
                    }
                    return m;
                }
                case "min" -> {
                    Args.atLeast("min", a, 1);
                    long m = Cast.toInt64(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        m = Math.min(m, Cast.toInt64(a.get(i)));
                    }
                    return m;
                }
                case "maxf" -> {
                    Args.atLeast("maxf", a, 1);
                    double m = Cast.toFloat64(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        m = goMax(m, Cast.toFloat64(a.get(i)));
                    }
                    return m;
                }
                case "minf" -> {
                    Args.atLeast("minf", a, 1);
                    double m = Cast.toFloat64(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        m = goMin(m, Cast.toFloat64(a.get(i)));
                    }
                    return m;
                }
                case "floor" -> {
                    Args.count("floor", a, 1);
                    return Math.floor(Cast.toFloat64(a.get(0)));
                }
                case "ceil" -> {
                    Args.count("ceil", a, 1);
                    return Math.ceil(Cast.toFloat64(a.get(0)));
                }
                case "round" -> {
                    Args.atLeast("round", a, 2);
                    double val = Cast.toFloat64(a.get(0));
                    int p = Args.integer(a, 1);
                    double roundOn = a.size() > 2 ? floatArg(a, 2) : .5;
                    double pow = Math.pow(10, p);
                    double digit = pow * val;
                    double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
                    double rounded = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
                    return rounded / pow;
                }
                case "add1f" -> {
                    Args.count("add1f", a, 1);
                    return decimalOp(a.get(0), List.of(1), BigDecimal::add);
                }
                case "addf" -> {
                    return decimalOp(0.0, a, BigDecimal::add);
                }
                case "subf" -> {
                    Args.atLeast("subf", a, 1);
                    return decimalOp(a.get(0), a.subList(1, a.size()), BigDecimal::subtract);
                }
                case "mulf" -> {
                    Args.atLeast("mulf", a, 1);
                    return decimalOp(a.get(0), a.subList(1, a.size()), BigDecimal::multiply);
                }
                case "divf" -> {
                    Args.atLeast("divf", a, 1);
                    return decimalOp(a.get(0), a.subList(1, a.size()), (x, y) -> {
                        if (y.signum() == 0) {
                            throw new TemplateFunctionException("decimal division by 0");
                        }
                        return x.divide(y, 16, RoundingMode.HALF_UP);
                    });
                }
                case "randInt" -> {
                    Args.count("randInt", a, 2);
                    int min = Args.integer(a, 0);
                    int max = Args.integer(a, 1);
                    if (max - min <= 0) {
                        throw new TemplateFunctionException("invalid argument to Intn");
                    }
                    return ThreadLocalRandom.current().nextInt(max - min) + min;
                }
                case "int" -> {
                    Args.count("int", a, 1);
                    return Cast.toInt(a.get(0));
                }
                case "int64" -> {
                    Args.count("int64", a, 1);
                    return Cast.toInt64(a.get(0));
                }
                case "float64" -> {
                    Args.count("float64", a, 1);
                    return Cast.toFloat64(a.get(0));
                }
                case "atoi" -> {
                    Args.count("atoi", a, 1);
                    return atoi(Args.string(a, 0));
                }
                case "toDecimal" -> {
                    Args.count("toDecimal", a, 1);
                    Long v = GoStrconv.parseInt(dev.runway.render.gofmt.GoFmt.sprint(a.get(0)), 8);
                    return v == null ? 0L : v;
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    private static double floatArg(List<Object> a, int i) throws WrongArgumentException {
        Object v = a.get(i);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw Args.wrongType("float64", v);
    }

    /** strconv.Atoi with the error ignored (Sprig): base 10, optional sign, 0 on failure. */
    static int atoi(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i = 1;
        }
        if (i >= s.length()) {
            return 0;
        }
        for (int k = i; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return 0;
            }
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            // Out of range: Go's Atoi returns the clamped value with an error, which Sprig drops... but keeps the
            // value.
            return s.charAt(0) == '-' ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    private static double goMax(double x, double y) {
        if ((Double.isInfinite(x) && x > 0) || (Double.isInfinite(y) && y > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        return Math.max(x, y);
    }

    private static double goMin(double x, double y) {
        if ((Double.isInfinite(x) && x < 0) || (Double.isInfinite(y) && y < 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        return Math.min(x, y);
    }

    private static double decimalOp(Object first, List<?> rest, DecimalOp op) throws TemplateFunctionException {
        BigDecimal acc = decimal(Cast.toFloat64(first));
        for (Object o : rest) {
            acc = op.apply(acc, decimal(Cast.toFloat64(o)));
        }
        return acc.doubleValue();
    }

    /** decimal.NewFromFloat: the shortest decimal that reads back as the same float64. */
    private static BigDecimal decimal(double d) throws TemplateFunctionException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new TemplateFunctionException(
                    "Cannot create a Decimal from " + GoStrconv.formatFloat(d, 'g', -1, 64));
        }
        return new BigDecimal(GoStrconv.formatFloat(d, 'e', -1, 64).replace("e+", "e"));
    }
}
