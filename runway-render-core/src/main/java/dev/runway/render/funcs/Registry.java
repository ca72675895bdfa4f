package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunction;

/**
 * Creates the functions of one function map on the first lookup of each name (see {@link FunctionLibrary}), and
 * holds what the functions of one map share: the regex functions' compiled patterns and the time functions' zone
 * abbreviations, both created when a function that needs them is first looked up.
 */
final class Registry {
    private RegexFunctions.PatternCache patterns;
    private GoZoneNames zones;

    /** The theme function of this name, or null; only the theme that owns the name is loaded. */
    static TemplateFunction create(String name, Registry r) {
        FunctionTheme theme = FunctionTheme.of(name);
        return theme == null ? null : theme.create(name, r);
    }

    /** One pattern cache per function map: charts match the same few expressions on every render. */
    synchronized RegexFunctions.PatternCache patterns() {
        if (patterns == null) {
            patterns = new RegexFunctions.PatternCache();
        }
        return patterns;
    }

    /** Zone abbreviations as Go reads them from the system's tzdata, cached for this function map. */
    synchronized GoZoneNames zones() {
        if (zones == null) {
            zones = new GoZoneNames();
        }
        return zones;
    }
}
