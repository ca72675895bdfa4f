/**
 * The runway-eks chart, typed: {@link dev.runway.render.eks.RunwayEksValues} (what the chart accepts, with its
 * defaults and its schema's rules) and {@link dev.runway.render.eks.RunwayEksRelease} (what a render produced:
 * {@code release.identity().roleArn()}, {@code release.credentials().audience()}, {@code release.deployment().env()}).
 */
package dev.runway.render.eks;
