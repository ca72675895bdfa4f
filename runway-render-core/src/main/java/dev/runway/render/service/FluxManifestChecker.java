package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.flux.ClusterVars;
import dev.runway.render.flux.FluxCheck;
import dev.runway.render.flux.FluxFinding;
import dev.runway.render.flux.FluxReport;
import dev.runway.render.flux.FluxVariableNames;
import dev.runway.render.flux.ParsedManifests;
import dev.runway.render.flux.Provenance;
import dev.runway.render.flux.Severity;
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
                more.add(new FluxFinding(
                        Severity.ERROR,
                        "flux/invalid-variable-name",
                        "",
                        "",
                        clusterVarsFile.toString(),
                        0,
                        0,
                        "variable '" + invalid + "' is not a name Flux accepts (" + FluxVariableNames.REGEX
                                + "); kustomize-controller fails every substitution with it",
                        "rename it to letters, digits and '_'"));
            }
        } else {
            options = FluxCheck.Options.defaults();
        }
        List<Path> valuesFiles = request.valuesFiles().stream()
                .map(p -> p.isAbsolute() ? p : request.baseDirectory().resolve(p))
                .toList();
        // One reading of the render for the provenance check and FluxCheck's scan and safety check (issue 19).
        ParsedManifests render = ParsedManifests.of(chart);
        more.addAll(Provenance.fromUserValuesFiles(
                render, valuesFiles, options.policy(), Provenance.RUNWAY_EKS_FLUX_VALUES));
        FluxReport report = FluxCheck.check(render, options, more);
        return report.findings().stream().map(f -> toCheckFinding(f, request)).toList();
    }

    /**
     * A {@link FluxFinding} as the build tools print findings: the fix goes into the message, the place into the
     * finding's location (a values or cluster-vars file with line and column, or the template that wrote the field).
     */
    public static CheckFinding toCheckFinding(FluxFinding f) {
        return toCheckFinding(f, null);
    }

    private static CheckFinding toCheckFinding(FluxFinding f, RenderRequest request) {
        String message = f.fix().isEmpty() ? f.message() : f.message() + ". Fix: " + f.fix();
        CheckFinding.Severity severity = switch (f.severity()) {
            case ERROR -> CheckFinding.Severity.ERROR;
            case WARNING -> CheckFinding.Severity.WARNING;
            case INFO -> CheckFinding.Severity.INFO;
        };
        CheckFinding.Location location;
        if (f.source().isEmpty()) {
            location = CheckFinding.Location.NONE;
        } else if (Path.of(f.source()).isAbsolute()) {
            // Read from the project: a values file or the cluster variables file.
            location = CheckFinding.Location.file(
                    request == null ? f.source() : request.displayName(Path.of(f.source())), f.line(), f.column());
        } else {
            location = CheckFinding.Location.template(f.source(), f.line());
        }
        return new CheckFinding(severity, f.rule(), f.resource(), f.path(), message, location);
    }
}
