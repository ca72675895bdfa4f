package dev.runway.render.values;

import java.util.Objects;
import java.util.Optional;

/**
 * One way the values break a chart's {@code values.schema.json}, said so a person can fix it: the chart, the
 * values path, what the schema expects, what was found, and where the value was given.
 *
 * @param chart    the chart whose schema complained ({@code runway-eks}, or a subchart's name)
 * @param path     where in the values, from the top of the values the user gave
 * @param expected what the schema wants, in words ({@code one of "aws-imds", "kubernetes-oidc"})
 * @param found    what is there ({@code the string "aws"}, {@code nothing})
 * @param origin   the file, line and column (or the flag) that gave the value, when known
 * @param keyword  the JSON Schema keyword that failed ({@code enum}, {@code required}, ...)
 */
public record ValuesProblem(
        String chart, ValuesPath path, String expected, String found, Optional<ValueOrigin> origin, String keyword) {
    public ValuesProblem {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyword, "keyword");
    }

    /** {@code gcpWorkloadIdentity.credentialSource: expected one of "aws-imds", "kubernetes-oidc", found the string "aws" (values.yaml:12:21)}. */
    public String message() {
        return path + ": expected " + expected + ", found " + found
                + origin.map(o -> " (" + o + ")").orElse("");
    }

    @Override
    public String toString() {
        return message();
    }
}
