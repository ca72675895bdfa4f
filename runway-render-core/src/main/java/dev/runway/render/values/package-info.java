/**
 * User values as Helm builds them, read safely and checked with errors people can act on.
 *
 * <pre>{@code
 * MergedValues merged = UserValues.builder()            // helm template -f base.yaml -f prod.yaml --set image.tag=1.4.2
 *         .valuesFile(Path.of("base.yaml"))
 *         .valuesFile(Path.of("prod.yaml"))
 *         .set("image.tag=1.4.2")
 *         .build()
 *         .merge();                                       // ValuesFileException / SetValueException on bad input
 * RenderedChart out = HelmRenderer.prepare(chart, HelmSchemaValidator.withOrigins(merged.origins()))
 *         .render(merged.values(), RenderOptions.of("payments", "payments"));
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.runway.render.values.Strvals}: Helm's {@code --set} language, word for word (conformance-tested
 *       against helm-java, error texts included).</li>
 *   <li>{@link dev.runway.render.values.UserValues}: Helm's merge order (files, --set-json, --set, --set-string,
 *       --set-file, --set-literal) and where every value came from ({@link dev.runway.render.values.ValueOrigins}).</li>
 *   <li>{@link dev.runway.render.values.ValuesFiles}: limits on size, depth, aliases and alias expansion before any
 *       value is built; positions of every value and key; Go values through {@code GoYaml.read}.</li>
 *   <li>{@link dev.runway.render.values.ValuesSchema}: values.schema.json with networknt; every problem with path,
 *       expected, found and origin; {@code chart.HelmSchemaValidator}, the engine's hook, walks a chart tree's
 *       schemas through it (this package knows no chart types: chart reads values, not the other way).</li>
 * </ul>
 */
package dev.runway.render.values;
