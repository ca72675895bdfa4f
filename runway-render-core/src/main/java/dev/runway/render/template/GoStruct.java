package dev.runway.render.template;

/**
 * An engine object that templates see as a Go struct ({@code .Chart}, {@code .Capabilities}, {@code .Files}):
 * exported fields and methods by name. {@link Object#toString()} should give Go's String() form where Go has one.
 */
public interface GoStruct extends dev.runway.render.gofmt.GoFmt.GoTyped, GoMethodSet {
    /** The Go type as error messages name it, e.g. {@code *chart.Metadata}. */
    @Override
    String goTypeName();

    /** fmt's %v form; Go's String() where the type has one. */
    @Override
    default String goString() {
        return toString();
    }

    /** len() of a struct-like value whose Go type is a map or slice; -1 when len does not apply. */
    default int goLength() {
        return -1;
    }

    /** True when the struct has this exported field (none by default: a type with methods only). */
    default boolean hasField(String name) {
        return false;
    }

    /** The field's value in the Go value model. */
    default Object field(String name) {
        return null;
    }

    /** True when the struct has an unexported field of this name (Go: {@code x is an unexported field of ...}). */
    default boolean hasUnexportedField(String name) {
        return false;
    }

    /** The method with this name, or null. The receiver is bound. */
    @Override
    default TemplateFunction method(String name) {
        return null;
    }
}
