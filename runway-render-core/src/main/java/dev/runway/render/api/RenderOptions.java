package dev.runway.render.api;

import java.util.Objects;

/**
 * How to render: release name and namespace, the Kubernetes version {@code .Capabilities} reports, whether the
 * release counts as an upgrade, whether hooks are printed after the manifests as the {@code helm template}
 * command prints them ({@code false}: as {@code --no-hooks}, and as helm-java's template returns the release), and
 * the Helm version whose output to reproduce ({@link HelmVersion#DEFAULT}, Helm 4, unless asked).
 * Defaults match {@code helm template} with the oracle's pinned kube version.
 */
public record RenderOptions(
        String releaseName,
        String namespace,
        String kubeVersion,
        boolean upgrade,
        boolean hooks,
        HelmVersion helmVersion) {
    public static final String DEFAULT_KUBE_VERSION = "v1.33.0";

    public RenderOptions {
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        kubeVersion = kubeVersion == null || kubeVersion.isEmpty() ? DEFAULT_KUBE_VERSION : kubeVersion;
        helmVersion = helmVersion == null ? HelmVersion.DEFAULT : helmVersion;
    }

    /** Options rendering as the default Helm version ({@link HelmVersion#DEFAULT}). */
    public RenderOptions(String releaseName, String namespace, String kubeVersion, boolean upgrade, boolean hooks) {
        this(releaseName, namespace, kubeVersion, upgrade, hooks, HelmVersion.DEFAULT);
    }

    /** {@code helm template} defaults: release "release-name", namespace "default". */
    public static RenderOptions defaults() {
        return of("release-name", "default");
    }

    public static RenderOptions of(String releaseName, String namespace) {
        return new RenderOptions(releaseName, namespace, DEFAULT_KUBE_VERSION, false, true, HelmVersion.DEFAULT);
    }

    public RenderOptions withKubeVersion(String version) {
        return new RenderOptions(releaseName, namespace, version, upgrade, hooks, helmVersion);
    }

    public RenderOptions withUpgrade(boolean isUpgrade) {
        return new RenderOptions(releaseName, namespace, kubeVersion, isUpgrade, hooks, helmVersion);
    }

    public RenderOptions withHooks(boolean printHooks) {
        return new RenderOptions(releaseName, namespace, kubeVersion, upgrade, printHooks, helmVersion);
    }

    /** The same options rendering as another Helm version. */
    public RenderOptions withHelmVersion(HelmVersion version) {
        return new RenderOptions(releaseName, namespace, kubeVersion, upgrade, hooks, version);
    }
}
