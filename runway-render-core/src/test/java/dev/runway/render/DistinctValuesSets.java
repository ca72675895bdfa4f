package dev.runway.render;

import dev.runway.render.yaml.GoYaml;
import java.util.Map;

/**
 * Distinct runway-eks values sets for the benchmark's batches and the concurrency test: the service id, image,
 * replicas, flags and an environment variable differ from set to set, so no render repeats another's values.
 */
public final class DistinctValuesSets {
    private DistinctValuesSets() {}

    /** Set number {@code i} with the given service id (an id the schema refuses makes a set that fails). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> valuesSet(int i, String serviceId) {
        String yaml = "serviceId: " + serviceId + "\n"
                + "image:\n  repository: registry.example.com/runway/svc-" + i + "\n  tag: \"1." + i + "\"\n"
                + "replicas: " + (1 + i % 7) + "\n"
                + "autoscaling:\n  enabled: " + (i % 2 == 0) + "\n"
                + "podDisruptionBudget:\n  enabled: " + (i % 3 == 0) + "\n"
                + "gcpWorkloadIdentity:\n  credentialSource: " + (i % 5 == 0 ? "kubernetes-oidc" : "aws-imds") + "\n"
                + "env:\n  INDEX: \"" + i + "\"\n";
        return (Map<String, Object>) GoYaml.read(yaml, "set-" + i + ".yaml");
    }
}
