package dev.runway.render.chart;

import java.util.Map;

/**
 * Checks coalesced values against the values.schema.json of a chart and its subcharts, as Helm does before
 * rendering. The values package provides the implementation ({@code HelmSchemaValidator}), which
 * {@code HelmRenderer} uses unless it is given another.
 */
public interface ValuesSchemaValidator {
    /**
     * @param chart  the chart, with its {@link Chart#schema()} and subcharts
     * @param values the coalesced values (chart defaults and user values), as templates will see them
     * @return null when every schema is met; otherwise Helm's listing of the failures per chart, the text that
     *         follows "values don't meet the specifications of the schema(s) in the following chart(s):\n"
     */
    String validate(Chart chart, Map<String, Object> values);
}
