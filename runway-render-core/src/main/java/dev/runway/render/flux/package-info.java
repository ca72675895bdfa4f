/**
 * Flux post-build substitution for rendered runway-eks manifests: the chart leaves {@code ${aws_account_id}},
 * {@code ${gcp_project_number}}, {@code ${gcp_wip_id}} and {@code ${gcp_project_id}} in its output, and Flux's
 * kustomize-controller fills them in from the {@code flux-cluster-vars} ConfigMap. This package checks before merge
 * that this will work.
 *
 * <ul>
 *   <li>{@link dev.runway.render.flux.Envsubst}: Flux's envsubst language (parser and evaluator, ported from
 *       fluxcd/pkg/envsubst with its quirks), and {@link dev.runway.render.flux.FluxEscaping} for literal text.</li>
 *   <li>{@link dev.runway.render.flux.PlaceholderScanner}: every placeholder with resource, field path, line and
 *       column; malformed ones; {@code $$} escapes.</li>
 *   <li>{@link dev.runway.render.flux.VariablePolicy} and {@link dev.runway.render.flux.ClusterVars}: the allowlist,
 *       by default the four variables, or read from a {@code flux-cluster-vars} file.</li>
 *   <li>{@link dev.runway.render.flux.Provenance}: placeholders that came from user values.</li>
 *   <li>{@link dev.runway.render.flux.IntegrityCheck}: the file on disk still holds every placeholder as rendered.</li>
 *   <li>{@link dev.runway.render.flux.FluxSubstitution} with {@link dev.runway.render.flux.PostBuild}: what Flux
 *       would apply.</li>
 *   <li>{@link dev.runway.render.flux.SafetyCheck}: where substituting realistic values changes meaning.</li>
 *   <li>{@link dev.runway.render.flux.FluxCheck}: scan, policy and safety in one call; findings are
 *       {@link dev.runway.render.flux.FluxFinding} records that print on one line.</li>
 * </ul>
 */
package dev.runway.render.flux;
