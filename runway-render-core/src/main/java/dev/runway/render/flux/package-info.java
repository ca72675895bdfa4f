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
 *       would apply, through kustomize-controller's real pipeline (go-yaml v3 read, JSON, sigs.k8s.io/yaml
 *       JSONToYAML, envsubst, YAMLToJSON).</li>
 *   <li>{@link dev.runway.render.flux.SafetyCheck}: where substituting realistic values changes meaning.</li>
 *   <li>{@link dev.runway.render.flux.FluxCheck}: scan, policy and safety in one call; findings are
 *       {@link dev.runway.render.flux.FluxFinding} records that print on one line.</li>
 *   <li>{@link dev.runway.render.flux.ParsedManifests}: one check run's reading of a render (each manifest located,
 *       its YAML tree and Flux expressions parsed once), shared by the checks of that run.</li>
 * </ul>
 *
 * <p>Rule ids of the findings:
 * <ul>
 *   <li>scan: {@code flux/malformed-placeholder} (Flux fails the Kustomization), {@code flux/invalid-variable-name},
 *       {@code flux/dollar-dollar} ({@code $$} becomes {@code $}), {@code flux/escaped-placeholder} (info),
 *       {@code flux/hidden-placeholder} (<code>&#36;{</code>), {@code flux/unparsable-yaml};</li>
 *   <li>policy: {@code flux/unknown-variable}, {@code flux/default-hides-missing-variable} (info);</li>
 *   <li>provenance: {@code flux/user-supplied-placeholder};</li>
 *   <li>safety: {@code flux/whole-scalar-placeholder} (a placeholder that is the whole value of a string field,
 *       quoted or not: kustomize drops the quotes before Flux substitutes), {@code flux/type-changes},
 *       {@code flux/value-changes}, {@code flux/json-breaks}, {@code flux/json-bare-placeholder},
 *       {@code flux/substitution-breaks-yaml}, {@code flux/substitution-fails}, {@code flux/kustomize-cannot-read},
 *       {@code flux/field-moves};</li>
 *   <li>integrity: {@code flux/integrity-placeholder-altered}, {@code flux/integrity-placeholder-added},
 *       {@code flux/integrity-requoted}, {@code flux/integrity-escaped-dollar}, {@code flux/integrity-field-missing},
 *       {@code flux/integrity-missing-resource}, {@code flux/integrity-extra-resource},
 *       {@code flux/integrity-invalid-yaml}, {@code flux/integrity-value-interpolated}.</li>
 * </ul>
 */
package dev.runway.render.flux;
