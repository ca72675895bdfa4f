package dev.runway.render.flux;

import dev.runway.render.RenderedChart;
import dev.runway.render.output.CheckFinding;
import dev.runway.render.output.ManifestChecker;
import dev.runway.render.output.RenderRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Flux checks as a {@link ManifestChecker} service, so {@code runway:verify} runs them: placeholder scan,
 * variable policy, safety check, and placeholders from the request's values files. The allowlist and the sample
 * values come from {@value #CLUSTER_VARS_FILE} under the project directory when that file exists (a copy of the
 * cluster's {@code flux-cluster-vars} ConfigMap), else the four runway-eks variables.
 */
public final class FluxManifestChecker implements ManifestChecker {

    /** Where a project may keep a copy of the cluster's variables, relative to its base directory. */
    public static final String CLUSTER_VARS_FILE = ".runway/flux-cluster-vars.yaml";

    @Override
    public String name() {
        return "flux";
    }

    @Override
    public List<CheckFinding> check(RenderRequest request, RenderedChart chart) {
        Path clusterVarsFile = request.baseDirectory().resolve(CLUSTER_VARS_FILE);
        FluxCheck.Options options;
        List<FluxFinding> more = new ArrayList<>();
        if (Files.isRegularFile(clusterVarsFile)) {
            ClusterVars vars = ClusterVars.read(clusterVarsFile);
            options = FluxCheck.Options.from(vars);
            for (String invalid : vars.invalidNames()) {
                more.add(new FluxFinding(Severity.ERROR, "flux/invalid-variable-name", "", "", clusterVarsFile
                        .toString(), 0, 0, "variable '" + invalid + "' is not a name Flux accepts ("
                        + FluxVariableNames.REGEX + "); kustomize-controller fails every substitution with it",
                        "rename it to letters, digits and '_'"));
            }
        } else {
            options = FluxCheck.Options.defaults();
        }
        List<Path> valuesFiles = request.valuesFiles().stream()
                .map(p -> p.isAbsolute() ? p : request.baseDirectory().resolve(p)).toList();
        more.addAll(Provenance.fromUserValuesFiles(chart, valuesFiles, options.policy(),
                Provenance.RUNWAY_EKS_FLUX_VALUES));
        FluxReport report = FluxCheck.check(chart, options, more);
        return report.findings().stream().map(FluxManifestChecker::toCheckFinding).toList();
    }

    /** A {@link FluxFinding} as the build tools print findings; the position and the fix go into the message. */
    public static CheckFinding toCheckFinding(FluxFinding f) {
        StringBuilder message = new StringBuilder(f.message());
        if (!f.source().isEmpty() || f.line() > 0) {
            message.append(" (").append(f.source().isEmpty() ? "line " : f.source() + ":");
            if (f.line() > 0) {
                message.append(f.line());
                if (f.column() > 0) {
                    message.append(':').append(f.column());
                }
            }
            message.append(')');
        }
        if (!f.fix().isEmpty()) {
            message.append(". Fix: ").append(f.fix());
        }
        CheckFinding.Severity severity = switch (f.severity()) {
            case ERROR -> CheckFinding.Severity.ERROR;
            case WARNING -> CheckFinding.Severity.WARNING;
            case INFO -> CheckFinding.Severity.INFO;
        };
        return new CheckFinding(severity, f.rule(), f.resource(), f.path(), message.toString());
    }
}
