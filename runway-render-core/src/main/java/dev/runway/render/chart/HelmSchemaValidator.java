package dev.runway.render.chart;

import dev.runway.render.values.ChartSchemas;
import dev.runway.render.values.MergedValues;
import dev.runway.render.values.ValueOrigins;
import dev.runway.render.values.ValuesPath;
import dev.runway.render.values.ValuesProblem;
import dev.runway.render.values.ValuesSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The engine's schema check ({@link ValuesSchemaValidator}): every values.schema.json of the chart and its
 * subcharts, all problems at once, one line each. It walks the chart tree here and hands the values package only
 * schemas, names and values ({@link ChartSchemas}), so values stays below chart. HelmRenderer uses it by default (no origins); pass
 * {@link #withOrigins(ValueOrigins)} to {@code HelmRenderer.prepare(chart, validator)} to have each line end with
 * the file, line and column (or the flag) that gave the value.
 */
public final class HelmSchemaValidator implements ValuesSchemaValidator {
    /** Where the user gave each value; null for none (the chart defaults alone, without loading an orElse class). */
    private final ValueOrigins origins;
    /**
     * Compiled schemas by their text: a prepared renderer validates on every render, and validators made by
     * {@link #reporting} share them, so a chart's schema is compiled once however many values sets are checked.
     */
    private final Map<String, ValuesSchema> compiled;

    /** The engine's default: problems without origins. */
    public HelmSchemaValidator() {
        this(null, new ConcurrentHashMap<>());
    }

    private HelmSchemaValidator(ValueOrigins origins, Map<String, ValuesSchema> compiled) {
        this.origins = origins;
        this.compiled = compiled;
    }

    /** A validator whose messages say where each value was given (from {@link MergedValues#origins()}). */
    public static HelmSchemaValidator withOrigins(ValueOrigins origins) {
        return new HelmSchemaValidator(Objects.requireNonNull(origins, "origins"), new ConcurrentHashMap<>());
    }

    /**
     * A validator with this one's compiled schemas whose messages say where each value was given: one per render's
     * values, while the 19 KB schema of runway-eks is read and compiled once (issue 19).
     */
    public HelmSchemaValidator reporting(ValueOrigins valueOrigins) {
        return new HelmSchemaValidator(Objects.requireNonNull(valueOrigins, "valueOrigins"), compiled);
    }

    /**
     * Compiles the schemas of the chart and all its subcharts now, for example on another thread before the first
     * render needs them; a later check of this chart (or of one with some subcharts disabled) finds them compiled.
     *
     * @throws dev.runway.render.values.ValuesFileException when a schema is not valid JSON or not a schema, as the
     *     check would
     */
    public void compileSchemas(Chart chart) {
        schemas(chart);
    }

    /** Helm's own text for the failures (santhosh-tekuri/jsonschema's wording), as {@code helm template} prints it. */
    @Override
    public String validate(Chart chart, Map<String, Object> values) {
        return verdict(chart, values).helmListing();
    }

    /** Helm's text, and each problem in the project's words (path, expected, found, origin) on its own line. */
    @Override
    public Failure check(Chart chart, Map<String, Object> values) {
        ValuesSchema.Verdict verdict = verdict(chart, values);
        return verdict.helmListing() == null
                ? null
                : new Failure(verdict.helmListing(), listing(verdict.problems(), ValuesProblem::message));
    }

    private ValuesSchema.Verdict verdict(Chart chart, Map<String, Object> values) {
        return ValuesSchema.verdict(schemas(chart), values, originsOf(chart, values));
    }

    /**
     * Helm's layout of schema problems after its heading: {@code <chart>:} then {@code - <problem>} per problem, chart
     * after chart, each problem worded by {@code wording}; null when there are none (what {@link #validate} returns).
     */
    public static String listing(List<ValuesProblem> problems, Function<ValuesProblem, String> wording) {
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String current = null;
        for (ValuesProblem problem : problems) {
            if (!problem.chart().equals(current)) {
                current = problem.chart();
                out.append(current).append(":\n");
            }
            out.append("- ").append(wording.apply(problem)).append('\n');
        }
        return out.toString();
    }

    /** Every problem the schemas of the chart and its subcharts find in the coalesced values, in Helm's order. */
    public List<ValuesProblem> problems(Chart chart, Map<String, Object> values) {
        return ValuesSchema.validate(schemas(chart), values, originsOf(chart, values));
    }

    /** The user's origins, then the chart defaults for the paths they do not know. */
    private ValueOrigins originsOf(Chart chart, Map<String, Object> values) {
        ValueOrigins defaults = defaults(chart, values);
        return origins == null ? defaults : origins.orElse(defaults);
    }

    /** Chart defaults of the chart and, under their names, of its subcharts. */
    @SuppressWarnings("unchecked")
    private static ValueOrigins defaults(Chart chart, Map<String, Object> values) {
        ValueOrigins own = ValueOrigins.chartDefaults(chart.name(), chart.values(), values);
        for (Chart dependency : chart.dependencies()) {
            Object subValues = values.get(dependency.name());
            ValueOrigins sub =
                    defaults(dependency, subValues instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
            ValuesPath prefix = ValuesPath.of(dependency.name());
            own = own.orElse(path -> path.startsWith(prefix) && !path.equals(prefix)
                    ? sub.originOf(new ValuesPath(
                            path.segments().subList(1, path.segments().size())))
                    : java.util.Optional.empty());
        }
        return own;
    }

    /** The chart tree's schemas (a chart without values.schema.json checks nothing itself, as in Helm). */
    ChartSchemas schemas(Chart chart) {
        // No lambdas on this path: each one's first use spins a class, a cost of every first render.
        String text = chart.schema();
        ValuesSchema schema = null;
        if (text != null) {
            schema = compiled.get(text);
            if (schema == null) {
                // Under the map's lock, so that a render waits for a compile compileSchemas started on another thread
                // (as computeIfAbsent would, but without a Function class to load).
                synchronized (compiled) {
                    schema = compiled.get(text);
                    if (schema == null) {
                        schema = ValuesSchema.parse(text, chart.name() + "/values.schema.json");
                        compiled.put(text, schema);
                    }
                }
            }
        }
        // A loop, not a stream: a render's first stream would load some twenty java.util.stream classes.
        List<ChartSchemas> dependencies = new ArrayList<>(chart.dependencies().size());
        for (Chart dependency : chart.dependencies()) {
            dependencies.add(schemas(dependency));
        }
        return new ChartSchemas(chart.name(), Optional.ofNullable(schema), dependencies);
    }
}
