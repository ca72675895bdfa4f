package dev.runway.render.output;

import dev.runway.render.RenderedChart;
import dev.runway.render.flux.FluxManifestChecker;

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
}
