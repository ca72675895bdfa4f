package dev.runway.render.service;

import dev.runway.render.docs.DocsException;
import dev.runway.render.docs.EffectiveValues;
import dev.runway.render.values.MergedValues;

/**
 * The values documentation of a service repository (where {@code runway:docs} has no chart of its own to document):
 * for one environment, every value of the chart with the value in effect, where it was set and what it means.
 */
public final class ServiceValuesDoc {

    private ServiceValuesDoc() {}

    /** The Markdown page for one environment's render request. */
    public static String markdown(RenderRequest request, String environment) {
        MergedValues merged = RequestValues.read(request).merged();
        String valuesYaml = request.chart()
                .readFile("values.yaml")
                .orElseThrow(
                        () -> new DocsException("the chart " + request.chart() + " has no values.yaml to document"));
        String schema = request.chart().readFile("values.schema.json").orElse(null);
        String title = "Values of " + (request.releaseName().isEmpty() ? "the service" : request.releaseName()) + " ("
                + environment + ")";
        return EffectiveValues.markdown(
                title, EffectiveValues.rows(valuesYaml, schema, merged.values(), merged.origins()));
    }
}
