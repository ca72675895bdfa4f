package dev.runway.render.verify;

import java.util.Objects;

/**
 * What to verify the manifests against.
 *
 * @param namespace         the service's namespace: every namespaced resource must be in it (empty: not checked)
 * @param serviceId         the runway service id, for the identity wiring checks (empty: identity wiring not checked)
 * @param kubernetesVersion the Kubernetes minor release the manifests are applied to ({@code 1.33}; {@code v1.33.0}
 *                          is accepted too): API versions it does not serve are errors; empty means the release the
 *                          client models describe ({@value KubeSchema#KUBERNETES_VERSION})
 * @param crds              CustomResourceDefinitions to check custom resources against (none: they are reported as
 *                          not checked)
 */
public record VerifyOptions(
        String namespace, String serviceId, String kubernetesVersion, CustomResourceDefinitions crds) {
    public VerifyOptions {
        namespace = Objects.requireNonNullElse(namespace, "");
        serviceId = Objects.requireNonNullElse(serviceId, "");
        kubernetesVersion = KubeApiVersions.minorVersion(Objects.requireNonNullElse(kubernetesVersion, ""));
        crds = Objects.requireNonNullElse(crds, CustomResourceDefinitions.none());
    }

    /** For the Kubernetes release of the client models, without CRDs. */
    public VerifyOptions(String namespace, String serviceId) {
        this(namespace, serviceId, "", CustomResourceDefinitions.none());
    }

    /** These options, checking custom resources against {@code crds}. */
    public VerifyOptions withCrds(CustomResourceDefinitions crds) {
        return new VerifyOptions(namespace, serviceId, kubernetesVersion, crds);
    }

    /** A runway-eks service: namespace = service id, identity wiring checked. */
    public static VerifyOptions runwayEks(String serviceId) {
        return new VerifyOptions(serviceId, serviceId);
    }

    /** Any manifests confined to one namespace, without the runway-eks identity checks. */
    public static VerifyOptions namespace(String namespace) {
        return new VerifyOptions(namespace, "");
    }

    /** The same options for another Kubernetes release ({@code 1.33}, {@code v1.33.0}; empty for the default). */
    public VerifyOptions withKubernetesVersion(String version) {
        return new VerifyOptions(namespace, serviceId, version, crds);
    }

    public boolean checksIdentity() {
        return !serviceId.isEmpty();
    }
}
