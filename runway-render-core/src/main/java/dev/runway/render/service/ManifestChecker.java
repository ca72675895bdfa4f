package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.verify.CustomResourceDefinitions;
import java.util.List;

/**
 * A check that runs on a render (verification rules, Flux substitution checks).
 */
public interface ManifestChecker {

    /** A short name for logs and reports ({@code verify}, {@code flux}). */
    String name();

    List<CheckFinding> check(RenderRequest request, RenderedChart chart);

    /**
     * Every check the core has, sorted by name so reports are stable: what {@code runway:verify} runs. A plain
     * list, not a service lookup: both live in this module, and a reader finds them here.
     */
    static List<ManifestChecker> standard() {
        return List.of(new FluxManifestChecker(), new VerifyChecker());
    }

    /**
     * {@link #standard()} with custom resources checked against {@code crds}, and the identity handshake checked
     * when {@code handshake} is given.
     */
    static List<ManifestChecker> standard(CustomResourceDefinitions crds, HandshakeChecker handshake) {
        return handshake == null
                ? List.of(new FluxManifestChecker(), new VerifyChecker(crds))
                : List.of(new FluxManifestChecker(), handshake, new VerifyChecker(crds));
    }
}
