/**
 * Chart snapshots for tests: pin what a chart renders in a readable YAML file, and get a field-by-field list of
 * what changed when it no longer matches (the workflow of Jest and helm-unittest snapshots).
 *
 * <h2>With JUnit 5</h2>
 * <pre>{@code
 * @ExtendWith(ChartSnapshotExtension.class)
 * class PaymentsChartTest {
 *     @Test
 *     void defaults(Snapshotter snapshot) {
 *         // Renders with HelmRenderer, then compares with __snapshots__/PaymentsChartTest/defaults.yaml
 *         snapshot.assertMatches(Chart.loadClasspath("charts/runway-eks"), values,
 *                 RenderOptions.of("payments", "payments"), "");
 *         // A chart rendered elsewhere (RenderedCharts.parse reads helm template output):
 *         snapshot.assertMatches(RenderedCharts.parse(helmOutput), "helm"); // .../defaults-helm.yaml
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The first run writes the snapshot; later runs compare. Commit the files.</li>
 *   <li>{@code -Drunway.snapshot.update=true} (or {@code RUNWAY_SNAPSHOT_UPDATE=true}) rewrites changed snapshots
 *       and deletes ones no test uses any more.</li>
 *   <li>In CI ({@code CI=true}, or {@code -Drunway.snapshot.ci=true}) nothing is written: a missing snapshot
 *       fails.</li>
 *   <li>A mismatch fails with an {@code AssertionFailedError} listing each difference, for example
 *       {@code ~ Deployment/payments spec.template.spec.containers[payments].env[GOOGLE_APPLICATION_CREDENTIALS].value:
 *       "/etc/a.json" -> "/etc/b.json"}; the expected and actual values are the old and new snapshot text, so an IDE
 *       shows a diff. List items with a {@code name} are addressed by name, other items by index.</li>
 * </ul>
 *
 * <h2>Options</h2>
 * <pre>{@code
 * SnapshotOptions options = SnapshotOptions.defaults()
 *         .selectKinds("Deployment", "ConfigMap")                                // or selectNames, excludeKinds
 *         .mask("spec.template.metadata.annotations[checksum/gcp-credentials]")  // stored as <masked>
 *         .mask("Deployment/payments spec.template.spec.containers[*].image");   // one resource only
 * snapshot.assertMatches(chart, options);
 * // or for every test of a class:
 * // @RegisterExtension static ChartSnapshotExtension snapshots = ChartSnapshotExtension.withOptions(options);
 * }</pre>
 *
 * <h2>Without JUnit</h2>
 * <pre>{@code
 * ChartSnapshots snapshots = new ChartSnapshots(SnapshotSettings.fromSystem());
 * snapshots.assertMatches(chart, SnapshotId.of(MyTest.class, "defaults", ""), SnapshotOptions.defaults());
 * }</pre>
 *
 * <p>Snapshot files are UTF-8 with LF line endings, written through a temporary file and an atomic rename; a
 * checkout with CRLF line endings still matches. Their text does not depend on locale or time zone. Comparison is
 * structural (snakeyaml-engine, reading plain scalars as Kubernetes does, YAML 1.1 booleans included): formatting
 * and the order of resources do not matter, a value changing type does. Settings: {@link SnapshotSettings}.
 */
package dev.runway.render.snapshot;
