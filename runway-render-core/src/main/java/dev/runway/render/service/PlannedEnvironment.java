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
}
