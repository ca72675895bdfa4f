/**
 * Masterminds/semver v3 version ranges as Helm checks them ({@link dev.runway.render.semver.SemverRange}): chart
 * versions, dependency ranges, {@code kubeVersion} and Sprig's {@code semverCompare}. Chart loading and the function
 * library both use it, so it sits below {@code chart} and {@code funcs} and depends on neither.
 */
package dev.runway.render.semver;
