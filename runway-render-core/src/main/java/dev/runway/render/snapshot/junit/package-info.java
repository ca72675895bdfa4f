/**
 * The JUnit 5 extension for chart snapshots: {@link dev.runway.render.snapshot.junit.ChartSnapshotExtension}.
 *
 * <p>This is the only package of runway-render-core that uses JUnit types; {@code junit-jupiter-api} is an
 * optional dependency of the core artifact, so tools that only render never get JUnit on their classpath, and test
 * code that uses the extension already has JUnit. The snapshot API itself ({@code dev.runway.render.snapshot})
 * works with any test framework.
 */
package dev.runway.render.snapshot.junit;
