package dev.runway.render.values;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chart's schema and its subcharts' schemas, as Helm walks them after coalescing: the chart's schema checks
 * all its values, each subchart's schema checks the values under the subchart's name.
 */
public record ChartSchemas(String chartName, Optional<ValuesSchema> schema, List<ChartSchemas> dependencies) {
    public ChartSchemas {
        Objects.requireNonNull(chartName, "chartName");
        Objects.requireNonNull(schema, "schema");
        dependencies = List.copyOf(dependencies);
    }

    public static ChartSchemas of(String chartName, ValuesSchema schema, ChartSchemas... dependencies) {
        return new ChartSchemas(chartName, Optional.ofNullable(schema), List.of(dependencies));
    }
}
