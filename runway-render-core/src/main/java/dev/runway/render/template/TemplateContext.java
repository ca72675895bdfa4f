package dev.runway.render.template;

/**
 * The {@link FunctionContext} the executor hands to functions: the template set being executed (for
 * {@code include} and {@code tpl}) and the render-wide scratch scope.
 */
public record TemplateContext(TemplateSet templates, ExecutionScope scope) implements FunctionContext {}
