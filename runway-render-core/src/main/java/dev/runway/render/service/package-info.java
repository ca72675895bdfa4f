/**
 * The build-tool-neutral pipeline for one Runway service: what {@code runway:render}, {@code runway:verify} and
 * {@code runway:docs} do, without Maven types. The {@link dev.runway.render.service.EnvironmentPlanner} turns a
 * goal's settings into a {@link dev.runway.render.service.RenderRequest} per environment (chart, values files,
 * overrides, release, namespace, Helm version), which a {@link dev.runway.render.service.ManifestRenderer} renders;
 * the {@link dev.runway.render.service.ManifestChecker}s (verify rules, Flux checks, identity handshake) run on the
 * render; {@link dev.runway.render.service.EnvironmentVerification} compares it with the committed manifests and
 * writes the CI reports ({@link dev.runway.render.service.ServiceVerification} does that for every environment);
 * {@link dev.runway.render.service.OutputSync} writes the output atomically. Build-tool plugins call this package and
 * the top-level entry points only, and stay thin: settings in, {@link dev.runway.render.service.PipelineException}
 * messages and {@link dev.runway.render.service.PipelineLog} lines out.
 */
package dev.runway.render.service;
