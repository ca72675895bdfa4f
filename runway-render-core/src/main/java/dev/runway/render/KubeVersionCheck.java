package dev.runway.render;

import dev.runway.render.chart.KubeVersionRange;

/** Chart.yaml kubeVersion against the kube version of the render. */
final class KubeVersionCheck {
    private KubeVersionCheck() {
    }

    static boolean satisfied(String range, String version) {
        try {
            return KubeVersionRange.satisfied(range, version);
        } catch (IllegalArgumentException e) {
            throw new RenderException("invalid kubeVersion " + range + " in Chart.yaml: " + e.getMessage(), e);
        }
    }
}
