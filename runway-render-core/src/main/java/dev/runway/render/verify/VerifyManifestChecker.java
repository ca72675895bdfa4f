package dev.runway.render.verify;

import dev.runway.render.RenderedChart;
import dev.runway.render.RenderedManifest;
import dev.runway.render.output.CheckFinding;
import dev.runway.render.output.ManifestChecker;
import dev.runway.render.output.RenderRequest;

import java.util.List;

/**
 * Plugs {@link ManifestVerifier} into the build tools' check list ({@code META-INF/services}): every resource must
 * be in the release namespace, and a runway-eks render also gets the identity checks for service id = namespace
 * (the chart refuses any other namespace).
 */
public final class VerifyManifestChecker implements ManifestChecker {
    private final ManifestVerifier verifier = new ManifestVerifier();

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public List<CheckFinding> check(RenderRequest request, RenderedChart chart) {
        return toCheckFindings(verifier.verify(chart, options(request.namespace(), chart)));
    }

    /** runway-eks renders (templates under {@code runway-eks/}) get the identity wiring checks. */
    static VerifyOptions options(String namespace, RenderedChart chart) {
        boolean runwayEks = chart.manifests().stream().map(RenderedManifest::source)
                .anyMatch(source -> source.startsWith("runway-eks/"));
        return runwayEks ? VerifyOptions.runwayEks(namespace) : VerifyOptions.namespace(namespace);
    }

    static List<CheckFinding> toCheckFindings(VerifyResult result) {
        return result.findings().stream().map(f -> new CheckFinding(
                CheckFinding.Severity.valueOf(f.severity().name()),
                f.check(),
                f.resource().equals(ResourceRef.none()) ? "" : f.resource().toString(),
                f.path(),
                f.fix().isEmpty() ? f.message() : f.message() + ". Fix: " + f.fix())).toList();
    }
}
