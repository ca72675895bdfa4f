package dev.runway.render.gofmt;

/**
 * A Go complex128, which a template gets only from a complex or imaginary constant ({@code 1i}, {@code 1+2i}):
 * text/template's idealConstant hands such a constant to the template as complex128. fmt prints it as
 * {@code (real+imagi)}.
 */
public record GoComplex(double real, double imag) implements GoFmt.GoTyped, GoValues.KindAware {
    @Override
    public String goTypeName() {
        return "complex128";
    }

    @Override
    public String goString() {
        return GoFmt.formatValue(this);
    }

    @Override
    public String goKind() {
        return "complex128";
    }

    /** Go's == on complex numbers: both parts equal as floats (so -0 equals 0, and NaN equals nothing). */
    public boolean sameValue(GoComplex other) {
        return real == other.real && imag == other.imag;
    }
}
