package dev.runway.render.eks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where the service runs, and so how it reaches Google Cloud ({@code runtime}). */
public enum ClusterRuntime {
    /** EKS: AWS workload identity federation, a role ARN annotation and an {@code external_account} credentials file. */
    EKS("eks"),
    /** GKE Workload Identity: the ServiceAccount names its Google service account; no credentials file. */
    GKE("gke");

    private final String value;

    ClusterRuntime(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ClusterRuntime of(String value) {
        for (ClusterRuntime runtime : values()) {
            if (runtime.value.equals(value)) {
                return runtime;
            }
        }
        throw new IllegalArgumentException("runtime must be eks or gke, not " + value);
    }
}
