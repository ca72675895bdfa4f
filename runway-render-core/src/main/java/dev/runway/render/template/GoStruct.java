package dev.runway.render.template;

/**
 * An engine object that templates see as a Go struct ({@code .Chart}, {@code .Capabilities}, {@code .Files}):
 * exported fields and methods by name. {@link Object#toString()} should give Go's String() form where Go has one.
 */
public interface GoStruct {
    /** The Go type as error messages name it, e.g. {@code *chart.Metadata}. */
    String goTypeName();

    /** True when the struct has this exported field. */
    boolean hasField(String name);

    /** The field's value in the Go value model. */
    Object field(String name);

    /** The method with this name, or null. The receiver is bound. */
    default TemplateFunction method(String name) {
        return null;
    }
}
