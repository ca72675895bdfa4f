package dev.runway.render.chart;

import java.util.Map;

/**
 * Checks coalesced values against the values.schema.json of a chart and its subcharts, as Helm does before
 * rendering. {@link HelmSchemaValidator} is the engine's implementation (over the values package's schema
 * check), which {@code HelmRenderer} uses unless it is given another.
 */
public interface ValuesSchemaValidator {
    /**
     * Checks the values against the chart's schema and its subcharts' schemas, as {@code helm template} does.
     *
     * @param chart  the chart, with its {@link Chart#schema()} and subcharts
     * @param values the coalesced values (chart defaults and user values), as templates will see them
     * @return null when every schema is met; otherwise Helm's listing of the failures per chart, the text that
     *         follows "values don't meet the specifications of the schema(s) in the following chart(s):\n"
     */
    String validate(Chart chart, Map<String, Object> values);

    /**
     * The failures twice: Helm's listing ({@link #validate}) and an explanation in the validator's own words (for
     * the engine's: one line per problem with the values path, what was expected, what was found and where it was
     * given); null when every schema is met. The default explains with Helm's listing.
     */
    default Failure check(Chart chart, Map<String, Object> values) {
        String listing = validate(chart, values);
        return listing == null ? null : new Failure(listing, listing);
    }

    /** Helm's listing of schema failures and the same failures explained. */
    record Failure(String helmListing, String explanation) {
        public Failure {
            java.util.Objects.requireNonNull(helmListing, "helmListing");
            java.util.Objects.requireNonNull(explanation, "explanation");
        }
    }
}
