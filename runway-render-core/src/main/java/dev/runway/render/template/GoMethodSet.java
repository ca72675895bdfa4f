package dev.runway.render.template;

/**
 * A value with Go methods a template can call by name ({@code .Values.AsMap}, {@code .Capabilities.APIVersions.Has}).
 * In Go a method wins over a struct field or a map key of the same name.
 */
public interface GoMethodSet {
    /** The method with this name, its receiver bound, or null. */
    TemplateFunction method(String name);
}
