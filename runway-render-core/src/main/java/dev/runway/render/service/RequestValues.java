package dev.runway.render.service;

import dev.runway.render.values.MergedValues;
import dev.runway.render.values.ValueOrigin;
import dev.runway.render.values.ValuesPath;
import java.util.Optional;

/**
 * The user's values of a {@link RenderRequest}, read as {@code helm template -f ... --set ...} reads them: merged,
 * with the origin of every value, values files named relative to the request's base directory
 * ({@code .runway/values.yaml:4:3}). Reading them before anything else reports a broken values file as
 * {@code file:line:column: YAML syntax error: ...} (a {@link dev.runway.render.values.ValuesFileException}) rather
 * than as a consequence of it, and tells the service id and where it was set.
 */
public final class RequestValues {

    /** Where a Runway service keeps the values every environment shares (Runway's convention). */
    public static final String DEFAULT_VALUES_FILE = ".runway/values.yaml";

    /** The top-level value that names a Runway service. */
    public static final ValuesPath SERVICE_ID = ValuesPath.of("serviceId");

    private final MergedValues merged;

    private RequestValues(MergedValues merged) {
        this.merged = merged;
    }

    /**
     * Reads and merges the request's values files and overrides.
     *
     * @throws dev.runway.render.values.ValuesFileException for a values file that cannot be read, with its position
     * @throws dev.runway.render.values.SetValueException   for an override Helm could not parse
     */
    public static RequestValues read(RenderRequest request) {
        return new RequestValues(request.mergeValues());
    }

    /** The merged values and where each came from. */
    public MergedValues merged() {
        return merged;
    }

    /** The {@code serviceId} the values give, when they give a non-blank string. */
    public Optional<String> serviceId() {
        return merged.values().get("serviceId") instanceof String id && !id.isBlank()
                ? Optional.of(id.strip())
                : Optional.empty();
    }

    /** Where {@code serviceId} was set: a values file position or a flag. */
    public Optional<ValueOrigin> serviceIdOrigin() {
        return merged.origins().originOf(SERVICE_ID);
    }
}
