package dev.runway.render.service;

import dev.runway.render.chart.Chart;
import dev.runway.render.chart.HelmSchemaValidator;
import dev.runway.render.chart.ValuesSchemaValidator;
import dev.runway.render.docs.ValueComment;
import dev.runway.render.values.ValueOrigins;
import dev.runway.render.values.ValuesProblem;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The chart's schema check worded for a service team: each problem names the value, the rule and where the value was
 * given (file, line and column, or the flag), as {@link HelmSchemaValidator} does; and a value the team never set,
 * whose empty chart default the schema refuses ({@code image.repository: ""}), is reported as required: what it is
 * (its {@code # --} comment in the chart's values.yaml) and where to set it.
 */
final class ServiceSchemaValidator implements ValuesSchemaValidator {

    private final HelmSchemaValidator schemas;
    private final ValueOrigins userOrigins;
    private final String whereToSet;
    private final Supplier<Map<String, ValueComment>> comments;

    /**
     * @param chartSchemas the chart's validator, whose compiled schemas this one shares
     * @param userOrigins  where each user value came from (a path without one still holds the chart's default)
     * @param whereToSet   the values file a missing value belongs in ({@code .runway/values.yaml})
     * @param comments     the chart's values.yaml comments by dotted key, asked for only when a value is missing
     */
    ServiceSchemaValidator(
            HelmSchemaValidator chartSchemas,
            ValueOrigins userOrigins,
            String whereToSet,
            Supplier<Map<String, ValueComment>> comments) {
        this.userOrigins = Objects.requireNonNull(userOrigins, "userOrigins");
        this.schemas = chartSchemas.reporting(userOrigins);
        this.whereToSet = Objects.requireNonNull(whereToSet, "whereToSet");
        this.comments = Objects.requireNonNull(comments, "comments");
    }

    @Override
    public String validate(Chart chart, Map<String, Object> values) {
        return HelmSchemaValidator.listing(
                schemas.problems(chart, values), problem -> notSet(problem) ? required(problem) : problem.message());
    }

    /** The team gave no value here, and what the chart has instead is empty or missing. */
    private boolean notSet(ValuesProblem problem) {
        if (userOrigins.originOf(problem.path()).isPresent()) {
            return false;
        }
        String found = problem.found();
        return problem.keyword().equals("required")
                || found.equals("nothing")
                || found.equals("the string \"\"")
                || found.equals("null")
                || found.startsWith("an empty ");
    }

    private String required(ValuesProblem problem) {
        String key = problem.path().toString();
        ValueComment comment = comments.get().get(key);
        String what = comment == null || comment.description().isBlank() ? "" : " (" + comment.description() + ")";
        String chartDefault = problem.found().equals("nothing")
                ? "the chart has no default"
                : "the chart's default, " + problem.found() + ", does not pass";
        return key + " is required and not set: set " + key + " in " + whereToSet + what + "; " + chartDefault
                + " (expected " + problem.expected() + ")";
    }
}
