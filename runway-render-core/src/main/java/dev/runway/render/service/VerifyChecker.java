package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.verify.CustomResourceDefinitions;
import dev.runway.render.verify.Finding;
import dev.runway.render.verify.ManifestVerifier;
import dev.runway.render.verify.ResourceRef;
import dev.runway.render.verify.VerifyOptions;
import java.util.List;

/**
 * Runs {@link ManifestVerifier} (strict structure, semantic rules, custom resources against the CRDs it is given
 * and, for the bundled runway-eks chart, the identity wiring) on a render.
 */
public final class VerifyChecker implements ManifestChecker {

    private final ManifestVerifier verifier = new ManifestVerifier();
    private final CustomResourceDefinitions crds;

    public VerifyChecker() {
        this(CustomResourceDefinitions.none());
    }

    /** Custom resources are checked against {@code crds}. */
    public VerifyChecker(CustomResourceDefinitions crds) {
        this.crds = java.util.Objects.requireNonNull(crds, "crds");
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public List<CheckFinding> check(RenderRequest request, RenderedChart chart) {
        VerifyOptions options = (request.chart().equals(ChartSource.RUNWAY_EKS)
                        ? VerifyOptions.runwayEks(request.namespace())
                        : VerifyOptions.namespace(request.namespace()))
                .withCrds(crds)
                .withKubernetesVersion(request.targetKubeVersion());
        return verifier.verify(chart, options).findings().stream()
                .map(VerifyChecker::toCheckFinding)
                .toList();
    }

    static CheckFinding toCheckFinding(Finding finding) {
        String message = finding.fix().isEmpty() ? finding.message() : finding.message() + "; fix: " + finding.fix();
        // The file is the template the resource came from; its line counts within the manifest, so FindingLocator
        // works out the line in the render output (or the values file behind the field).
        CheckFinding.Location location = finding.file().isEmpty()
                ? CheckFinding.Location.NONE
                : CheckFinding.Location.template(finding.file(), 0);
        return new CheckFinding(
                CheckFinding.Severity.valueOf(finding.severity().name()),
                finding.check(),
                finding.resource().equals(ResourceRef.none())
                        ? ""
                        : finding.resource().toString(),
                finding.path(),
                message,
                location);
    }
}
