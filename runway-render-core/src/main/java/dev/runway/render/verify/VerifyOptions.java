package dev.runway.render.verify;

import java.util.Objects;

/**
 * What to verify the manifests against.
 *
 * @param namespace the service's namespace: every namespaced resource must be in it (empty: not checked)
 * @param serviceId the runway service id, for the identity wiring checks (empty: identity wiring not checked)
 * @param crds      CustomResourceDefinitions to check custom resources against (none: they are reported as not
 *                  checked)
 */
public record VerifyOptions(String namespace, String serviceId, CustomResourceDefinitions crds) {
    public VerifyOptions {
        namespace = Objects.requireNonNullElse(namespace, "");
        serviceId = Objects.requireNonNullElse(serviceId, "");
        crds = Objects.requireNonNullElse(crds, CustomResourceDefinitions.none());
    }

    public VerifyOptions(String namespace, String serviceId) {
        this(namespace, serviceId, CustomResourceDefinitions.none());
    }

    /** These options, checking custom resources against {@code crds}. */
    public VerifyOptions withCrds(CustomResourceDefinitions crds) {
        return new VerifyOptions(namespace, serviceId, crds);
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
