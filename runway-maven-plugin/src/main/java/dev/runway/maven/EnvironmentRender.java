package dev.runway.maven;

import dev.runway.render.service.RenderRequest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One environment to render: its name, the request for the renderer, and where its committed manifests live
 * (null when drift is not checked).
 */
record EnvironmentRender(String name, RenderRequest request, Path committedManifests) {
    EnvironmentRender {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
    }
}
