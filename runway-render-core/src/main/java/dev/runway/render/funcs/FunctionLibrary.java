package dev.runway.render.funcs;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.template.FunctionTable;
import dev.runway.render.template.TemplateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every Sprig and Helm function a chart can call, except those the engine provides itself (include, tpl, required,
 * fail, lookup and text/template's builtins). Helm removes Sprig's env and expandenv; so does this library.
 *
 * <p>Each theme class lists its names ({@code NAMES}) and creates a function by name ({@code lookup}, a switch), so
 * that a render creates, and the JVM links, only the functions its chart calls.
 */
public final class FunctionLibrary {

    /** Each theme's names, in the order Sprig's documentation groups the themes. */
    static final List<List<String>> THEMES = List.of(
            StringFunctions.NAMES,
            ListFunctions.NAMES,
            DictFunctions.NAMES,
            MathFunctions.NAMES,
            EncodingFunctions.NAMES,
            TypeFunctions.NAMES,
            RegexFunctions.NAMES,
            DataFunctions.NAMES,
            MiscFunctions.NAMES,
            Certificates.NAMES,
            PasswordFunctions.NAMES);

    /** Every name, theme by theme (the order {@code keySet()} lists them). */
    private static final List<String> NAMES = concat(THEMES);

    private FunctionLibrary() {}

    /** A fresh, unmodifiable name -> function map, as the default Helm version offers them. */
    public static Map<String, TemplateFunction> functions() {
        return functions(HelmVersion.DEFAULT);
    }

    /**
     * A fresh, unmodifiable name -> function map, as this Helm version offers them; each function is created on the
     * first lookup of its name ({@link FunctionTable}).
     */
    public static Map<String, TemplateFunction> functions(HelmVersion version) {
        List<String> names = new ArrayList<>(NAMES);
        names.removeAll(HelmVersionFunctions.removed(version));
        Registry r = new Registry();
        return new FunctionTable(names, name -> HelmVersionFunctions.adapt(version, name, Registry.create(name, r)));
    }

    private static List<String> concat(List<List<String>> lists) {
        List<String> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return List.copyOf(all);
    }
}
