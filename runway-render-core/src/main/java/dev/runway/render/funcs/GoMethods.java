package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunctionException;

import java.util.List;

/**
 * A Go value with methods a template may call ({@code (semver "1.2.3").Major}); the executor looks a method up by its
 * Go name and calls it with the evaluated arguments.
 */
public interface GoMethods {
    boolean hasMethod(String name);

    Object invokeMethod(String name, List<Object> args) throws TemplateFunctionException;
}
