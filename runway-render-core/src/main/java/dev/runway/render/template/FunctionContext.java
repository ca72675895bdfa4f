package dev.runway.render.template;

/**
 * What the executing template offers to a function while it runs. Functions that need the engine itself
 * ({@code include}, {@code tpl}) or its limits reach it through here, never through static state.
 */
public interface FunctionContext {}
