package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunction;
import java.util.Map;

/** Collects functions by name while the theme classes register themselves. */
final class Registry {
    private final Map<String, TemplateFunction> functions;

    Registry(Map<String, TemplateFunction> functions) {
        this.functions = functions;
    }

    void add(String name, TemplateFunction fn) {
        functions.put(name, fn);
    }

    /** Drops a function (one a Helm version does not have). */
    void remove(String name) {
        functions.remove(name);
    }

    /** The function registered under this name, or null. */
    TemplateFunction get(String name) {
        return functions.get(name);
    }

    /** A function whose Go failure (an error or a panic) is the message of a TemplateFunctionException. */
    void alias(String name, String existing) {
        functions.put(name, functions.get(existing));
    }
}
