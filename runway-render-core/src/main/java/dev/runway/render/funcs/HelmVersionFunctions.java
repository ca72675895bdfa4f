package dev.runway.render.funcs;

import dev.runway.render.HelmVersion;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;

/**
 * The functions that differ between Helm versions, registered over the common library:
 * <ul>
 *   <li>{@code mustToYaml} exists in Helm 4 only (pkg/engine/funcs.go): toYaml that fails instead of printing
 *   nothing;</li>
 *   <li>{@code semverCompare} words an unparsable constraint as the Masterminds/semver release the Helm build links:
 *   v3.4.0 in Helm 4.1 (unquoted), v3.5.0 in helm-java's Helm 3.21 (quoted).</li>
 * </ul>
 */
final class HelmVersionFunctions {
    private HelmVersionFunctions() {
    }

    static void register(Registry r, HelmVersion version) {
        if (!version.isHelm4()) {
            return;
        }
        r.add("mustToYaml", (c, a) -> {
            Args.count("mustToYaml", a, 1);
            try {
                String s = GoYaml.marshal(a.get(0));
                return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
            } catch (GoJson.GoJsonException e) {
                // sigs.k8s.io/yaml.Marshal wraps json.Marshal's error.
                throw new TemplateFunctionException("error marshaling into JSON: " + e.getMessage());
            } catch (GoYamlException e) {
                throw new TemplateFunctionException(e.getMessage());
            }
        });
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
