package dev.runway.render.identity;

import dev.runway.render.eks.ClusterRuntime;
import dev.runway.render.eks.RunwayEksValues;
import java.util.Map;
import java.util.Objects;

/**
 * The seven runway-eks values the identity handshake depends on. {@code runway:verify} reads them straight from the
 * values map ({@link #fromValues}) instead of binding the whole {@link RunwayEksValues} model: the render it checks
 * has already passed the chart's schema, and data binding would load several hundred Jackson classes for seven
 * strings.
 *
 * @param serviceId                 {@code serviceId}
 * @param runtime                   {@code runtime}
 * @param awsAccountId              {@code aws.accountId}
 * @param gcpProjectId              {@code gcp.projectId}
 * @param gcpProjectNumber          {@code gcp.projectNumber}
 * @param gcpWorkloadIdentityPoolId {@code gcp.workloadIdentityPoolId}
 * @param profiling                 {@code profiling.enabled}
 */
public record HandshakeValues(
        String serviceId,
        ClusterRuntime runtime,
        String awsAccountId,
        String gcpProjectId,
        String gcpProjectNumber,
        String gcpWorkloadIdentityPoolId,
        boolean profiling) {

    private static final String NOT_FIT = "values do not fit the runway-eks chart: ";

    public HandshakeValues {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(awsAccountId, "aws.accountId");
        Objects.requireNonNull(gcpProjectId, "gcp.projectId");
        Objects.requireNonNull(gcpProjectNumber, "gcp.projectNumber");
        Objects.requireNonNull(gcpWorkloadIdentityPoolId, "gcp.workloadIdentityPoolId");
    }

    /** The handshake's values of the typed model. */
    public static HandshakeValues of(RunwayEksValues values) {
        return new HandshakeValues(
                values.serviceId(),
                values.runtime(),
                values.aws().accountId(),
                values.gcp().projectId(),
                values.gcp().projectNumber(),
                values.gcp().workloadIdentityPoolId(),
                values.profiling().enabled());
    }

    /**
     * The handshake's values of a user values map (Go values as the renderer merges them, without the chart's
     * defaults): a value the map does not give is the chart's default, as in {@link RunwayEksValues#defaults()}.
     *
     * @throws IllegalArgumentException naming the value when one has the wrong type (or is null)
     */
    public static HandshakeValues fromValues(Map<String, Object> values) {
        HandshakeValues d = of(RunwayEksValues.defaults());
        String runtime = string(values, d.runtime().value(), "runtime");
        ClusterRuntime cluster;
        try {
            cluster = ClusterRuntime.of(runtime);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_FIT + e.getMessage(), e);
        }
        Object profiling = at(values, "profiling", "enabled");
        if (profiling != null && !(profiling instanceof Boolean)) {
            throw wrongType("profiling.enabled", "a boolean", profiling);
        }
        return new HandshakeValues(
                string(values, d.serviceId(), "serviceId"),
                cluster,
                string(values, d.awsAccountId(), "aws", "accountId"),
                string(values, d.gcpProjectId(), "gcp", "projectId"),
                string(values, d.gcpProjectNumber(), "gcp", "projectNumber"),
                string(values, d.gcpWorkloadIdentityPoolId(), "gcp", "workloadIdentityPoolId"),
                profiling == null ? d.profiling() : (Boolean) profiling);
    }

    private static String string(Map<String, Object> values, String fallback, String... path) {
        Object value = at(values, path);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw wrongType(String.join(".", path), "a string", value);
        }
        return text;
    }

    /**
     * The value at {@code path}, or null when the map does not give it. A null the user wrote is refused: it
     * deletes the chart's default, and the handshake cannot be derived without the value.
     */
    private static Object at(Map<String, Object> values, String... path) {
        Object current = values;
        for (int i = 0; i < path.length; i++) {
            if (!(current instanceof Map<?, ?> map)) {
                throw wrongType(String.join(".", java.util.Arrays.copyOf(path, i)), "a map", current);
            }
            if (!map.containsKey(path[i])) {
                return null;
            }
            current = map.get(path[i]);
            if (current == null) {
                throw new IllegalArgumentException(NOT_FIT + String.join(".", java.util.Arrays.copyOf(path, i + 1))
                        + " is null, which deletes the chart's default; the identity handshake needs it");
            }
        }
        return current;
    }

    private static IllegalArgumentException wrongType(String path, String expected, Object value) {
        return new IllegalArgumentException(NOT_FIT + path + " must be " + expected + ", not "
                + (value instanceof String ? "the string \"" + value + "\"" : typeName(value) + " " + value));
    }

    private static String typeName(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return "the boolean";
        }
        if (value instanceof Number) {
            return "the number";
        }
        return "the value";
    }
}
