package dev.runway.render.funcs;

import dev.runway.render.HelmVersion;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;

/**
 * The functions that differ between Helm versions, registered over the common library:
 * <ul>
 *   <li>{@code mustToYaml} exists in Helm 4 only (pkg/engine/funcs.go): Helm 3.21 refuses a template calling it at
 *   parse time;</li>
 *   <li>{@code semverCompare} words an unparsable constraint as the Masterminds/semver release the Helm build links:
 *   v3.4.0 in Helm 4.1 (unquoted), v3.5.0 in helm-java's Helm 3.21 (quoted).</li>
 * </ul>
 */
final class HelmVersionFunctions {
    private HelmVersionFunctions() {}

    static void register(Registry r, HelmVersion version) {
        if (!version.isHelm4()) {
            r.remove("mustToYaml");
            return;
        }
        TemplateFunction semverCompare = r.get("semverCompare");
        r.add("semverCompare", (c, a) -> {
            try {
                return semverCompare.call(c, a);
            } catch (Semver.ImproperConstraintException e) {
                throw new TemplateFunctionException(e.unquotedMessage());
            }
        });
    }
}
