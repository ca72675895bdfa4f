/**
 * The types a render shares with its callers and with every package of the engine: what it takes
 * ({@link dev.runway.render.api.RenderOptions}, {@link dev.runway.render.api.HelmVersion}), what it gives
 * ({@link dev.runway.render.api.RenderedChart}, {@link dev.runway.render.api.RenderedManifest}) and what it throws
 * ({@link dev.runway.render.api.RenderException}, {@link dev.runway.render.api.ValuesSchemaException}).
 *
 * <p>They use nothing else in runway-render. That is why they live here and not beside
 * {@link dev.runway.render.HelmRenderer}: the chart, function, manifest and values packages need them, and
 * {@code HelmRenderer} needs those packages, so keeping them at the top level made a package cycle.
 */
package dev.runway.render.api;
