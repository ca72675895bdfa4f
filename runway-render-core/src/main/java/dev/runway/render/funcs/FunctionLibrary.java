package dev.runway.render.funcs;

import dev.runway.render.HelmVersion;
import dev.runway.render.template.TemplateFunction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every Sprig and Helm function a chart can call, except those the engine provides itself (include, tpl, required,
 * fail, lookup and text/template's builtins). Helm removes Sprig's env and expandenv; so does this library.
 */
public final class FunctionLibrary {

    private FunctionLibrary() {}

    /** A fresh, unmodifiable name -> function map, as the default Helm version offers them. */
    public static Map<String, TemplateFunction> functions() {
        return functions(HelmVersion.DEFAULT);
    }

    /** A fresh, unmodifiable name -> function map, as this Helm version offers them. */
    public static Map<String, TemplateFunction> functions(HelmVersion version) {
        Map<String, TemplateFunction> m = new LinkedHashMap<>();
        Registry r = new Registry(m);
        StringFunctions.register(r);
        ListFunctions.register(r);
        DictFunctions.register(r);
        MathFunctions.register(r);
        EncodingFunctions.register(r);
        TypeFunctions.register(r);
        RegexFunctions.register(r);
        DataFunctions.register(r);
        MiscFunctions.register(r);
        Certificates.register(r);
        PasswordFunctions.register(r);
        HelmVersionFunctions.register(r, version);
        return Collections.unmodifiableMap(m);
    }
}
