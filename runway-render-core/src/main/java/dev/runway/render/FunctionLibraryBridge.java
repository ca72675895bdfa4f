package dev.runway.render;

import dev.runway.render.funcs.FunctionLibrary;
import dev.runway.render.template.TemplateFunction;

import java.util.Map;

/** Where the engine gets the Sprig and Helm function library (the funcs package). */
final class FunctionLibraryBridge {
    private FunctionLibraryBridge() {
    }

    static Map<String, TemplateFunction> library(HelmVersion version) {
        return FunctionLibrary.functions(version);
    }
}
