/**
 * The build-tool-neutral pipeline for one Runway service: what {@code runway:render} and {@code runway:verify} do,
 * without Maven types. A {@link dev.runway.render.service.RenderRequest} per environment (chart, values files,
 * overrides, release, namespace, Helm version) is rendered by a {@link dev.runway.render.service.ManifestRenderer};
 * the {@link dev.runway.render.service.ManifestChecker}s (verify rules, Flux checks, identity handshake) run on the
 * render; {@link dev.runway.render.service.EnvironmentVerification} compares it with the committed manifests and
 * writes the CI reports; {@link dev.runway.render.service.OutputSync} writes the output atomically. Build-tool plugins
 * call this package and the top-level entry points only.
 */
package dev.runway.render.service;
