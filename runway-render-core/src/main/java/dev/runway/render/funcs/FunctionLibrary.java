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
 * <p>{@link FunctionTheme} lists each theme's names; each theme class creates a function by name ({@code lookup}, a
 * switch), so that a render loads only the themes, and creates and links only the functions, its chart calls.
 */
public final class FunctionLibrary {

    /** Every name, theme by theme (the order {@code keySet()} lists them). */
    private static final List<String> NAMES = allNames();

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
        return new FunctionTable(names, new Factory(version, r));
    }

    /** A named class, not a lambda: a lambda class is spun at its first use in a fresh JVM (issue 19). */
    private static final class Factory implements java.util.function.Function<String, TemplateFunction> {
        private final HelmVersion version;
        private final Registry registry;

        Factory(HelmVersion version, Registry registry) {
            this.version = version;
            this.registry = registry;
        }

        @Override
        public TemplateFunction apply(String name) {
            return HelmVersionFunctions.adapt(version, name, Registry.create(name, registry));
        }
    }

    private static List<String> allNames() {
        List<String> all = new ArrayList<>();
        for (FunctionTheme theme : FunctionTheme.values()) {
            all.addAll(theme.names);
        }
        return List.copyOf(all);
    }
}
