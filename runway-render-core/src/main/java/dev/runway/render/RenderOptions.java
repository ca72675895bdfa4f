package dev.runway.render;

import java.util.Objects;

/**
 * How to render: release name and namespace, the Kubernetes version {@code .Capabilities} reports, whether the
 * release counts as an upgrade, and whether hooks are printed after the manifests as the {@code helm template}
 * command prints them ({@code false}: as {@code --no-hooks}, and as helm-java's template returns the release).
 * Defaults match {@code helm template} with the oracle's pinned kube version.
 */
public record RenderOptions(String releaseName, String namespace, String kubeVersion, boolean upgrade,
                            boolean hooks) {
    public static final String DEFAULT_KUBE_VERSION = "v1.33.0";

    public RenderOptions {
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        kubeVersion = kubeVersion == null || kubeVersion.isEmpty() ? DEFAULT_KUBE_VERSION : kubeVersion;
    }

    /** {@code helm template} defaults: release "release-name", namespace "default". */
    public static RenderOptions defaults() {
        return new RenderOptions("release-name", "default", DEFAULT_KUBE_VERSION, false, true);
    }

    public static RenderOptions of(String releaseName, String namespace) {
        return new RenderOptions(releaseName, namespace, DEFAULT_KUBE_VERSION, false, true);
    }

    public RenderOptions withKubeVersion(String version) {
        return new RenderOptions(releaseName, namespace, version, upgrade, hooks);
    }

    public RenderOptions withUpgrade(boolean isUpgrade) {
        return new RenderOptions(releaseName, namespace, kubeVersion, isUpgrade, hooks);
    }

    public RenderOptions withHooks(boolean printHooks) {
        return new RenderOptions(releaseName, namespace, kubeVersion, upgrade, printHooks);
    }
}
