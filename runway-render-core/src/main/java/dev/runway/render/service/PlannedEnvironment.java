package dev.runway.render.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One environment to render: its name, the request for the renderer, and where its committed manifests live
 * (null when drift is not checked).
 */
public record PlannedEnvironment(String name, RenderRequest request, Path committedManifests) {
    public PlannedEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
    }

    /**
     * The name's hash: equal environments have equal names, and renders key their results by environment. The
     * generated hashCode would hash the whole request, through java.lang.runtime.ObjectMethods, which spins many
     * method-handle classes the first time in a JVM (issue 19).
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
