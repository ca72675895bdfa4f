package dev.runway.render.verify;

import java.util.Objects;

/**
 * What to verify the manifests against.
 *
 * @param namespace the service's namespace: every namespaced resource must be in it (empty: not checked)
 * @param serviceId the runway service id, for the identity wiring checks (empty: identity wiring not checked)
 */
public record VerifyOptions(String namespace, String serviceId) {
    public VerifyOptions {
        namespace = Objects.requireNonNullElse(namespace, "");
        serviceId = Objects.requireNonNullElse(serviceId, "");
    }

    /** A runway-eks service: namespace = service id, identity wiring checked. */
    public static VerifyOptions runwayEks(String serviceId) {
        return new VerifyOptions(serviceId, serviceId);
    }

    /** Any manifests confined to one namespace, without the runway-eks identity checks. */
    public static VerifyOptions namespace(String namespace) {
        return new VerifyOptions(namespace, "");
    }

    public boolean checksIdentity() {
        return !serviceId.isEmpty();
    }
}
