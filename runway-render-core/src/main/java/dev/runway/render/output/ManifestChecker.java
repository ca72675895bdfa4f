package dev.runway.render.output;

import dev.runway.render.RenderedChart;

import dev.runway.render.flux.FluxManifestChecker;
import dev.runway.render.verify.VerifyManifestChecker;

import java.util.List;

/** A check that runs on a render (verification rules, Flux substitution checks). */
public interface ManifestChecker {

    /** A short name for logs and reports ({@code verify}, {@code flux}). */
    String name();

    List<CheckFinding> check(RenderRequest request, RenderedChart chart);

    /** Every check the core has, in a stable order: what {@code runway:verify} runs. */
    static List<ManifestChecker> standard() {
        return List.of(new VerifyManifestChecker(), new FluxManifestChecker());
    }
}
