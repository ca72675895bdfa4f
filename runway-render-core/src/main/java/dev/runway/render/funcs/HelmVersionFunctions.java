package dev.runway.render.funcs;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.List;

/**
 * The functions that differ between Helm versions, over the common library:
 * <ul>
 *   <li>{@code mustToYaml} exists in Helm 4 only (pkg/engine/funcs.go): Helm 3.21 refuses a template calling it at
 *   parse time;</li>
 *   <li>{@code semverCompare} words an unparsable constraint as the Masterminds/semver release the Helm build links:
 *   v3.4.0 in Helm 4.1 (unquoted), v3.5.0 in helm-java's Helm 3.21 (quoted).</li>
 * </ul>
 */
final class HelmVersionFunctions {
    private HelmVersionFunctions() {}

    /** The library's names this Helm version does not have. */
    static List<String> removed(HelmVersion version) {
        return version.isHelm4() ? List.of() : List.of("mustToYaml");
    }

    /** The library's function {@code name} as this Helm version words it. */
    static TemplateFunction adapt(HelmVersion version, String name, TemplateFunction common) {
        if (!version.isHelm4() || !name.equals("semverCompare")) {
            return common;
        }
        return new TemplateFunction() {
            @Override
            public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
                try {
                    return common.call(c, a);
                } catch (Semver.ImproperConstraintException e) {
                    throw new TemplateFunctionException(e.unquotedMessage());
                }
            }

            @Override
            public ArgumentReads argumentReads() {
                return common.argumentReads(); // the budgets charge the wrapped function as it is
            }

            @Override
            public ResultCharge resultCharge() {
                return common.resultCharge();
            }
        };
    }
}
